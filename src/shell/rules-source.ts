// Which rule set a command uses: --rules wins over NEEDLEPLAN_RULES, else the built-in set.
// The unchanged built-in set comes precompiled (rules/precompiled.ts: no zod, no second
// validation); anything else is fully checked, so the validating loader is imported only then.
import type { RuleSet } from '../rules/schema.js';
import { loadPrecompiledBuiltin } from '../rules/load/precompiled.js';
import { rulesDir } from './rules-dir.js';

export { rulesDir };

export async function loadRuleSet(flag: string | undefined): Promise<RuleSet> {
  const dir = rulesDir(flag);
  const precompiled = dir === undefined ? loadPrecompiledBuiltin() : undefined;
  if (precompiled) return precompiled;
  const { loadRulesOrThrow } = await import('../rules/load/load.js');
  return loadRulesOrThrow(dir);
}
