// `needleplan plan` end to end: the built bin, colour off, today pinned; every test asserts
// the exit code and both streams.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { PlanJson } from '../../src/engine/plan-schema.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/plan/${name}`, import.meta.url));
const README_EXAMPLE = ['plan', '--concern', 'acne-scars=severe', '--zone', 'cheeks', '--fitzpatrick', 'III', '--screened', '--start', '2027-01-05'];
const base = (...extra: string[]) => ['plan', '-c', 'texture=mild', '-z', 'cheeks', '--fitzpatrick', 'II', '--age', '35', ...extra];
const tmp = mkdtempSync(join(tmpdir(), 'np-plan-e2e-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
// eslint-disable-next-line no-control-regex
const ESC = /\u001b/;

/** The golden text, with the rule set's fingerprint masked so a rules edit doesn't churn it. */
function expectGolden(name: string, actual: string) {
  const path = fixture(`golden/${name}`);
  const masked = actual.replace(/sha256 [0-9a-f]{12}/g, 'sha256 <sha256>');
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(fixture('golden'), { recursive: true });
    writeFileSync(path, masked);
  }
  expect(masked).toBe(readFileSync(path, 'utf8'));
}

describe('plan: results (exit 0)', () => {
  it('prints a ready protocol for the README example', () => {
    const r = runCli(README_EXAMPLE);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expectGolden('readme-example.txt', r.stdout);
    expect(r.stdout).toMatch(/^READY {2}/m);
  });

  it('prints schemaVersion 1 JSON that passes the output schema', () => {
    const r = runCli([...README_EXAMPLE, '--format', 'json', '--client', 'C-1001']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const plan = PlanJson.parse(JSON.parse(r.stdout));
    expect(plan).toMatchObject({ status: 'ready', client: 'C-1001', sessions: { count: 8 }, review: { date: '2028-04-26' } });
    expect(plan.zones).toEqual([expect.objectContaining({ zone: 'cheeks', depthMm: 2, depthRangeMm: { min: 1, max: 2 } })]);
  });

  it('a pregnant client is not eligible: a result, not an error', () => {
    const text = runCli(base('--screened', '--condition', 'pregnant', '--start', '2027-01-05'));
    expect(text.code).toBe(0);
    expect(text.stderr).toBe('');
    expect(text.stdout).toMatch(/^NOT ELIGIBLE {2}do not treat now/m);
    expect(text.stdout).toMatch(/^ {2}BLOCK +Pregnant or breastfeeding: not eligible/m);
    const json = runCli(base('--screened', '--condition', 'pregnant', '--start', '2027-01-05', '-f', 'json'));
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toMatchObject({ status: 'not-eligible', schedule: [], sessions: { count: 0 }, review: null });
  });

  it('blood thinners need clearance, never "stop taking them"', () => {
    const r = runCli(base('--screened', '--condition', 'blood-thinners'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^NEEDS CLEARANCE {2}a physician must approve/m);
    expect(r.stdout).toMatch(/^ {2}CLEARANCE +Blood thinners: physician clearance first\. Never stop or change a/m);
    expect(r.stdout).toContain('Downtime    2-4 days of redness'); // 1-2 days plus 1-2 for bruising
  });

  it('without --screened the plan is unscreened, and still a plan', () => {
    const r = runCli(base());
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^UNSCREENED {2}screening not completed/m);
    expect(r.stdout).toContain('Schedule    not dated (no start date given)');
  });

  it('--explain lists every reason with its rule', () => {
    const r = runCli(base('--screened', '--explain'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Why \(all \d+ reasons, with their rules\)$/m);
    expect(r.stdout).toContain('[devices/e-dermastamp]');
  });

  it('-o writes the file and nothing to stdout', () => {
    const out = join(tmp, 'plan.json');
    const r = runCli(base('--screened', '-f', 'json', '-o', out));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ schemaVersion: 1, status: 'ready' });
  });

  it('uses a clinic rules folder from NEEDLEPLAN_RULES, and --rules over it', () => {
    const env = { NEEDLEPLAN_RULES: fixture('clinic-rules') };
    const r = runCli(base('--screened', '--device', 'clinic-pen', '-f', 'json'), { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ device: { id: 'clinic-pen' }, rules: { origin: fixture('clinic-rules') } });
    const broken = runCli(base('--rules', fixture('broken-rules')), { env });
    expect(broken.code).toBe(3);
    expect(broken.stdout).toBe('');
  });
});

describe('plan: colour', () => {
  it('NO_COLOR output is free of escape codes, even when colour is forced', () => {
    const r = runCli(base('--screened', '--condition', 'pregnant'), { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('NOT ELIGIBLE');
    expect(r.stdout).not.toMatch(ESC);
  });

  it('FORCE_COLOR colours the status word; --no-color wins over it', () => {
    const forced = runCli(base('--screened', '--condition', 'pregnant'), { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forced.code).toBe(0);
    expect(forced.stderr).toBe('');
    expect(forced.stdout).toContain('\u001b[31mNOT ELIGIBLE\u001b[39m');
    const off = runCli(base('--screened', '--no-color'), { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(off.code).toBe(0);
    expect(off.stderr).toBe('');
    expect(off.stdout).not.toMatch(ESC);
  });

  it('a pipe gets no colour by default', () => {
    const r = runCli(base('--screened'), { env: { NO_COLOR: undefined } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(ESC);
  });
});

describe('plan: usage and input errors (exit 2)', () => {
  it('help with a missing --rules folder says the ids shown are the built-in ones', () => {
    const r = runCli(['plan', '--rules', 'no-such-folder', '--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Valid ids (from the built-in rules: no-such-folder does not exist):');
  });

  it('an unknown command, with a suggestion', () => {
    const r = runCli(['plann']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('needleplan: unknown command "plann" (did you mean plan?); commands: plan, batch, record, next, due, history, show, forget, rules, completion\n');
  });

  it('severity words are read by the intake schema, as in a CSV', () => {
    const r = runCli(['plan', '-c', 'texture', '-s', 'Severe', '--pain-tolerance', 'medium', '-z', 'cheeks', '--fitzpatrick', '2', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ concerns: [{ id: 'texture', severity: 'severe' }], painTolerance: 'normal' });
  });

  it('an unknown concern gets a suggestion and the valid ids', () => {
    const r = runCli(['plan', '-c', 'acne-scarz=severe', '-z', 'cheeks', '--fitzpatrick', 'III']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'needleplan: --concern: unknown concern "acne-scarz" (did you mean acne-scars?); valid: texture, pigmentation, enlarged-pores, fine-lines, deep-wrinkles, photoaging, acne-scars, stretch-marks\n',
    );
  });

  it('an unknown zone or condition gets a suggestion too', () => {
    const r = runCli(base('--zone', 'cheecks', '--condition', 'pregnent'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('needleplan: --zone: unknown zone "cheecks" (did you mean cheeks?)');
    expect(r.stderr).toContain('needleplan: --condition: unknown screening condition "pregnent" (did you mean pregnant?)');
  });

  it('a zone the concern does not apply to', () => {
    const r = runCli(['plan', '-c', 'stretch-marks=mild', '-z', 'cheeks', '--fitzpatrick', 'III', '--screened']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'needleplan: --zone: stretch-marks does not apply to cheeks; it applies to decollete, abdomen, thighs, buttocks, arms\n',
    );
  });

  it('a missing answer with --no-input names the flags to pass', () => {
    const r = runCli(['plan', '-c', 'acne-scars', '-z', 'cheeks', '--no-input']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'needleplan: missing --fitzpatrick (I-VI, or 1-6)\n' +
        'needleplan: missing --severity (mild, moderate or severe): no severity for acne-scars; or give a concern its own, e.g. --concern acne-scars=moderate\n' +
        'needleplan: pass the missing answers as flags (see "needleplan plan --help"), or run on a terminal without --no-input to be asked\n',
    );
  });

  it('with no terminal, missing answers are an error too (no prompt, no wait)', () => {
    const r = runCli(['plan'], { input: 'ignored\n' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('needleplan: missing --concern (one or more of: texture, pigmentation,');
    expect(r.stderr).toContain('needleplan: missing --zone (one or more of: forehead,');
    expect(r.stderr).toContain('needleplan: missing --fitzpatrick (I-VI, or 1-6)');
  });

  it('the zone hint lists only the zones the given concerns apply to', () => {
    const r = runCli(['plan', '-c', 'stretch-marks=mild', '--fitzpatrick', '2', '--no-input']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('needleplan: missing --zone (one or more of: decollete, abdomen, thighs, buttocks, arms)\n');
  });

  it('bad values name the flag', () => {
    const r = runCli(base('--fitzpatrick', 'VII', '--age', 'old', '--start', '2027-02-30'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'needleplan: --fitzpatrick: Fitzpatrick type "VII" is not I-VI (or 1-6)\n' +
        'needleplan: --age: age "old" is not a whole number of years (0-120)\n' +
        'needleplan: --start: "2027-02-30" is not a real date\n',
    );
  });

  it('an unknown option or format is a usage error with a pointer to --help', () => {
    const option = runCli(base('--zones', 'cheeks'));
    expect(option.code).toBe(2);
    expect(option.stdout).toBe('');
    expect(option.stderr).toBe("needleplan: unknown option '--zones'\n(Did you mean --zone?)\n(add --help to see the options)\n");
    const format = runCli(base('-f', 'pdf'));
    expect(format.code).toBe(2);
    expect(format.stdout).toBe('');
    expect(format.stderr).toContain("argument 'pdf' is invalid. Allowed choices are text, json, markdown, html, ics, fhir.");
  });

  it('-o never writes into the rules folder it reads', () => {
    const out = join(fixture('clinic-rules'), 'plan.json');
    const r = runCli(base('--rules', fixture('clinic-rules'), '-o', out));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `needleplan: --output ${out} is inside the rules folder (${fixture('clinic-rules')}); choose a file elsewhere so the rules are not overwritten\n`,
    );
    expect(existsSync(out)).toBe(false);
    const builtin = runCli(base('-o', 'rules/zones.json'));
    expect(builtin.code).toBe(2);
    expect(builtin.stdout).toBe('');
    expect(builtin.stderr).toMatch(/^needleplan: --output rules\/zones\.json is inside the rules folder/);
  });

  it('-o into a folder that does not exist (exit 74: an output could not be written)', () => {
    const r = runCli(base('-o', join(tmp, 'no', 'such', 'plan.txt')));
    expect(r.code).toBe(74);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`needleplan: cannot write ${join(tmp, 'no', 'such', 'plan.txt')}: no such folder\n`);
  });
});

describe('plan: invalid rules (exit 3)', () => {
  it('a broken --rules folder names the file and the JSON path', () => {
    const r = runCli(base('--rules', fixture('broken-rules')));
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('broken-rules/zones.json');
    expect(r.stderr).toContain('zones[0].maxDepthMm');
    expect(r.stderr).toMatch(/^needleplan: /);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('a --rules folder that does not exist', () => {
    const r = runCli(base('--rules', join(tmp, 'nowhere')));
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('nowhere');
  });
});

describe('help, version, no command', () => {
  it('plan --help lists the valid ids of the rules in force, examples and exit codes', () => {
    // A path relative to the repository (runCli's cwd), so the text is the same wherever it lives.
    const r = runCli(['plan', '--rules', 'test/fixtures/plan/clinic-rules', '--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^ {2}--concern +texture, pigmentation, enlarged-pores/m);
    expect(r.stdout).toMatch(/^ {2}--device +e-dermastamp, clinic-pen$/m);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toMatch(/^ {2}130 +interrupted \(Ctrl-C\)$/m);
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('plan --help wraps a long --rules path onto a line of its own, like all other text', () => {
    const long = join(tmp, 'a-folder-with-a-rather-long-name', 'and-another-one-below-it', 'clinic-rules');
    const r = runCli(['plan', '--rules', long, '--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('\nValid ids (from the built-in rules:\n');
    const lines = r.stdout.split('\n');
    expect(lines).toContain(`  ${long}`); // however long the temporary folder's name
    for (const line of lines) if (line !== `  ${long}`) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('--help and --version', () => {
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stderr).toBe('');
    expect(help.stdout).toContain('Usage: needleplan [options] [command]');
    expect(help.stdout).toContain('Exit codes:');
    const version = runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stderr).toBe('');
    expect(version.stdout).toBe(`${JSON.parse(readFileSync(fixture('../../../package.json'), 'utf8')).version}\n`);
  });

  it('no command and no terminal: short help and exit 2', () => {
    const r = runCli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: needleplan [options] [command]');
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('needleplan: no command given and no terminal to ask on; try "needleplan plan --help"');
  });
});
