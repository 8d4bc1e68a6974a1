// The few FHIR R4 shapes the builders share. Deliberately loose (the validators in the
// tests hold the output to the real definitions): no FHIR type package on the CLI's path.
export interface Coding {
  system: string;
  code: string;
  display?: string | undefined;
}
export interface CodeableConcept {
  coding?: Coding[];
  text?: string | undefined;
}
export interface Reference {
  reference: string;
  display?: string | undefined;
}
export interface Extension {
  url: string;
  [value: `value${string}`]: unknown;
  extension?: Extension[];
}
export interface Resource {
  resourceType: string;
  id: string;
  [element: string]: unknown;
}
/** A resource with the urn:uuid the Bundle files it under; references point there. */
export interface Entry<R extends Resource = Resource> {
  fullUrl: string;
  resource: R;
}
export interface Bundle extends Resource {
  resourceType: 'Bundle';
  type: 'collection';
  timestamp: string;
  entry: Entry[];
}
