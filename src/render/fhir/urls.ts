// The needleplan namespace in FHIR: code systems, extensions and canonical URLs. There is
// no SNOMED CT or CPT code for microneedling that could be verified, so the procedure, the
// zones, concerns and findings are coded in needleplan's own code systems (always with
// text beside the code, so a receiving system that knows none of them still reads it).
// One base, so a clinic that hosts its own definitions changes one line.
export const FHIR_BASE = 'https://needleplan.dev/fhir';

export const CODE_SYSTEM = {
  procedure: `${FHIR_BASE}/CodeSystem/procedure`,
  zone: `${FHIR_BASE}/CodeSystem/zone`,
  concern: `${FHIR_BASE}/CodeSystem/concern`,
  severity: `${FHIR_BASE}/CodeSystem/severity`,
  finding: `${FHIR_BASE}/CodeSystem/finding`,
  outcome: `${FHIR_BASE}/CodeSystem/outcome`,
  fitzpatrick: `${FHIR_BASE}/CodeSystem/fitzpatrick`,
  painTolerance: `${FHIR_BASE}/CodeSystem/pain-tolerance`,
  reaction: `${FHIR_BASE}/CodeSystem/reaction`,
} as const;

export const EXTENSION = {
  /** Complex: one per zone, with `bodySite`, `depth` (UCUM mm) and the `concern`s treated. */
  treatedZone: `${FHIR_BASE}/StructureDefinition/treated-zone`,
  /** Complex: a zone held back by an in-area condition: `bodySite`, `code`, `message`. */
  heldBackZone: `${FHIR_BASE}/StructureDefinition/held-back-zone`,
  /** valueString: the practitioner's wording of a finding (DetectedIssue has no note in R4). */
  practitionerMessage: `${FHIR_BASE}/StructureDefinition/practitioner-message`,
  /** valueCode: block | clearance | defer | modify | caution. */
  findingOutcome: `${FHIR_BASE}/StructureDefinition/finding-outcome`,
  /** valueString: the rule that raised a finding, e.g. "screening/pregnant". */
  rule: `${FHIR_BASE}/StructureDefinition/rule`,
  /** valueCodeableConcept: a zone a finding concerns (findings may concern some zones only). */
  findingZone: `${FHIR_BASE}/StructureDefinition/finding-zone`,
  /** valuePositiveInt: needle passes in a session done. */
  passes: `${FHIR_BASE}/StructureDefinition/passes`,
  /** valueQuantity (UCUM d): days the skin took to heal after a session. */
  healingTime: `${FHIR_BASE}/StructureDefinition/healing-time`,
  /** valuePositiveInt: which session of the course a CarePlan activity or Procedure is. */
  sessionNumber: `${FHIR_BASE}/StructureDefinition/session-number`,
} as const;

export const IDENTIFIER_SYSTEM = {
  /** The rule set's sha256 fingerprint (rules.sha256). */
  rulesSha256: `${FHIR_BASE}/NamingSystem/rules-sha256`,
} as const;

export const UCUM = 'http://unitsofmeasure.org';

/** Canonical URLs of the rule set's PlanDefinition and Questionnaire: the fingerprint names
 * the exact set, the version is the one the clinic gave it. */
export const planDefinitionUrl = (sha256: string) => `${FHIR_BASE}/PlanDefinition/rules-${sha256}`;
export const questionnaireUrl = (sha256: string) => `${FHIR_BASE}/Questionnaire/consultation-${sha256}`;
/** `url|version`, FHIR's way to pin a canonical to one version. */
export const versioned = (url: string, version: string) => `${url}|${version}`;
