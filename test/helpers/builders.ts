// Builders with defaults for the engine's inputs: a test states only what it cares about.
import { loadRulesOrThrow } from '../../src/rules/load/load.js';
import type { RuleSet } from '../../src/rules/schema.js';
import type { Intake } from '../../src/intake/schema.js';

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

export function makeIntake(overrides: Partial<Intake> = {}): Intake {
  return {
    client: null,
    concerns: [{ id: 'texture', severity: 'mild' }],
    zones: ['cheeks'],
    fitzpatrick: 3,
    painTolerance: 'normal',
    age: 35,
    conditions: [],
    screened: true,
    start: null,
    device: null,
    ...overrides,
  };
}
