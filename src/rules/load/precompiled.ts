// The fast path for the built-in rules: `npm run build` validates them once and writes the
// resolved set to dist/builtin-rules.json with a hash of what it was made from. At start-up,
// if the installed rules/ (and the compiled schema that shaped them) still hash the same,
// that set is used as is, so a plan neither loads zod nor validates eight files again.
// Edited files miss the hash and get full validation.
// Keep this module (and what it imports) free of zod: only `import type` from schema.ts.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RuleSet } from '../schema.js';
import type { RuleProblem } from './problems.js';
import { join } from 'node:path';
import { BUILTIN_RULES_DIR, RULE_FILE_NAMES } from './files.js';
import { packageFile } from '../../package-root.js';

export const PRECOMPILED_FORMAT = 1;

/** Written by the build (scripts/compile-rules.mjs) beside the compiled modules. */
export const PRECOMPILED_FILE = packageFile('dist/builtin-rules.json');
/** The compiled schemas: a rebuilt schema (new defaults, new fields) must not reuse an old set. */
export const SCHEMA_MODULE = packageFile('dist/rules/schema.js');

export interface Precompiled {
  format: typeof PRECOMPILED_FORMAT;
  /** precompiledKey() of the files the build validated. */
  key: string;
  rules: RuleSet;
  /** Warnings the build saw (errors fail the build). */
  warnings: RuleProblem[];
}

/**
 * sha256 over the exact bytes (name, length, bytes) of each rule file and of the compiled
 * schema module. Any byte counts, whitespace too: it only answers "is this what the build
 * checked?"; the rule set's own fingerprint (fingerprint.ts) is the one that ignores layout.
 */
export function precompiledKey(dir: string = BUILTIN_RULES_DIR, schemaModule: URL | string = SCHEMA_MODULE): string {
  const hash = createHash('sha256');
  const add = (name: string, bytes: Buffer) => hash.update(`${name}\u0000${bytes.length}\u0000`).update(bytes);
  for (const name of RULE_FILE_NAMES) add(name, readFileSync(join(dir, name)));
  add('schema.js', readFileSync(schemaModule));
  return hash.digest('hex');
}

/**
 * The precompiled built-in set, or undefined when there is none or what it was made from
 * has changed since. Never throws: a miss just means "validate".
 */
export function loadPrecompiledBuiltin(
  file: URL | string = PRECOMPILED_FILE,
  dir: string = BUILTIN_RULES_DIR,
  schemaModule: URL | string = SCHEMA_MODULE,
): RuleSet | undefined {
  try {
    const pre = JSON.parse(readFileSync(file, 'utf8')) as Partial<Precompiled> | null;
    if (pre?.format !== PRECOMPILED_FORMAT || typeof pre.key !== 'string' || !pre.rules) return undefined;
    return precompiledKey(dir, schemaModule) === pre.key ? pre.rules : undefined;
  } catch {
    return undefined;
  }
}
