// The layout's rules of direction (README, "Layout"), checked over every source file's
// imports: nothing imports cli/; render, engine, intake and rules never import shell,
// commands or cli; the engine does no I/O; errors.ts and text/ import nothing from src.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from '../helpers/run-cli.js';

const SRC = join(ROOT, 'src');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}
/** Each file's imports: src-relative folders ("engine", "text", "errors.ts") and packages. */
const imports = new Map(
  files(SRC).map((file) => {
    const text = readFileSync(file, 'utf8');
    const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
    const local = specs.filter((s) => s.startsWith('.')).map((s) => relative(SRC, resolve(dirname(file), s)).split('/')[0]!.replace(/\.js$/, '.ts'));
    return [relative(SRC, file), { local, packages: specs.filter((s) => !s.startsWith('.')) }] as const;
  }),
);
const top = (file: string) => file.split('/')[0]!;
const offending = (from: (f: string) => boolean, to: (dep: string) => boolean) =>
  [...imports].filter(([f]) => from(f)).flatMap(([f, { local }]) => local.filter(to).map((dep) => `${f} -> ${dep}`));

describe('layout', () => {
  it('nothing outside cli/ imports cli/', () => {
    expect(offending((f) => top(f) !== 'cli', (d) => d === 'cli')).toEqual([]);
  });

  it('render, engine, intake and rules import no shell, commands or cli', () => {
    const lower = new Set(['render', 'engine', 'intake', 'rules']);
    expect(offending((f) => lower.has(top(f)), (d) => ['shell', 'commands', 'cli'].includes(d))).toEqual([]);
  });

  it('errors.ts and text/ import nothing from src', () => {
    expect(offending((f) => f === 'errors.ts' || top(f) === 'text', (d) => d !== 'text')).toEqual([]);
  });

  it('the engine imports no node module, chalk or prompts, and reads no clock', () => {
    const engine = [...imports].filter(([f]) => top(f) === 'engine');
    expect(engine.length).toBeGreaterThan(3);
    for (const [file, { packages }] of engine) {
      expect(packages.filter((p) => p !== 'zod'), file).toEqual([]);
      const text = readFileSync(join(SRC, file), 'utf8');
      expect(text, file).not.toMatch(/\bprocess\.|console\.|Date\.now\(|new Date\(\)/);
    }
  });
});
