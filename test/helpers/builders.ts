// Builders with defaults for the engine's inputs: a test states only what it cares about.
import { loadRulesOrThrow } from '../../src/rules/load/load.js';
import type { RuleSet } from '../../src/rules/schema.js';
import type { Intake } from '../../src/intake/schema.js';
import { concernsOf, zonesOf, type AreaAnswer, type ConcernAnswer } from '../../src/intake/areas.js';
import { zonesForConcern } from '../../src/rules/applies.js';

let builtin: RuleSet | undefined;
/** The built-in rule set, loaded once per test file. */
export function builtinRules(): RuleSet {
  return (builtin ??= loadRulesOrThrow());
}

/** A deep copy of the built-in rules with `edit` applied, for rules-specific examples. */
export function makeRules(edit: (rules: RuleSet) => void = () => {}): RuleSet {
  const rules = structuredClone(builtinRules());
  edit(rules);
  return rules;
}

export const TODAY = '2026-11-25';

/** Every concern in every zone (of the list) it fits: what -c/-z mean with one concern or one zone. */
export function everyFit(concerns: readonly ConcernAnswer[], zones: readonly string[], rules: RuleSet = builtinRules()): AreaAnswer[] {
  return zones
    .map((zone) => ({ zone, concerns: concerns.filter((c) => zonesForConcern(rules, c.id).includes(zone)).map((c) => ({ ...c })) }))
    .filter((a) => a.concerns.length > 0);
}

/**
 * An intake with defaults. Give `areas`, or `concerns` and `zones` (paired as every fit,
 * under the built-in rules); the derived `concerns` and `zones` always follow the areas.
 */
export function makeIntake(overrides: Partial<Intake> = {}, rules: RuleSet = builtinRules()): Intake {
  const concerns = overrides.concerns ?? [{ id: 'texture', severity: 'mild' }];
  const zones = overrides.zones ?? ['cheeks'];
  const areas = overrides.areas ?? everyFit(concerns, zones, rules);
  return {
    client: null,
    fitzpatrick: 3,
    painTolerance: 'normal',
    age: 35,
    conditions: [],
    conditionZones: [],
    screened: true,
    start: null,
    device: null,
    ...overrides,
    areas,
    concerns: concernsOf(areas),
    zones: zonesOf(areas),
  };
}
