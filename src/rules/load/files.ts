// The rule files by name, and where the built-in ones live. Zod-free on purpose: the fast
// start-up path (precompiled.ts) and help (shell/rules-dir.ts) import it.
import { fileURLToPath } from 'node:url';

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
] as const;

/** rules/ at the package root (dist/rules/load/files.js or src/rules/load/files.ts -> ../../../rules). */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../../rules/', import.meta.url));
export const BUILTIN_ORIGIN = 'built-in';
