// `rules init | validate | show` and `--rules` through the built bin, from a clinic's first
// copy of the rules to a plan made with its own number; and the start-up fast path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, cliEnv, runCli } from '../helpers/run-cli.js';
import { loadRulesOrThrow } from '../../src/rules/load/load.js';

const tmp = mkdtempSync(join(tmpdir(), 'needleplan-rules-e2e-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const CLINIC_FIXTURE = 'test/fixtures/rules-clinic';
const BROKEN = 'test/fixtures/rules-broken/depth-above-device';
const PLAN = ['plan', '--concern', 'acne-scars=severe', '--zone', 'cheeks', '--fitzpatrick', 'III', '--screened', '--no-input', '-f', 'json'];
const OK_LINE = /^OK: "(.+)" version (\S+), sha256 ([0-9a-f]{64}) \((.+)\)(; .+)?$/;

function planJson(args: string[], env?: Record<string, string>) {
  const r = runCli(args, env ? { env } : {});
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(r.stdout) as {
    status: string;
    zones: { zone: string; depthMm: number }[];
    device: { id: string };
    concerns: { id: string }[];
    findings: { code: string }[];
    rules: { version: string; sha256: string; name: string; origin: string };
  };
}

describe('built-in rules', () => {
  it('rules validate prints one OK line with version and fingerprint', () => {
    const r = runCli(['rules', 'validate']);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const builtin = loadRulesOrThrow();
    expect(r.stdout).toBe(`OK: "needleplan built-in" version ${builtin.ruleset.version}, sha256 ${builtin.sha256} (the built-in rules)\n`);
  });

  it('a plan names the rule set it used: version, sha256, name, origin', () => {
    const builtin = loadRulesOrThrow();
    expect(planJson(PLAN).rules).toEqual({ version: builtin.ruleset.version, sha256: builtin.sha256, name: 'needleplan built-in', origin: 'built-in' });
  });

  it('rules show prints the tables without colour when NO_COLOR is set', () => {
    const r = runCli(['rules', 'show'], { env: { FORCE_COLOR: '1' } });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout.split('\n')[0]).toMatch(/^needleplan built-in, rules version \S+$/);
    for (const heading of ['Concerns by severity', 'Zone caps', 'Screening conditions by outcome', 'Adjustments'])
      expect(r.stdout).toContain(`\n${heading}`);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('rules show colours only when colour is on, and --no-color turns it off', () => {
    const coloured = runCli(['rules', 'show'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(coloured.code).toBe(0);
    expect(coloured.stdout).toMatch(/\u001b\[31mBLOCK\u001b\[39m/);
    const off = runCli(['rules', 'show', '--no-color'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect({ code: off.code, stderr: off.stderr }).toEqual({ code: 0, stderr: '' });
    expect(off.stdout).not.toMatch(/\u001b\[/);
    expect(off.stdout).toBe(runCli(['rules', 'show']).stdout);
  });

  it('rules show --format json prints the resolved rule set', () => {
    const r = runCli(['rules', 'show', '--format', 'json']);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toEqual(loadRulesOrThrow());
  });
});

describe('a clinic copies, edits, checks and uses its rules', () => {
  const clinic = join(tmp, 'clinic');

  beforeAll(() => {
    const r = runCli(['rules', 'init', clinic]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(new RegExp(`^Copied the built-in rules \\(version \\S+\\) into ${clinic}: 9 rule files, and schema/`));
    expect(r.stdout).toContain(`  2. needleplan rules validate ${clinic}\n`);
  });

  it('init copies every rule file and the schemas their "$schema" points at', () => {
    const files = readdirSync(clinic).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(readdirSync(join(ROOT, 'rules')).filter((f) => f.endsWith('.json')).sort());
    for (const name of files) {
      const { $schema } = JSON.parse(readFileSync(join(clinic, name), 'utf8')) as { $schema: string };
      expect($schema).toBe(`./schema/${name.replace('.json', '.schema.json')}`);
      expect(existsSync(resolve(clinic, $schema)), $schema).toBe(true);
    }
  });

  it('init -> edit a number -> validate -> plan --rules shows the new number', () => {
    // The clinic lowers the cheeks cap from 2.0 to 1.25 mm, editing the file as text.
    const zonesFile = join(clinic, 'zones.json');
    const text = readFileSync(zonesFile, 'utf8');
    const edited = text.replace(/("id": "cheeks",[^\n]*"maxDepthMm": )2\.0/, '$11.25');
    expect(edited).not.toBe(text);
    writeFileSync(zonesFile, edited);

    const v = runCli(['rules', 'validate', clinic]);
    expect({ code: v.code, stderr: v.stderr }).toEqual({ code: 0, stderr: '' });
    const [, name, version, sha] = OK_LINE.exec(v.stdout.trimEnd())!;
    expect([name, version]).toEqual(['needleplan built-in', loadRulesOrThrow().ruleset.version]);
    expect(v.stdout).toContain(`(${clinic}: all 9 files)`);

    const plan = planJson([...PLAN, '--rules', clinic]);
    expect(plan.zones).toMatchObject([{ zone: 'cheeks', depthMm: 1.25 }]);
    expect(plan.rules).toEqual({ version, sha256: sha, name, origin: clinic });
    expect(sha).not.toBe(loadRulesOrThrow().sha256);
  });

  it('NEEDLEPLAN_RULES picks the folder; --rules wins over it', () => {
    expect(planJson(PLAN, { NEEDLEPLAN_RULES: clinic }).rules.origin).toBe(clinic);
    expect(planJson([...PLAN, '--rules', clinic], { NEEDLEPLAN_RULES: resolve(ROOT, BROKEN) }).rules.origin).toBe(clinic);
    const r = runCli([...PLAN, '--rules', BROKEN], { env: { NEEDLEPLAN_RULES: clinic } });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`needleplan: the rules in ${BROKEN} are invalid: 1 error:`);
  });

  it('rules validate and show with no folder use NEEDLEPLAN_RULES when it is set', () => {
    const v = runCli(['rules', 'validate'], { env: { NEEDLEPLAN_RULES: clinic } });
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(new RegExp(`^OK: .*\\(${clinic}: all 9 files\\)\n$`));
    const show = runCli(['rules', 'show', '-f', 'json'], { env: { NEEDLEPLAN_RULES: clinic } });
    expect(JSON.parse(show.stdout).zones.zones.find((z: { id: string }) => z.id === 'cheeks').maxDepthMm).toBe(1.25);
    expect(runCli(['rules', 'validate'], { env: { NEEDLEPLAN_RULES: resolve(ROOT, BROKEN) } }).code).toBe(3);
  });

  it('init refuses a folder that is not empty (exit 2) and leaves it alone', () => {
    const before = readFileSync(join(clinic, 'zones.json'), 'utf8');
    const r = runCli(['rules', 'init', clinic]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `needleplan: ${clinic} already exists and is not empty; rules init never overwrites files, so give it a new folder\n` });
    expect(readFileSync(join(clinic, 'zones.json'), 'utf8')).toBe(before);
  });

  it('init fills an existing empty folder, and refuses a file', () => {
    const empty = join(tmp, 'empty');
    mkdirSync(empty);
    expect(runCli(['rules', 'init', empty]).code).toBe(0);
    expect(existsSync(join(empty, 'schema', 'zones.schema.json'))).toBe(true);
    const file = join(tmp, 'a-file');
    writeFileSync(file, '');
    expect(runCli(['rules', 'init', file])).toEqual({ code: 2, stdout: '', stderr: `needleplan: ${file} is a file; give "rules init" a new folder name\n` });
  });

  it('validate shows warnings with the OK line and still exits 0', () => {
    const warned = join(tmp, 'warned');
    mkdirSync(warned);
    const zones = JSON.parse(readFileSync(join(ROOT, 'rules', 'zones.json'), 'utf8'));
    delete zones.zones[0].source;
    writeFileSync(join(warned, 'zones.json'), JSON.stringify(zones, null, 2));
    const r = runCli(['rules', 'validate', warned]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^warning: .*warned\/zones\.json:4:5: zones\[0\]\.source: forehead has no source; name one, or write "project assumption: …"$/);
    expect(lines[1]).toMatch(OK_LINE);
    expect(lines[1]).toMatch(/\(.*warned: zones\.json; the other 8 files built-in\); 1 warning$/);

    const show = runCli(['rules', 'show', warned]);
    expect(show.code).toBe(0);
    expect(show.stderr).toBe(`needleplan: 1 warning in these rules; see them with: needleplan rules validate ${warned}\n`);
  });

  it('init . fills the empty folder the shell is in', () => {
    const here = join(tmp, 'here');
    mkdirSync(here);
    const r = runCli(['rules', 'init', '.'], { cwd: here });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(readdirSync(here).sort()).toEqual([...readdirSync(join(ROOT, 'rules'))].sort());
  });
});

describe('a clinic that adds a concern, zone, device and screening condition', () => {
  const ADDED = ['--concern', 'surgical-scars=severe', '--zone', 'upper-back', '--device', 'clinic-pen', '--condition', 'recent-waxing'];

  it('gets them in plan --help, and only with its rules', () => {
    const clinic = runCli(['plan', '--help', '--rules', CLINIC_FIXTURE]);
    expect(clinic.code).toBe(0);
    for (const id of ['surgical-scars', 'upper-back', 'clinic-pen', 'recent-waxing']) {
      expect(clinic.stdout).toContain(id);
      expect(runCli(['plan', '--help']).stdout).not.toContain(id);
    }
    expect(runCli(['plan', '--help'], { env: { NEEDLEPLAN_RULES: CLINIC_FIXTURE } }).stdout).toContain('surgical-scars');
  });

  it('plans with them from flags', () => {
    const plan = planJson(['plan', '--rules', CLINIC_FIXTURE, ...ADDED, '--fitzpatrick', 'II', '--screened', '--no-input', '-f', 'json']);
    expect(plan.concerns.map((c) => c.id)).toEqual(['surgical-scars']);
    // 2.0 mm for severe, capped by the new zone's 1.5 mm, on the new device.
    expect(plan.zones).toMatchObject([{ zone: 'upper-back', depthMm: 1.5 }]);
    expect(plan.device.id).toBe('clinic-pen');
    expect(plan.findings.map((f) => f.code)).toContain('recent-waxing');
    expect(plan.rules).toMatchObject({ name: 'Clinic Rosa (test fixture)', version: '2026.11.0-rosa.1', origin: resolve(ROOT, CLINIC_FIXTURE) });
  });

  it('rejects them under the built-in rules (exit 2), naming the valid ids', () => {
    const r = runCli(['plan', ...ADDED, '--fitzpatrick', 'II', '--screened', '--no-input']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/unknown concern "surgical-scars"/);
  });

  it('plans them from a CSV row (names and aliases too), and rejects a zone the concern does not fit', () => {
    const csv = 'client,concerns,zones,severity,fitzpatrick,screened,conditions\nC-1,surgery scars,back,moderate,II,yes,waxing\nC-2,surgical-scars,cheeks,mild,III,yes,\n';
    const r = runCli(['batch', '-', '--rules', CLINIC_FIXTURE, '--format', 'ndjson', '--quiet'], { input: csv });
    expect(r.code).toBe(1);
    const plans = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ client: 'C-1', concerns: [{ id: 'surgical-scars', severity: 'moderate' }], zones: [{ zone: 'upper-back' }] });
    expect(plans[0].findings.map((f: { code: string }) => f.code)).toContain('recent-waxing');
    expect(r.stderr).toContain('surgical-scars does not apply to cheeks');
  });

  it('shows them in rules show', () => {
    const r = runCli(['rules', 'show', CLINIC_FIXTURE]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^ {2}surgical-scars {2,}mild {2,}1 mm/m);
    expect(r.stdout).toMatch(/^ {2}upper-back {2,}Upper back {2,}body {2,}1\.5 mm/m);
    expect(r.stdout).toMatch(/^ {4}recent-waxing {2,}Waxing in the area in the last week \(wait 1 week\)/m);
    expect(r.stdout).toContain('clinic-pen: Clinic test pen');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('(own files: ruleset.json, devices.json, zones.json, concerns.json, screening.json; the rest built-in)');
  });
});

describe('start-up fast path for the built-in rules', () => {
  const hooks = join(tmp, 'forbid-zod.mjs');
  const register = join(tmp, 'register.mjs');
  beforeAll(() => {
    // A module hook that fails any import of zod: proves the fast path's module graph has none.
    writeFileSync(hooks, `export async function resolve(specifier, context, next) {\n  const r = await next(specifier, context);\n  if (r.url.includes('/node_modules/zod/')) throw new Error('zod imported by ' + context.parentURL);\n  return r;\n}\n`);
    writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  });

  /** Loads the rules as `plan` does (shell/rules-source.js), with zod forbidden. */
  function loadWithoutZod(env: Record<string, string | undefined> = {}) {
    const source = pathToFileURL(join(ROOT, 'dist/shell/rules-source.js')).href;
    const script = `const { loadRuleSet } = await import(${JSON.stringify(source)});\nconst rules = await loadRuleSet(undefined);\nconsole.log(rules.sha256);`;
    return spawnSync(process.execPath, ['--import', register, '--input-type=module', '-e', script], { cwd: ROOT, env: cliEnv(env), encoding: 'utf8' });
  }

  it('loads the unchanged built-in set without importing zod', () => {
    const r = loadWithoutZod();
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(r.stdout).toBe(`${loadRulesOrThrow().sha256}\n`);
  });

  it('(control) the same hook does catch zod when a clinic folder needs validating', () => {
    const r = loadWithoutZod({ NEEDLEPLAN_RULES: CLINIC_FIXTURE });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('zod imported by');
  });

  it('precompiles exactly what full validation returns', () => {
    const pre = JSON.parse(readFileSync(join(ROOT, 'dist/builtin-rules.json'), 'utf8'));
    expect(pre.rules).toEqual(loadRulesOrThrow());
    expect(pre.warnings).toEqual([]);
  });

  describe('an installed copy whose rules/ someone edited', () => {
    const pkg = join(tmp, 'installed');
    beforeAll(() => {
      for (const part of ['bin', 'dist', 'rules', 'package.json']) cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
    });
    const run = (args: string[]) => {
      const r = spawnSync(process.execPath, [join(pkg, 'bin/needleplan.js'), ...args], { cwd: dirname(pkg), env: cliEnv(), encoding: 'utf8' });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const editCheeks = (mm: string) => {
      const file = join(pkg, 'rules/zones.json');
      writeFileSync(file, readFileSync(join(ROOT, 'rules/zones.json'), 'utf8').replace(/("id": "cheeks",[^\n]*"maxDepthMm": )2\.0/, `$1${mm}`));
    };

    it('gets full validation: a valid edit is used', () => {
      editCheeks('1.75');
      const r = run(PLAN.slice());
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
      const plan = JSON.parse(r.stdout);
      expect(plan.zones[0].depthMm).toBe(1.75);
      expect(plan.rules.origin).toBe('built-in');
      expect(plan.rules.sha256).not.toBe(loadRulesOrThrow().sha256);
    });

    it('gets full validation: an invalid edit stops the plan (exit 3)', () => {
      editCheeks('3.5');
      const r = run(PLAN.slice());
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^needleplan: the rules built into needleplan are invalid: 1 error:\n {2}\(built-in\) zones\.json:\d+:\d+: zones\[3\]\.maxDepthMm: cheeks: maxDepthMm 3\.5 is above the device's 2\.5 mm range/);
    });
  });
});
