// The rules loader on real folders: clinic files over the built-in set, every problem with
// file, line and JSON path, warnings that don't fail, and the precompiled fast path.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRules, loadRulesOrThrow } from '../../src/rules/load/load.js';
import { RulesError } from '../../src/errors.js';
import { rulesError } from '../../src/rules/load/problems.js';
import { describeError } from '../../src/cli/catch.js';
import { RULE_FILES } from '../../src/rules/schema.js';
import { RULE_FILE_NAMES, BUILTIN_RULES_DIR } from '../../src/rules/load/files.js';
import { loadPrecompiledBuiltin, precompiledKey, PRECOMPILED_FORMAT } from '../../src/rules/load/precompiled.js';
import { formatProblem } from '../../src/rules/load/problems.js';

const root = mkdtempSync(join(tmpdir(), 'needleplan-load-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const builtinText = (name: string) => readFileSync(join(BUILTIN_RULES_DIR, name), 'utf8');

let n = 0;
function clinic(files: Record<string, string>): string {
  const dir = join(root, `clinic-${n++}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
/** The built-in zones.json with one zone changed. */
function zonesWith(edit: (zones: Record<string, unknown>[]) => void): string {
  const json = JSON.parse(builtinText('zones.json')) as { zones: Record<string, unknown>[] };
  edit(json.zones);
  return JSON.stringify(json, null, 2);
}
const lines = (dir: string) => loadRules(dir).problems.map(formatProblem);
/** "line:column" where `needle` starts in the text: where a problem about it should point. */
function at(text: string, needle: string): string {
  const before = text.slice(0, text.indexOf(needle));
  expect(before.length).toBeLessThan(text.length);
  return `${before.split('\n').length}:${before.length - before.lastIndexOf('\n')}`;
}
/** A folder is named in messages as the user gave it. */
const shown = (dir: string) => dir;

describe('loadRules', () => {
  it('knows the same rule files as the schema', () => {
    expect([...RULE_FILE_NAMES]).toEqual(Object.keys(RULE_FILES));
  });

  it('loads the built-in set with no problems', () => {
    const { rules, problems, own } = loadRules();
    expect(problems).toEqual([]);
    expect(own).toEqual([]);
    expect(rules?.origin).toBe('built-in');
    expect(rules?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('takes a clinic folder\'s own files and the rest from the built-in set', () => {
    const dir = clinic({ 'zones.json': zonesWith((z) => (z[3]!.maxDepthMm = 1.75)), 'notes.md': 'ignored: not JSON' });
    const { rules, problems, own } = loadRules(dir);
    const builtin = loadRulesOrThrow();
    expect(problems).toEqual([]);
    expect(own).toEqual(['zones.json']);
    expect(rules!.origin).toBe(dir);
    expect(rules!.zones.zones[3]).toMatchObject({ id: 'cheeks', maxDepthMm: 1.75 });
    expect(rules!.concerns).toEqual(builtin.concerns);
    expect(rules!.sha256).not.toBe(builtin.sha256);
  });

  it('keeps warnings but still returns the rules', () => {
    const zones = zonesWith((z) => delete z[0]!.source);
    const dir = clinic({ 'zones.json': zones });
    const { rules, problems } = loadRules(dir);
    expect(rules).toBeDefined();
    // A missing key points at the item it is missing from.
    expect(problems.map(formatProblem)).toEqual([
      `warning: ${shown(dir)}/zones.json:${at(zones, '{\n      "id": "forehead"')}: zones[0].source: forehead has no source; name one, or write "project assumption: …"`,
    ]);
  });

  it('names file, line, column, JSON path and a fix for each problem, all at once', () => {
    const zones = zonesWith((z) => {
      z[0]!.maxDepthMm = '0.5';
      z[3]!.maxDepthMm = 3.5;
    });
    const dir = clinic({
      'zones.json': zones,
      'ruleset.json': '{\n  "version": "1",\n  "name": "Clinic",\n  "device": "e-dermastamp",\n  "disclaimer": "x",\n  "colour": "blue"\n}\n',
    });
    // The cap of 3.5 is above the device's range, but that check waits until every file has its shape.
    expect(lines(dir)).toEqual([
      `${shown(dir)}/ruleset.json:6:3: colour: "colour" is not a key here; delete it or fix the spelling. Keys allowed here: version, name, device, disclaimer`,
      `${shown(dir)}/zones.json:${at(zones, '"maxDepthMm": "0.5"')}: zones[0].maxDepthMm: forehead: maxDepthMm is "0.5" in quotes; write the number without quotes: 0.5`,
    ]);
  });

  it('runs the cross-field checks once every file has its shape', () => {
    const zones = zonesWith((z) => (z[3]!.maxDepthMm = 3.5));
    const dir = clinic({ 'zones.json': zones });
    expect(lines(dir)).toEqual([
      `${shown(dir)}/zones.json:${at(zones, '"maxDepthMm": 3.5')}: zones[3].maxDepthMm: cheeks: maxDepthMm 3.5 is above the device's 2.5 mm range (e-dermastamp); lower it to 2.5 or less`,
    ]);
  });

  it('blames the built-in file when a clinic file removes an id it uses', () => {
    const dir = clinic({ 'zones.json': zonesWith((z) => z.splice(6, 1)) }); // neck
    const problems = loadRules(dir).problems.filter((p) => p.level === 'error');
    expect(problems[0]).toMatchObject({ file: '(built-in) concerns.json', path: 'concerns[0].appliesTo.zones[0]' });
    expect(problems[0]!.message).toBe(
      'there is no zone "neck" in zones.json; use one of: forehead, periorbital, nose, cheeks, perioral, chin-jaw, decollete, hands, abdomen, thighs, buttocks, arms',
    );
    expect(problems[0]!.line).toBeGreaterThan(0);
  });

  it('accepts a byte-order mark', () => {
    expect(loadRules(clinic({ 'zones.json': `\uFEFF${builtinText('zones.json')}` })).problems).toEqual([]);
  });

  it('says plainly when a rule file is a folder', () => {
    const dir = clinic({});
    mkdirSync(join(dir, 'zones.json'));
    expect(lines(dir)).toEqual([`${shown(dir)}/zones.json: cannot read the file: this is a folder, not a file`]);
  });

  it('says plainly when the folder is a file', () => {
    const dir = clinic({ 'x.txt': '' });
    expect(lines(join(dir, 'x.txt'))).toEqual([`${shown(dir)}/x.txt: cannot read the rules folder: this is a file, not a folder`]);
  });

  it('throws RulesError (exit 3) listing every problem', () => {
    const dir = clinic({ 'zone.json': '{}' });
    let error: unknown;
    try {
      loadRulesOrThrow(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RulesError);
    expect((error as RulesError).exitCode).toBe(3);
    expect(describeError(error, false).text).toBe(
      `needleplan: the rules in ${dir} are invalid: 1 error:\n` +
        `  ${shown(dir)}/zone.json: not a rule file name; did you mean zones.json? Rename it to one of: ruleset.json, devices.json, zones.json, concerns.json, adjustments.json, downtime.json, screening.json, care.json, adaptation.json\n` +
        `Fix it, then check again with: needleplan rules validate ${dir}\n`,
    );
  });

  it('explains problems in built-in files caused by a clinic folder', () => {
    const dir = clinic({ 'zones.json': zonesWith((z) => z.splice(6, 1)) });
    const text = describeError(rulesError(loadRules(dir).problems, dir), false).text;
    expect(text).toContain(`Problems in (built-in) files come from a change in ${dir}: an id they use is gone or renamed there.`);
  });
});

