// The fast path for the built-in rules: `npm run build` validates them once and writes the
// resolved set to dist/builtin-rules.json with a hash of what it was made from. At start-up,
// if the installed rules/ (and the compiled schema that shaped them) still hash the same,
// that set is used as is, so a plan neither loads zod nor validates eight files again.
// Edited files miss the hash and get full validation.
// Keep this module (and what it imports) free of zod: only `import type` from schema.ts.
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
 * A 64-bit FNV-1a hash over the exact bytes (name, length, bytes) of each rule file and of
 * the compiled schema module. Any byte counts, whitespace too: it only answers "is this what
 * the build checked?" against an accidental edit (anyone who can write the installed files
 * can change the program itself), so it needs no cryptographic hash — loading node:crypto
 * was a visible share of every start. The rule set's own fingerprint (fingerprint.ts, a
 * sha256) is the one plans carry.
 */
export function precompiledKey(dir: string = BUILTIN_RULES_DIR, schemaModule: URL | string = SCHEMA_MODULE): string {
  // Two 32-bit lanes of FNV-1a with different offsets: 64 bits without BigInt.
  let a = 0x811c9dc5;
  let b = 0xcbf29ce4;
  const addBytes = (bytes: Uint8Array) => {
    for (let i = 0; i < bytes.length; i++) {
      a = Math.imul(a ^ bytes[i]!, 0x01000193);
      b = Math.imul(b ^ bytes[i]!, 0x01000193) ^ (b >>> 15);
    }
  };
  const add = (name: string, bytes: Uint8Array) => {
    addBytes(Buffer.from(`${name}\u0000${bytes.length}\u0000`));
    addBytes(bytes);
  };
  for (const name of RULE_FILE_NAMES) add(name, readFileSync(join(dir, name)));
  add('schema.js', readFileSync(schemaModule));
  return `fnv64:${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
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
