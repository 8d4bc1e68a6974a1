// A word that names something on Object.prototype ("constructor", "__proto__", "toString")
// is an unknown answer in every field, never an inherited value read as an answer: a
// severity of "constructor" once crashed a whole batch, a screened cell of "__proto__" once
// planned a client as ready.
import { describe, expect, it } from 'vitest';
import { parseIntake, type RawIntake } from '../../src/intake/schema.js';
import { plan } from '../../src/engine/plan.js';
import { parseDelimiter } from '../../src/batch/input.js';
import { builtinRules, TODAY } from '../helpers/builders.js';

const PROTOTYPE_NAMES = [...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'prototype'];
const rules = builtinRules();
const good: RawIntake = { concerns: ['texture'], severity: 'mild', zones: ['cheeks'], fitzpatrick: 'III', screened: 'yes' };
const FIELDS: (keyof RawIntake)[] = ['concerns', 'severity', 'zones', 'fitzpatrick', 'painTolerance', 'age', 'conditions', 'screened', 'start', 'device'];
const LISTS = new Set(['concerns', 'zones', 'conditions']);

describe('prototype names are unknown words in every field', () => {
  for (const field of FIELDS)
    it(field, () => {
      for (const name of PROTOTYPE_NAMES) {
        for (const value of [name, `texture=${name}`]) {
          if (value !== name && field !== 'concerns') continue;
          const raw = { ...good, [field]: LISTS.has(field) ? [value] : value };
          const result = parseIntake(raw, rules);
          expect(result.ok, `${field}=${value}`).toBe(false);
          if (!result.ok) expect(result.issues.map((i) => i.field)).toContain(field);
        }
      }
    });

  it('no prototype name makes a plan ready, and none throws', () => {
    for (const name of PROTOTYPE_NAMES) {
      const result = parseIntake({ ...good, screened: name }, rules);
      expect(result.ok).toBe(false);
      const asCondition = parseIntake({ ...good, conditions: [name] }, rules);
      if (asCondition.ok) expect(plan(asCondition.intake, rules, TODAY).status).not.toBe('ready');
    }
  });

  it('--delimiter constructor is refused', () => {
    expect(() => parseDelimiter('constructor')).toThrow();
  });
});
