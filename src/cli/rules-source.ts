// Which rule set a command uses: --rules wins over NEEDLEPLAN_RULES, else the built-in set.
import { loadRulesOrThrow } from '../rules/load.js';
import type { RuleSet } from '../rules/schema.js';

export function rulesDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (flag) return flag;
  const fromEnv = env.NEEDLEPLAN_RULES?.trim();
  return fromEnv ? fromEnv : undefined;
}

export function loadRuleSet(flag: string | undefined): RuleSet {
  return loadRulesOrThrow(rulesDir(flag));
}
