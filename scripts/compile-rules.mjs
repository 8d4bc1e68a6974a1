// Run by `npm run build` after tsc: validates the built-in rules once and writes the
// resolved set to dist/builtin-rules.json with a hash of what it was made from (the rule
// files and the compiled schema), so start-up can skip zod and validation while those are
// unchanged (dist/rules/load/precompiled.js).
// The build fails when the built-in rules have an error.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadRules } from '../dist/rules/load/load.js';
import { PRECOMPILED_FILE, PRECOMPILED_FORMAT, precompiledKey } from '../dist/rules/load/precompiled.js';
import { formatProblem } from '../dist/rules/load/problems.js';

const before = precompiledKey();
const { rules, problems } = loadRules();
for (const p of problems) console.error(`compile-rules: ${formatProblem(p)}`);
if (!rules) {
  console.error('compile-rules: the built-in rules are invalid; fix them before building');
  process.exit(1);
}
if (precompiledKey() !== before) {
  console.error('compile-rules: rules/ changed while it was being read; run the build again');
  process.exit(1);
}
const precompiled = { format: PRECOMPILED_FORMAT, key: before, rules, warnings: problems };
writeFileSync(PRECOMPILED_FILE, `${JSON.stringify(precompiled)}\n`);
console.log(`compile-rules: wrote ${fileURLToPath(PRECOMPILED_FILE)} (rules ${rules.ruleset.version}, sha256 ${rules.sha256.slice(0, 12)}…)`);
