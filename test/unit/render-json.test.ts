// `plan --format json` is the contract's schemaVersion 1: every generated plan's output
// must pass the output schema (contract fields, extras, and the contract's invariants).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plan } from '../../src/engine/plan.js';
import { renderJson } from '../../src/render/json.js';
import { PlanJson } from '../../src/engine/plan-schema.js';
import { builtinRules, makeIntake, TODAY } from '../helpers/builders.js';
import { intakeArb } from '../helpers/intake-arb.js';

const rules = builtinRules();
const json = (p: ReturnType<typeof plan>) => JSON.parse(renderJson(p)) as Record<string, unknown>;

describe('renderJson', () => {
  it('every generated plan passes the schemaVersion 1 output schema', () => {
    fc.assert(
      fc.property(intakeArb(rules), (intake) => {
        const result = PlanJson.safeParse(json(plan(intake, rules, TODAY)));
        if (!result.success) throw new Error(JSON.stringify(result.error.issues, null, 2));
      }),
      { numRuns: 300 },
    );
  });

  it('prints the contract fields first, pretty, with a final newline', () => {
    const text = renderJson(plan(makeIntake({ start: '2027-01-05' }), rules, TODAY));
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(text)).slice(0, 15)).toEqual([
      'schemaVersion', 'status', 'client', 'concerns', 'zones', 'sessions', 'intervalWeeks', 'schedule',
      'review', 'numbing', 'downtimeDays', 'findings', 'rationale', 'rules', 'plannedOn',
    ]);
  });

  it('the schema catches a missing contract field, an unannounced field and a broken invariant', () => {
    const good = json(plan(makeIntake({ conditions: ['pregnant'] }), rules, TODAY));
    expect(PlanJson.safeParse(good).success).toBe(true);
    const { review: _review, ...noReview } = good;
    expect(PlanJson.safeParse(noReview).success).toBe(false);
    expect(PlanJson.safeParse({ ...good, surprise: 1 }).success).toBe(false);
    const scheduled = { ...good, schedule: [{ session: 1, date: '2027-01-05' }], review: { date: '2027-07-05' } };
    expect(PlanJson.safeParse(scheduled).error?.issues.map((i) => i.message)).toContain('a not-eligible plan has an empty schedule');
  });
});
