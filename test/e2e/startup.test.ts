// The start-up paths: a bare --help printed from the text the build wrote must be exactly
// what the program prints, and every other invocation goes through the bundle.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/run-cli.js';

const programHelp = () =>
  spawnSync(process.execPath, ['--input-type=module', '-e', `import(${JSON.stringify(join(ROOT, 'dist/bundle/main.js'))}).then((m) => m.main(['node', 'needleplan', '--help']))`], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', NEEDLEPLAN_RULES: '' },
  }).stdout;

describe('start-up', () => {
  it('a bare --help (and -h, help) prints exactly what the program prints', () => {
    const expected = programHelp();
    expect(expected).toMatch(/^Usage: needleplan/);
    for (const arg of ['--help', '-h', 'help']) {
      const r = runCli([arg]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(expected);
      expect(r.stderr).toBe('');
    }
    expect(readFileSync(join(ROOT, 'dist/help.txt'), 'utf8')).toBe(expected);
  });

  it('the bundle holds one zod locale, English', () => {
    const bundle = readdirSync(join(ROOT, 'dist/bundle')).map((f) => readFileSync(join(ROOT, 'dist/bundle', f), 'utf8')).join('\n');
    // Each locale's own words for "invalid input": English is there, German and French are not.
    expect(bundle).toContain('Invalid input');
    expect(bundle).not.toContain('Ungültige Eingabe');
    expect(bundle).not.toContain('Entrée invalide');
  });
});
