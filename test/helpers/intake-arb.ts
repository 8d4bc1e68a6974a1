// fast-check arbitraries for valid intakes under a rule set: every concern gets at least
// one zone it applies to, and only such zones, so plan() accepts every value.
import fc from 'fast-check';
import { zonesForConcern, type Intake } from '../../src/intake/schema.js';
import { SEVERITIES, type RuleSet } from '../../src/rules/schema.js';

export const isoDateArb = fc
  .integer({ min: 0, max: 800 })
  .map((offset) => new Date(Date.UTC(2026, 10, 1 + offset)).toISOString().slice(0, 10));

export function intakeArb(rules: RuleSet): fc.Arbitrary<Intake> {
  return fc
    .uniqueArray(fc.constantFrom(...rules.concerns.concerns.map((c) => c.id)), { minLength: 1, maxLength: 3 })
    .chain((concernIds) =>
      fc.record({
        client: fc.option(fc.string({ maxLength: 90 }), { nil: null }),
        concerns: fc.tuple(...concernIds.map((id) => fc.constantFrom(...SEVERITIES).map((severity) => ({ id, severity })))),
        zones: fc
          .tuple(...concernIds.map((id) => fc.subarray(zonesForConcern(rules, id), { minLength: 1, maxLength: 3 })))
          .map((lists) => [...new Set(lists.flat())]),
        fitzpatrick: fc.integer({ min: 1, max: 6 }),
        painTolerance: fc.constantFrom('low', 'normal', 'high' as const),
        age: fc.option(fc.integer({ min: 12, max: 90 }), { nil: null }),
        conditions: fc.subarray(rules.screening.conditions.map((c) => c.id), { maxLength: 4 }),
        screened: fc.boolean(),
        start: fc.option(isoDateArb, { nil: null }),
        device: fc.constantFrom(null, ...rules.devices.devices.map((d) => d.id)),
      }),
    );
}