describe('loadPrecompiledBuiltin (the start-up fast path)', () => {
  /** A package in miniature: rules/, a compiled schema module, and the precompiled set. */
  function setup() {
    const dir = join(root, `pre-${n++}`);
    mkdirSync(join(dir, 'rules'), { recursive: true });
    for (const name of RULE_FILE_NAMES) writeFileSync(join(dir, 'rules', name), builtinText(name));
    const schema = join(dir, 'schema.js');
    writeFileSync(schema, '// compiled schemas\n');
    const rules = loadRulesOrThrow();
    const file = join(dir, 'builtin-rules.json');
    const key = precompiledKey(join(dir, 'rules'), schema);
    writeFileSync(file, JSON.stringify({ format: PRECOMPILED_FORMAT, key, rules, warnings: [] }));
    const load = () => loadPrecompiledBuiltin(file, join(dir, 'rules'), schema);
    return { rulesDir: join(dir, 'rules'), file, schema, rules, load };
  }

  it('returns the precompiled set while nothing it was made from changed', () => {
    const { rules, load } = setup();
    expect(load()).toEqual(rules);
  });

  it('misses (so the caller validates) when any byte of a rule file changed', () => {
    const { rulesDir, load } = setup();
    writeFileSync(join(rulesDir, 'zones.json'), `${builtinText('zones.json')} `);
    expect(load()).toBeUndefined();
  });

  it('misses when the compiled schema changed (a rebuild without recompiling the rules)', () => {
    const { schema, load } = setup();
    writeFileSync(schema, '// compiled schemas, new defaults\n');
    expect(load()).toBeUndefined();
  });

  it('misses when the precompiled file is absent, corrupt or of another format', () => {
    const { file, load } = setup();
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(good), format: 99 }));
    expect(load()).toBeUndefined();
    writeFileSync(file, '{"format": 1, "key');
    expect(load()).toBeUndefined();
    rmSync(file);
    expect(load()).toBeUndefined();
  });

  it('misses when a rule file is gone', () => {
    const { rulesDir, load } = setup();
    rmSync(join(rulesDir, 'care.json'));
    expect(load()).toBeUndefined();
  });

  it('reports a misnamed file and the problems of the real files in one run', () => {
    const zones = zonesWith((z) => (z[3]!.maxDepthMm = 3.5));
    const dir = clinic({ 'zones.json': zones, 'zone-backup.json': '{}' });
    const found = lines(dir);
    expect(found).toHaveLength(2);
    expect(found[1]).toMatch(/zones\.json:\d+:\d+: zones\[3\]\.maxDepthMm: cheeks: maxDepthMm 3\.5 is above the device's 2\.5 mm range/);
    expect(found[0]).toMatch(/zone-backup\.json: not a rule file name/);
  });
});

