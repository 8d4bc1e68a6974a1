// fast-check arbitraries for valid intakes under a rule set: one to four treatment areas,
// each a zone with one to three concerns that fit it, so plan() accepts every value.
// In-area conditions are named with a zone of the plan, or without one.
import fc from 'fast-check';
import { zonesForConcern, type Intake } from '../../src/intake/schema.js';
import { concernsOf, zonesOf, type AreaAnswer } from '../../src/intake/areas.js';
import { SEVERITIES, type RuleSet } from '../../src/rules/schema.js';

export const isoDateArb = fc
  .integer({ min: 0, max: 800 })
  .map((offset) => new Date(Date.UTC(2026, 10, 1 + offset)).toISOString().slice(0, 10));

/** Areas: distinct zones, each with concerns that apply to it. */
export function areasArb(rules: RuleSet): fc.Arbitrary<AreaAnswer[]> {
  const fitting = (zone: string) => rules.concerns.concerns.map((c) => c.id).filter((id) => zonesForConcern(rules, id).includes(zone));
  const zones = rules.zones.zones.map((z) => z.id).filter((z) => fitting(z).length > 0);
  return fc.uniqueArray(fc.constantFrom(...zones), { minLength: 1, maxLength: 4 }).chain((picked) =>
    fc.tuple(
      ...picked.map((zone) =>
        fc
          .uniqueArray(fc.constantFrom(...fitting(zone)), { minLength: 1, maxLength: 3 })
          .chain((ids) => fc.tuple(...ids.map((id) => fc.constantFrom(...SEVERITIES).map((severity) => ({ id, severity })))))
          .map((concerns) => ({ zone, concerns })),
      ),
    ),
  );
}

export function intakeArb(rules: RuleSet): fc.Arbitrary<Intake> {
  const inArea = rules.screening.conditions.filter((c) => c.inArea).map((c) => c.id);
  return areasArb(rules).chain((areas) => {
    const zones = zonesOf(areas);
    return fc
      .record({
        client: fc.option(fc.string({ maxLength: 90 }), { nil: null }),
        fitzpatrick: fc.integer({ min: 1, max: 6 }),
        painTolerance: fc.constantFrom('low', 'normal', 'high' as const),
        age: fc.option(fc.integer({ min: 12, max: 90 }), { nil: null }),
        conditions: fc.subarray(rules.screening.conditions.map((c) => c.id), { maxLength: 4 }),
        // For each in-area condition picked: which zones it is named with (none: every zone).
        zoned: fc.array(fc.subarray(zones, { maxLength: zones.length }), { minLength: inArea.length, maxLength: inArea.length }),
        screened: fc.boolean(),
        start: fc.option(isoDateArb, { nil: null }),
        device: fc.constantFrom(null, ...rules.devices.devices.map((d) => d.id)),
      })
      .map(({ zoned, ...rest }): Intake => {
        const conditionZones = rest.conditions
          .filter((id) => inArea.includes(id))
          .map((id) => ({ id, zones: zoned[inArea.indexOf(id)]! }))
          .filter((cz) => cz.zones.length > 0);
        return { ...rest, areas, concerns: concernsOf(areas), zones, conditionZones };
      });
  });
}
