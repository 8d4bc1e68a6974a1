// The validators the FHIR tests rely on catch what they are there to catch: each broken
// resource below is refused by the validator named, so a green FHIR test means something.
import { describe, expect, it } from 'vitest';
import { fhirJsProblems, fhirProblems, jsonRuleProblems, medplumProblems, referenceProblems } from '../helpers/fhir-validators.js';

const patient = { resourceType: 'Patient', id: 'p1', name: [{ text: 'Ana' }] };
const carePlan = (activity: object) => ({
  resourceType: 'CarePlan',
  id: 'c1',
  status: 'draft',
  intent: 'plan',
  subject: { reference: 'urn:uuid:00000000-0000-5000-8000-000000000001' },
  activity: [activity],
});
const detail = { kind: 'ServiceRequest', status: 'scheduled', scheduledPeriod: { start: '2027-01-05', end: '2027-01-05' }, description: 'Session 1' };

describe('FHIR validators', () => {
  it('accept a small valid CarePlan (the urn:uuid reference warning aside)', () => {
    expect(medplumProblems(carePlan({ detail }))).toEqual([]);
    expect(fhirJsProblems(carePlan({ detail }))).toEqual([]);
  });

  it('Medplum catches an activity with both reference and detail (invariant cpl-3)', () => {
    const broken = carePlan({ reference: { reference: 'ServiceRequest/s1' }, detail });
    expect(medplumProblems(broken)).toContainEqual(expect.objectContaining({ severity: 'error', message: expect.stringContaining('cpl-3') }));
  });

  it('Medplum catches a missing required element and a bad date format', () => {
    const { status: _status, ...noStatus } = carePlan({ detail });
    expect(medplumProblems(noStatus).map((p) => p.path)).toContain('CarePlan.status');
    const badDate = carePlan({ detail: { ...detail, scheduledPeriod: { start: '05/01/2027' } } });
    expect(medplumProblems(badDate).length).toBeGreaterThan(0);
  });

  it('Medplum catches an empty required string and an unknown property; an empty optional string only the JSON check catches', () => {
    expect(medplumProblems(carePlan({ detail: { ...detail, description: undefined } }))).toEqual([]);
    expect(medplumProblems({ ...carePlan({ detail }), note: [{ text: '' }] })).toContainEqual(expect.objectContaining({ path: 'CarePlan.note[0].text' }));
    const emptyName = { ...patient, name: [{ text: '' }] };
    expect(medplumProblems(emptyName)).toEqual([]);
    expect(jsonRuleProblems(emptyName)).toContainEqual(expect.objectContaining({ path: 'name[0].text', message: 'empty string' }));
    expect(medplumProblems({ ...patient, nickname: 'A' })).toContainEqual(expect.objectContaining({ message: expect.stringContaining('nickname') }));
  });

  it('Medplum checks resources inside a Bundle too', () => {
    const bundle = { resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:00000000-0000-5000-8000-000000000001', resource: carePlan({ reference: { reference: 'ServiceRequest/s1' }, detail }) }] };
    expect(medplumProblems(bundle)).toContainEqual(expect.objectContaining({ message: expect.stringContaining('cpl-3') }));
  });

  it('FHIR.js catches a code outside a required value set, which Medplum lets through', () => {
    const broken = carePlan({ detail: { ...detail, status: 'booked' } });
    expect(medplumProblems(broken)).toEqual([]);
    expect(fhirJsProblems(broken)).toContainEqual(expect.objectContaining({ severity: 'error', message: expect.stringContaining('"booked" not found in value set') }));
    const badSeverity = { resourceType: 'DetectedIssue', id: 'd1', status: 'final', severity: 'severe' };
    expect(medplumProblems(badSeverity)).toEqual([]);
    expect(fhirJsProblems(badSeverity)).toContainEqual(expect.objectContaining({ message: expect.stringContaining('"severe" not found') }));
  });

  it('FHIR.js keeps a warning about a needleplan code under a binding that is not example or preferred', () => {
    // Bundle.type is bound "required": an own code there is an error, never excused.
    const own = { resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:00000000-0000-5000-8000-000000000002', resource: { ...patient, gender: 'x' } }] };
    expect(fhirJsProblems(own)).toContainEqual(expect.objectContaining({ severity: 'error', message: expect.stringContaining('"x" not found') }));
  });

  it("the JSON rules check catches what FHIR's JSON forbids", () => {
    expect(jsonRuleProblems({ a: '', b: [], c: {}, d: null, e: [{ f: ' ' }] }).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'a: empty string',
      'b: empty array',
      'c: empty object',
      'd: null is not a FHIR value',
      'e[0].f: empty string',
    ]);
    expect(jsonRuleProblems({ a: 0, b: false, c: 'x' })).toEqual([]);
    expect(jsonRuleProblems({ a: 'bell\u0007' })).toEqual([expect.objectContaining({ message: 'control character' })]);
  });

  it('the reference check catches a reference that resolves to no entry, and a fullUrl that is not the id', () => {
    const bundle = {
      resourceType: 'Bundle',
      entry: [
        { fullUrl: 'urn:uuid:00000000-0000-5000-8000-000000000009', resource: { id: 'p1' } },
        { fullUrl: 'urn:uuid:c1', resource: { id: 'c1', subject: { reference: 'urn:uuid:nowhere' } } },
      ],
    };
    expect(referenceProblems(bundle).map((p) => p.message)).toEqual([
      'fullUrl urn:uuid:00000000-0000-5000-8000-000000000009 is not urn:uuid:<id>',
      'reference urn:uuid:nowhere resolves to no entry',
    ]);
  });

  it('fhirProblems gathers all of them', () => {
    const broken = { ...carePlan({ reference: { reference: 'ServiceRequest/s1' }, detail: { ...detail, status: 'booked' } }), note: [] };
    const by = new Set(fhirProblems(broken).map((p) => p.by));
    expect(by).toEqual(new Set(['json', 'medplum', 'fhir.js']));
  });
});
