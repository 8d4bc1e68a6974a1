// One row's answers -> a plan or the reasons it was rejected: parseIntake then plan, exactly
// as `plan` does for flags.
import { parseIntake, type IntakeIssue, type RawIntake } from '../intake/schema.js';
import { plan } from '../engine/plan.js';
import type { Plan } from '../engine/types.js';
import type { RuleSet } from '../rules/schema.js';

export type RowOutcome = { ok: true; plan: Plan } | { ok: false; issues: IntakeIssue[] };

export function rowPlanner(rules: RuleSet, today: string): (raw: RawIntake) => RowOutcome {
  return (raw) => {
    const parsed = parseIntake(raw, rules);
    return parsed.ok ? { ok: true, plan: plan(parsed.intake, rules, today) } : parsed;
  };
}
