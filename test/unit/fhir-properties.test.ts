// For generated intakes: the plan's FHIR Bundle validates with both validators, its
// activities carry the plan's schedule, a not-eligible plan schedules nothing, and the
// same plan gives the same Bundle but for its timestamp. Bounded: validation is slow.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plan } from '../../src/engine/plan.js';
import { fhirPlanBundle } from '../../src/render/fhir/index.js';
import { intakeArb } from '../helpers/intake-arb.js';
import { builtinRules, TODAY } from '../helpers/builders.js';
import { fhirProblems } from '../helpers/fhir-validators.js';

const rules = builtinRules();
type Json = Record<string, any>;

describe('FHIR export properties', () => {
  it('every plan Bundle validates, dates equal the schedule, not-eligible schedules nothing, reruns agree', () => {
    fc.assert(
      fc.property(intakeArb(rules), fc.constantFrom('2026-11-25T10:00:00Z', '2027-06-01T08:15:30.5+02:00'), (intake, timestamp) => {
        const p = plan(intake, rules, TODAY);
        const bundle = fhirPlanBundle(p, { timestamp });
        expect(fhirProblems(bundle)).toEqual([]);
        const carePlan = bundle.entry.map((e) => e.resource).find((r) => r.resourceType === 'CarePlan') as Json;
        const activities: Json[] = carePlan.activity ?? [];
        const dated = activities.filter((a) => a.detail.scheduledPeriod);
        expect(dated.map((a) => a.detail.scheduledPeriod.start)).toEqual(p.schedule.map((s) => s.date));
        if (p.status === 'not-eligible') expect(activities.filter((a) => a.detail.status === 'scheduled')).toEqual([]);
        else expect(activities).toHaveLength(p.sessions.count);
        expect({ ...fhirPlanBundle(structuredClone(p)), timestamp }).toEqual(bundle);
      }),
      { numRuns: 40 },
    );
  });
});
