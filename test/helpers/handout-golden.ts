// Golden files: the expected output lives in test/golden/<name>, readable and diffable.
// UPDATE_GOLDEN=1 rewrites them from the current output (then review the diff).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const goldenPath = (name: string): string => fileURLToPath(new URL(`../golden/${name}`, import.meta.url));

export function readGolden(name: string): string {
  return readFileSync(goldenPath(name), 'utf8');
}

/** The rule-set fingerprint changes with any edit to the built-in rules, even to a source
 * note; golden files hold a placeholder so they change only when the handout does. */
export const withoutFingerprint = (text: string): string => text.replace(/\b[0-9a-f]{64}\b/g, '<sha256>');

export function expectGolden(name: string, output: string): void {
  const path = goldenPath(name);
  const actual = withoutFingerprint(output);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`no golden file ${path}: run with UPDATE_GOLDEN=1 to create it`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
