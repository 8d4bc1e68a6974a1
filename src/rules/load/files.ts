// The rule files by name, and where the built-in ones live. Zod-free on purpose: the fast
// start-up path (precompiled.ts) and help (shell/rules-dir.ts) import it.
import { fileURLToPath } from 'node:url';
import { packageFile } from '../../package-root.js';

/** Every rule file, in load order. schema.ts's RULE_FILES has the same keys (a test pins it). */
export const RULE_FILE_NAMES = [
  'ruleset.json',
  'devices.json',
  'zones.json',
  'concerns.json',
  'adjustments.json',
  'downtime.json',
  'screening.json',
  'care.json',
  'adaptation.json',
] as const;

/** rules/ at the package root. */
export const BUILTIN_RULES_DIR = fileURLToPath(packageFile('rules/'));
export const BUILTIN_ORIGIN = 'built-in';
