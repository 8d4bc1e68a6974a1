// The engine's output, frozen: 200 fixed intakes (test/fixtures/engine-golden) planned
// again must give the same JSON, byte for byte. A guard for work on plan()'s speed, where
// nothing a plan says may change; generate.ts rewrites the cases for a change that means to.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { plan } from '../../src/engine/plan.js';
import { goldenRules, type GoldenCase } from '../fixtures/engine-golden/cases.js';

const read = (name: string) => readFileSync(new URL(`../fixtures/engine-golden/${name}`, import.meta.url), 'utf8');
const cases = JSON.parse(read('intakes.json')) as GoldenCase[];
const plans = read('plans.ndjson').split('\n').filter(Boolean);
const rules = goldenRules();

describe('engine golden plans', () => {
  it('has a plan for every case', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(plans.length).toBe(cases.length);
  });

  it.each(cases.map((c, i) => [c.name, i] as const))('%s plans to the same JSON', (_, i) => {
    const c = cases[i]!;
    expect(JSON.stringify(plan(c.intake, rules, c.today))).toBe(plans[i]);
  });
});