describe('every problem of every file in one run', () => {
  it('reports a JSON error, a shape error and a cross-field error together, each with its code', () => {
    const concerns = JSON.parse(builtinText('concerns.json')) as { concerns: { appliesTo: { zones: string[] } }[] };
    concerns.concerns[0]!.appliesTo.zones = ['elbow'];
    const dir = clinic({
      'zones.json': '{ "zones": [ }',
      'devices.json': builtinText('devices.json').replace('"stepMm": 0.25', '"stepMm": "0.25"'),
      'downtime.json': builtinText('downtime.json'),
      'concerns.json': JSON.stringify(concerns, null, 2),
    });
    const { rules, problems } = loadRules(dir);
    expect(rules).toBeUndefined();
    const codes = problems.map((p) => `${p.file.split('/').pop()} ${p.code}`);
    expect(codes).toContain('zones.json json-syntax');
    expect(codes).toContain('devices.json schema');
    // zones.json failed, so the check that needs zones is skipped rather than guessed;
    // a check needing only files that passed still runs in the same load.
    expect(codes.some((c) => c.endsWith('referencesExist'))).toBe(false);
    const downtime = JSON.parse(builtinText('downtime.json')) as { bands: { days: { min: number; max: number } }[] };
    downtime.bands[0]!.days = { min: 5, max: 1 };
    const dir2 = clinic({ 'zones.json': '{ "zones": [ }', 'downtime.json': JSON.stringify(downtime, null, 2) });
    const codes2 = loadRules(dir2).problems.map((p) => `${p.file.split('/').pop()} ${p.code}`);
    expect(codes2).toEqual(expect.arrayContaining(['zones.json json-syntax', 'downtime.json rangesOrdered']));
  });
});
