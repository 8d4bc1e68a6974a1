// A Bundle of type collection: each resource filed under urn:uuid:<its id>, and every
// reference between them written as that urn, so they resolve inside the Bundle.
import type { Bundle, Entry, Reference, Resource } from './types.js';
import { urn } from './ids.js';
import { pruneEmpty } from './prune.js';

export const entry = <R extends Resource>(resource: R): Entry<R> => ({ fullUrl: urn(resource.id), resource });
export const refTo = (e: Entry, display?: string): Reference => ({ reference: e.fullUrl, display });

/**
 * The caller stamps the Bundle (renderers never read the clock); without one, a plan's
 * Bundle is stamped with midnight UTC of its planning day, and a rule set's has none.
 */
export function collection(id: string, entries: readonly Entry[], timestamp: string | undefined): Bundle {
  return pruneEmpty({ resourceType: 'Bundle', id, type: 'collection', timestamp, entry: entries.map((e) => ({ ...e })) }) as Bundle;
}

export const midnightUtc = (date: string) => `${date}T00:00:00Z`;

/** FHIR JSON as the CLI writes it: two-space indent, one final newline. */
export const fhirJson = (resource: Resource) => `${JSON.stringify(resource, null, 2)}\n`;
