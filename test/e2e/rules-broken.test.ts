// Broken rules folders: each case in test/fixtures/rules-broken/<case>/ is a clinic folder
// with one kind of mistake and expected.txt, the exact stderr a clinic sees. Every case is
// checked in-process (the loader and the one catch, as the CLI runs them); a sample of
// cases also goes through the built bin, `rules validate` and `plan --rules` alike, to
// show the process prints that same text with exit 3 and no stack.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { loadRulesOrThrow } from '../../src/rules/load/load.js';
import { describeError } from '../../src/cli/catch.js';

const CORPUS = 'test/fixtures/rules-broken';
const cases = readdirSync(CORPUS).sort();
/** Cases whose folder must not exist: the fixture holds only expected.txt beside it. */
const TARGET: Record<string, string> = { 'missing-folder': 'missing-folder/does-not-exist' };
const folder = (name: string) => `${CORPUS}/${TARGET[name] ?? name}`;
const expected = (name: string) => readFileSync(`${CORPUS}/${name}/expected.txt`, 'utf8');
const PLAN = ['--concern', 'acne-scars=severe', '--zone', 'cheeks', '--fitzpatrick', 'III', '--screened', '--no-input', '-f', 'json'];

/** A stack trace or a raw Error line would mean a crash path leaked to the user. */
function assertNoStack(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at .+[(:]\d+/m);
  expect(stderr).not.toMatch(/\b(Type|Syntax|Range|Reference)?Error:/);
  expect(stderr).not.toContain('internal error');
}

describe('broken rules folders', () => {
  it('has a corpus of at least 20 cases, each with its expected message', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    for (const name of cases) expect(expected(name)).toMatch(/^needleplan: the rules in .* are invalid: /);
  });

  it.each(cases)('%s: the loader reports exactly the expected problems (exit 3)', (name) => {
    let error: unknown;
    try {
      loadRulesOrThrow(folder(name));
    } catch (e) {
      error = e;
    }
    expect(describeError(error, false)).toEqual({ code: 3, text: expected(name) });
  });

  // One case of each kind of problem, through the process.
  const THROUGH_BIN = ['json-trailing-comma', 'unknown-key', 'dangling-zone', 'misnamed-file', 'missing-folder', 'many-problems'];

  it.each(THROUGH_BIN)('%s: rules validate exits 3 with the expected problems', (name) => {
    const r = runCli(['rules', 'validate', folder(name)]);
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 3, stdout: '', stderr: expected(name) });
    assertNoStack(r.stderr);
  });

  it.each(THROUGH_BIN)('%s: plan --rules exits 3 with the same problems', (name) => {
    const r = runCli(['plan', '--rules', folder(name), ...PLAN]);
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 3, stdout: '', stderr: expected(name) });
  });

  it('NEEDLEPLAN_RULES reports a broken folder the same way', () => {
    const r = runCli(['plan', ...PLAN], { env: { NEEDLEPLAN_RULES: folder('depth-above-device') } });
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 3, stdout: '', stderr: expected('depth-above-device') });
  });

  it('rules show refuses a broken folder the same way', () => {
    const r = runCli(['rules', 'show', folder('json-trailing-comma')]);
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 3, stdout: '', stderr: expected('json-trailing-comma') });
  });
});
