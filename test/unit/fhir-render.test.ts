// The FHIR R4 export of a plan, a rule set and a course's history: each Bundle validates
// with both validators, and says what the plan says.
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/engine/plan.js';
import type { Plan } from '../../src/engine/types.js';
import { loadRulesOrThrow } from '../../src/rules/load/load.js';
import { fhirHistoryBundle, fhirPlanBundle, fhirRulesBundle, renderFhir, renderHistoryFhir, renderRulesFhir, type FhirHistoryInput } from '../../src/render/fhir/index.js';
import { EXTENSION, planDefinitionUrl, questionnaireUrl, UCUM } from '../../src/render/fhir/urls.js';
import { formatForPath } from '../../src/render/index.js';
import { builtinRules, makeIntake, TODAY } from '../helpers/builders.js';
import { expectValidFhir } from '../helpers/fhir-validators.js';

type Json = Record<string, any>;
const rules = builtinRules();
const resources = (bundle: Json, type: string): Json[] => bundle.entry.map((e: Json) => e.resource).filter((r: Json) => r.resourceType === type);
const one = (bundle: Json, type: string): Json => {
  const found = resources(bundle, type);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const ext = (element: Json, url: string): Json[] => (element.extension ?? []).filter((e: Json) => e.url === url);
const sub = (e: Json, url: string): Json | undefined => e.extension.find((x: Json) => x.url === url);

const ready = plan(makeIntake({ client: 'Ana Lima', concerns: [{ id: 'acne-scars', severity: 'severe' }], zones: ['cheeks', 'forehead'], start: '2027-01-05' }), rules, TODAY);
const undated = plan(makeIntake({ client: 'Ben' }), rules, TODAY);
const blocked = plan(makeIntake({ conditions: ['pregnant', 'blood-thinners'], start: '2027-01-05' }), rules, TODAY);
const clearance = plan(makeIntake({ conditions: ['isotretinoin-recent'], fitzpatrick: 5, age: null, screened: false, start: '2027-01-05' }), rules, TODAY);

describe('plan -f fhir: a Bundle of type collection', () => {
  it.each([
    ['ready', ready],
    ['undated', undated],
    ['not eligible', blocked],
    ['needs clearance, unscreened, no age', clearance],
  ])('%s: the Bundle and each resource in it validate', (_name, p) => {
    const bundle = fhirPlanBundle(p);
    expectValidFhir(bundle);
    for (const e of bundle.entry) expectValidFhir(e.resource);
    expect(bundle.type).toBe('collection');
    expect(resources(bundle, 'Patient')).toHaveLength(1);
    expect(resources(bundle, 'CarePlan')).toHaveLength(1);
    expect(resources(bundle, 'QuestionnaireResponse')).toHaveLength(1);
    expect(resources(bundle, 'DetectedIssue')).toHaveLength(p.findings.length);
  });

  it('is in the renderer table: "-o plan.fhir.json" picks it, "plan.json" stays json', () => {
    expect(formatForPath('c-1001.FHIR.json')).toBe('fhir');
    expect(formatForPath('plan.json')).toBe('json');
  });

  it('renderFhir writes the Bundle as JSON, the same for the same plan', () => {
    const text = renderFhir(ready, { color: false, explain: false });
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(fhirPlanBundle(ready));
    expect(renderFhir(structuredClone(ready))).toBe(text);
  });

  it('is stamped by the caller, and deterministically without one', () => {
    expect(fhirPlanBundle(ready).timestamp).toBe('2026-11-25T00:00:00Z');
    const stamped = fhirPlanBundle(ready, { timestamp: '2026-11-25T10:30:00.123Z' });
    expect(stamped.timestamp).toBe('2026-11-25T10:30:00.123Z');
    expect({ ...stamped, timestamp: 'x' }).toEqual({ ...fhirPlanBundle(ready), timestamp: 'x' });
  });

  it('the Patient carries only the client label', () => {
    const patient = one(fhirPlanBundle(ready), 'Patient');
    expect(Object.keys(patient).sort()).toEqual(['id', 'name', 'resourceType']);
    expect(patient.name).toEqual([{ text: 'Ana Lima' }]);
    const anonymous = one(fhirPlanBundle(blocked), 'Patient');
    expect(Object.keys(anonymous).sort()).toEqual(['id', 'resourceType']);
    const escaped = one(fhirPlanBundle(plan(makeIntake({ client: '\u001b[2JAna' }), rules, TODAY)), 'Patient');
    expect(escaped.name).toEqual([{ text: '[2JAna' }]);
    // Same client, same Patient id across plans.
    const again = plan(makeIntake({ client: 'Ana Lima', start: '2027-02-01' }), rules, TODAY);
    expect(one(fhirPlanBundle(again), 'Patient').id).toBe(patient.id);
  });

  it('the CarePlan: intent plan, draft unless told, the rule set it instantiates, its period', () => {
    const bundle = fhirPlanBundle(ready);
    const cp = one(bundle, 'CarePlan');
    expect(cp).toMatchObject({ intent: 'plan', status: 'draft', created: TODAY, period: { start: '2027-01-05', end: ready.schedule.at(-1)!.date } });
    expect(cp.instantiatesCanonical).toEqual([`${planDefinitionUrl(ready.rules.sha256)}|${ready.rules.version}`]);
    expect(cp.subject.reference).toBe(bundle.entry.find((e) => e.resource.resourceType === 'Patient')!.fullUrl);
    expect(one(fhirPlanBundle(ready, { status: 'active' }), 'CarePlan').status).toBe('active');
  });

  it('one activity per dated session, inline detail only, dates as the schedule, depth per zone in UCUM mm', () => {
    const cp = one(fhirPlanBundle(ready), 'CarePlan');
    expect(cp.activity).toHaveLength(ready.schedule.length);
    cp.activity.forEach((a: Json, i: number) => {
      expect(Object.keys(a)).toEqual(['detail']);
      expect(a.detail).toMatchObject({ kind: 'ServiceRequest', status: 'scheduled', scheduledPeriod: { start: ready.schedule[i]!.date, end: ready.schedule[i]!.date } });
      expect(a.detail.code.text).toBe('Microneedling (collagen induction therapy)');
      expect(a.detail.code.coding.map((c: Json) => c.system)).toEqual(['https://needleplan.dev/fhir/CodeSystem/procedure']);
      expect(a.detail.description).toContain(`Session ${i + 1} of ${ready.schedule.length}`);
      const zones = ext(a.detail, EXTENSION.treatedZone);
      expect(zones.map((z) => sub(z, 'bodySite')!.valueCodeableConcept.coding[0].code)).toEqual(ready.zones.map((z) => z.zone));
      expect(zones.map((z) => sub(z, 'depth')!.valueQuantity)).toEqual(ready.zones.map((z) => ({ value: z.depthMm, unit: 'mm', system: UCUM, code: 'mm' })));
    });
  });

  it('an undated plan has its sessions as not-started activities; a not-eligible plan has none', () => {
    const cp = one(fhirPlanBundle(undated), 'CarePlan');
    expect(cp.activity).toHaveLength(undated.sessions.count);
    expect(cp.activity.every((a: Json) => a.detail.status === 'not-started' && !a.detail.scheduledPeriod)).toBe(true);
    expect(cp.period).toBeUndefined();
    expect(one(fhirPlanBundle(blocked), 'CarePlan').activity).toBeUndefined();
  });

  it('a DetectedIssue per finding: severity from the outcome, client wording in detail, referenced from the CarePlan', () => {
    const bundle = fhirPlanBundle(clearance);
    const issues = resources(bundle, 'DetectedIssue');
    const severity = { block: 'high', clearance: 'high', defer: 'moderate', modify: 'moderate', caution: 'low' };
    expect(issues.map((d) => [d.code.coding[0].code, d.severity])).toEqual(clearance.findings.map((f) => [f.code, severity[f.outcome]]));
    issues.forEach((d, i) => {
      const f = clearance.findings[i]!;
      expect(d.status).toBe('final');
      expect(d.detail).toBe(f.clientMessage);
      expect(ext(d, EXTENSION.practitionerMessage)).toEqual([{ url: EXTENSION.practitionerMessage, valueString: f.message }]);
      expect(ext(d, EXTENSION.findingOutcome)[0]!.valueCode).toBe(f.outcome);
    });
    const urls = bundle.entry.filter((e) => e.resource.resourceType === 'DetectedIssue').map((e) => e.fullUrl);
    const cp = one(bundle, 'CarePlan');
    expect(cp.supportingInfo.map((r: Json) => r.reference)).toEqual(expect.arrayContaining(urls));
    expect(cp.addresses).toBeUndefined();
  });

  it('the QuestionnaireResponse answers the generated Questionnaire, item by item', () => {
    const q = one(fhirRulesBundle(rules), 'Questionnaire');
    const qr = one(fhirPlanBundle(clearance), 'QuestionnaireResponse');
    expect(qr.questionnaire).toBe(`${q.url}|${q.version}`);
    expect(q.url).toBe(questionnaireUrl(rules.sha256));
    const links = new Set<string>();
    const collect = (items: Json[] = []) => items.forEach((i) => (links.add(i.linkId), collect(i.item)));
    collect(q.item);
    const answered: string[] = [];
    const walk = (items: Json[] = []) => items.forEach((i) => (answered.push(i.linkId), walk(i.item)));
    walk(qr.item);
    expect(answered.filter((l) => !links.has(l))).toEqual([]);
    const answer = (link: string) => qr.item.find((i: Json) => i.linkId === link)?.answer;
    expect(answer('fitzpatrick')).toEqual([{ valueCoding: expect.objectContaining({ code: 'V' }) }]);
    expect(answer('screened')).toEqual([{ valueBoolean: false }]);
    expect(answer('age')).toBeUndefined();
    expect(qr.item.find((i: Json) => i.linkId === 'screening').item).toEqual([{ linkId: 'screening.isotretinoin-recent', answer: [{ valueBoolean: true }] }]);
  });

  it('reads the treatment-area fields where a plan has them: held-back zones, per-zone concerns, findings for some zones', () => {
    const p = structuredClone(ready) as Plan & { zones: Json[]; findings: Json[] };
    p.zones[0]!.concerns = [{ id: 'acne-scars', severity: 'severe' }];
    p.zones[0]!.treated = true;
    p.zones[1]!.treated = false;
    p.zones[1]!.heldBack = { code: 'active-acne', message: 'Active acne on the forehead: treat it first.' };
    p.findings.push({ code: 'active-acne', outcome: 'defer', message: 'Active acne on the forehead.', clientMessage: 'Acne on your forehead needs treating first.', ruleId: 'screening/active-acne', zones: ['forehead'] });
    const bundle = fhirPlanBundle(p);
    expectValidFhir(bundle);
    const cp = one(bundle, 'CarePlan');
    for (const a of cp.activity) expect(ext(a.detail, EXTENSION.treatedZone).map((z) => sub(z, 'bodySite')!.valueCodeableConcept.coding[0].code)).toEqual(['cheeks']);
    const held = ext(cp, EXTENSION.heldBackZone);
    expect(held.map((h) => [sub(h, 'bodySite')!.valueCodeableConcept.coding[0].code, sub(h, 'code')!.valueCode])).toEqual([['forehead', 'active-acne']]);
    const issue = resources(bundle, 'DetectedIssue').find((d) => d.code.coding[0].code === 'active-acne')!;
    expect(ext(issue, EXTENSION.findingZone).map((e) => e.valueCodeableConcept.coding[0].code)).toEqual(['forehead']);
  });
});

describe('rules show -f fhir: PlanDefinition and Questionnaire', () => {
  it.each([
    ['built-in', rules],
    ['clinic', loadRulesOrThrow('test/fixtures/rules-clinic')],
  ])('%s rules: the Bundle validates, with version and fingerprint', (_name, r) => {
    const bundle = fhirRulesBundle(r);
    expectValidFhir(bundle);
    for (const e of bundle.entry) expectValidFhir(e.resource);
    const pd = one(bundle, 'PlanDefinition');
    expect(pd).toMatchObject({ status: 'active', version: r.ruleset.version, url: planDefinitionUrl(r.sha256) });
    expect(pd.type.coding[0]).toMatchObject({ system: 'http://terminology.hl7.org/CodeSystem/plan-definition-type', code: 'clinical-protocol' });
    expect(pd.identifier).toEqual([{ system: 'https://needleplan.dev/fhir/NamingSystem/rules-sha256', value: r.sha256 }]);
    expect(pd.action.map((a: Json) => a.title)).toEqual(['Consultation', ...r.concerns.concerns.map((c) => c.label), 'Screening']);
    const q = one(bundle, 'Questionnaire');
    const screening = q.item.find((i: Json) => i.linkId === 'screening');
    expect(screening.item.map((i: Json) => i.text).sort()).toEqual(r.screening.conditions.map((c) => c.question).sort());
    expect(bundle.timestamp).toBeUndefined();
    expect(renderRulesFhir(r)).toBe(`${JSON.stringify(bundle, null, 2)}\n`);
  });
});

describe('history -f fhir: Procedures and Devices', () => {
  const input: FhirHistoryInput = {
    plan: ready,
    courseStatus: 'active',
    sessions: [
      { number: 1, date: '2027-01-05', zones: [{ zone: 'cheeks', depthMm: 1.5 }, { zone: 'forehead', depthMm: 0.5 }], passes: 3, reaction: 'none', healedDays: 3, lot: 'LOT-A1', note: 'Tolerated well.' },
      { number: 2, date: '2027-02-02T14:30:00+01:00', zones: [{ zone: 'cheeks', depthMm: 1.25 }], passes: 2, reaction: 'moderate', healedDays: null, lot: 'LOT-A1', note: null },
      { number: 3, date: '2027-03-02T09:00Z', zones: [{ zone: 'cheeks', depthMm: 1 }], passes: null, reaction: null, healedDays: null, lot: null, note: null },
    ],
  };

  it('validates, each Procedure based on the CarePlan, one Device per lot', () => {
    const bundle = fhirHistoryBundle(input);
    expectValidFhir(bundle);
    for (const e of bundle.entry) expectValidFhir(e.resource);
    const carePlanUrl = bundle.entry.find((e) => e.resource.resourceType === 'CarePlan')!.fullUrl;
    const procedures = resources(bundle, 'Procedure');
    expect(procedures).toHaveLength(3);
    for (const p of procedures) expect(p).toMatchObject({ status: 'completed', basedOn: [{ reference: carePlanUrl }] });
    expect(procedures.map((p) => p.performedDateTime)).toEqual(['2027-01-05', '2027-02-02T14:30:00+01:00', '2027-03-02T09:00:00Z']);
    expect(resources(bundle, 'Device')).toEqual([expect.objectContaining({ lotNumber: 'LOT-A1' })]);
    expect(procedures[0]!.usedReference).toEqual(procedures[1]!.usedReference);
    expect(procedures[2]!.usedReference).toBeUndefined();
    expect(one(bundle, 'CarePlan').status).toBe('active');
  });

  it('depth and passes as extensions, body sites, the reaction as outcome and complication', () => {
    const [first, second] = resources(fhirHistoryBundle(input), 'Procedure');
    expect(first!.bodySite.map((b: Json) => b.coding[0].code)).toEqual(['cheeks', 'forehead']);
    expect(ext(first!, EXTENSION.treatedZone).map((z) => sub(z, 'depth')!.valueQuantity.value)).toEqual([1.5, 0.5]);
    expect(ext(first!, EXTENSION.passes)).toEqual([{ url: EXTENSION.passes, valuePositiveInt: 3 }]);
    expect(ext(first!, EXTENSION.healingTime)[0]!.valueQuantity).toEqual({ value: 3, unit: 'd', system: UCUM, code: 'd' });
    expect(first!.outcome.coding[0].code).toBe('none');
    expect(first!.complication).toBeUndefined();
    expect(first!.note).toEqual([{ text: 'Tolerated well.' }]);
    expect(second!.complication[0].coding[0].code).toBe('moderate');
  });

  it('marks the sessions done as completed activities pointing to their Procedure', () => {
    const bundle = fhirHistoryBundle({ ...input, sessions: input.sessions.slice(0, 1), courseStatus: 'superseded' });
    const cp = one(bundle, 'CarePlan');
    expect(cp.status).toBe('revoked');
    const procedureUrl = bundle.entry.find((e) => e.resource.resourceType === 'Procedure')!.fullUrl;
    expect(cp.activity[0]).toMatchObject({ outcomeReference: [{ reference: procedureUrl }], detail: { status: 'completed' } });
    expect(cp.activity[1].detail.status).toBe('scheduled');
    expect(renderHistoryFhir(input)).toBe(renderHistoryFhir(structuredClone(input)));
  });

  it('refuses a time without an offset (FHIR gives every time a zone)', () => {
    expect(() => fhirHistoryBundle({ ...input, sessions: [{ ...input.sessions[0]!, date: '2027-01-05T10:00:00' }] })).toThrow(/offset/);
  });
});
