// `needleplan batch` through the built bin, as a shell runs it: stdin and stdout with "-",
// files with -o and --rejects, and the exit codes 0, 1 and 2. Every case asserts the exit
// code and both streams.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { fixture, records } from '../helpers/batch.js';

const dir = mkdtempSync(join(tmpdir(), 'needleplan-batch-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sample = readFileSync(fixture('sample-clients.csv'), 'utf8');
const SUMMARY = 'rows read: 12\nplanned: 10 (ready 6, needs-clearance 2, unscreened 1, not-eligible 1)\n';
const LINE_12 =
  'stdin:12: zones: stretch-marks does not apply to cheeks; it applies to decollete, abdomen, thighs, buttocks, arms\n';
const LINE_13 =
  ':13: concerns: unknown concern \"wrinkles\" (did you mean fine-lines or deep-wrinkles?); valid: texture, pigmentation, enlarged-pores, fine-lines, deep-wrinkles, photoaging, acne-scars, stretch-marks\n';

describe('needleplan batch (built bin)', () => {
  it('reads stdin and writes stdout with "-": plans on stdout, rejections and summary on stderr, exit 1', () => {
    const r = runCli(['batch', '-', '-o', '-'], { input: sample });
    expect(r.code).toBe(1);
    const plans = records(r.stdout);
    expect(plans).toHaveLength(10);
    expect(plans[0]).toMatchObject({ client: 'C-1001', status: 'ready', sessions: '8', depth_mm: 'cheeks:2', first_session: '2027-01-05', line: '2' });
    expect(r.stderr).toBe(`${LINE_12}stdin${LINE_13}${SUMMARY}rejected: 2 (listed above; --rejects <file> writes them as CSV to fix and rerun)\n`);
  });

  it('writes plans.csv and rejects.csv for the shared sample, nothing on stdout', () => {
    const r = runCli(['batch', fixture('sample-clients.csv'), '-o', 'plans.csv', '--rejects', 'rejects.csv'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `${fixture('sample-clients.csv')}${LINE_12.slice('stdin'.length)}${fixture('sample-clients.csv')}${LINE_13}${SUMMARY}rejected: 2 (written to rejects.csv)\n`,
    );
    expect(records(readFileSync(join(dir, 'plans.csv'), 'utf8')).map((p) => p.client)).toEqual(
      ['C-1001', 'C-1002', 'C-1003', 'C-1004', 'C-1005', 'C-1006', 'C-1007', 'C-1008', 'C-1009', 'C-1010'],
    );
    expect(records(readFileSync(join(dir, 'rejects.csv'), 'utf8'))).toEqual([
      expect.objectContaining({ line: '12', client: 'C-1011', concerns: 'stretch-marks' }),
      expect.objectContaining({ line: '13', client: 'C-1012', concerns: 'wrinkles' }),
    ]);
    expect(readdirSync(dir).sort()).toEqual(['plans.csv', 'rejects.csv']);
  });

  it('exits 0 when every row plans, and writes NDJSON with --format ndjson', () => {
    const ok = sample.split('\n').filter((l) => !/^C-101[12]/.test(l)).join('\n');
    const r = runCli(['batch', '-', '--format', 'ndjson', '--quiet'], { input: ok });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const plans = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(plans.map((p) => [p.client, p.status, p.schemaVersion])).toContainEqual(['C-1009', 'not-eligible', 1]);
    expect(plans).toHaveLength(10);
  });

  it('-o plans.ndjson writes NDJSON without -f; -f csv wins over the extension', () => {
    const out = join(dir, 'by-extension.ndjson');
    const r = runCli(['batch', '-', '-o', out, '--quiet'], { input: sample });
    expect(r.code).toBe(1);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    expect(JSON.parse(lines[0]!).schemaVersion).toBe(1);
    const csv = join(dir, 'forced.ndjson');
    expect(runCli(['batch', '-', '-o', csv, '-f', 'csv', '--quiet'], { input: sample }).code).toBe(1);
    expect(readFileSync(csv, 'utf8')).toMatch(/^client,status,/);
  });

  it('exits 2 at once on a header without the needed columns, saying what it found and expected', () => {
    const r = runCli(['batch', '-'], { input: 'id,first name,last name\n1,Ann,Lee\n' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^needleplan: stdin: the header has no column for concerns, zones, fitzpatrick\nneedleplan: found: "id", "first name", "last name"\nneedleplan: expected: concerns \(or /);
    expect(r.stderr).toContain('needleplan: name another header with --map "Their Header=concerns"\n');
  });

  it('exits 2 on a windows-1252 export read as UTF-8, and plans it with --encoding', () => {
    const bad = runCli(['batch', fixture('windows-1252.csv')]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('is not UTF-8 text (an invalid byte on line 2); an export saved by Excel on Windows is usually windows-1252: rerun with --encoding windows-1252\n');
    const good = runCli(['batch', fixture('windows-1252.csv'), '--encoding', 'windows-1252', '--quiet', '--excel']);
    expect(good.code).toBe(1);
    expect(good.stdout.startsWith('\uFEFF')).toBe(true);
    // --excel writes the way the export came: its ";" delimiter, a BOM, CRLF.
    expect(good.stdout).toContain('\r\n');
    expect(records(good.stdout, ';').map((p) => p.client)).toEqual(['Zoë Müller', 'Françoise Œuvray', 'Søren Åberg']);
    expect(good.stderr).toMatch(/windows-1252\.csv:4: Concerns: unknown concern "Rides"/);
  });

  it('reads ids and aliases from --rules or NEEDLEPLAN_RULES, and exits 3 on a bad rules folder', () => {
    // A clinic folder with only concerns.json, where French "rides" names fine lines.
    const clinic = join(dir, 'clinic-rules');
    mkdirSync(clinic);
    const concerns = JSON.parse(readFileSync(join(ROOT, 'rules/concerns.json'), 'utf8'));
    concerns.concerns.find((c: { id: string }) => c.id === 'fine-lines').aliases.push('rides');
    writeFileSync(join(clinic, 'concerns.json'), JSON.stringify(concerns, null, 2));
    const args = ['batch', fixture('windows-1252.csv'), '--encoding', 'windows-1252'];
    for (const r of [runCli([...args, '--rules', clinic]), runCli(args, { env: { NEEDLEPLAN_RULES: clinic } })]) {
      expect(r.code).toBe(0);
      expect(records(r.stdout).map((p) => [p.client, p.concerns])).toContainEqual(['José Núñez', 'fine-lines=mild']);
      // The export has a Screened column but asked no screening question: never "ready".
      expect(r.stderr).toBe(
        'note: columns not used: "Notes" (--map "Their Header=field" reads one; --map "Their Header=ignore" or --strict for none)\n' +
          'note: no screening answers in the file (no conditions column, no condition column such as Pregnant): rows marked screened are planned unscreened\n' +
          'rows read: 4\nplanned: 4 (ready 0, needs-clearance 0, unscreened 4, not-eligible 0)\nrejected: 0\n',
      );
    }
    const bad = runCli(['batch', '-', '--rules', join(dir, 'no-such-rules')], { input: sample });
    expect(bad.code).toBe(3);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^needleplan: the rules in .*no-such-rules are invalid/);
  });
  it('plans the pregnant client on warfarin not-eligible, saves the mapping and reads it back (built bin)', () => {
    const mapping = join(dir, 'clinic.json');
    const args = ['batch', fixture('clinic-export.csv'), '--rules', fixture('rules-drug-names'), '--map', 'Notes=ignore'];
    const first = runCli([...args, '--save-mapping', mapping, '--quiet']);
    expect(first.code).toBe(1);
    expect(records(first.stdout)[0]).toMatchObject({ client: 'Anna Berg', status: 'not-eligible', findings: 'pregnant|blood-thinners|age-not-recorded' });
    expect(first.stderr).toMatch(/clinic-export\.csv:7: Pregnant: "maybe" is not yes\/no/);
    expect(JSON.parse(readFileSync(mapping, 'utf8'))).toEqual({ needleplanMapping: 1, map: { Notes: 'ignore' }, delimiter: ';' });
    const again = runCli(['batch', fixture('clinic-export.csv'), '--rules', fixture('rules-drug-names'), '--mapping', mapping, '--strict', '--quiet']);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe(first.stdout);
    const strict = runCli(['batch', fixture('clinic-export.csv'), '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toMatch(/^needleplan: .*clinic-export\.csv: --strict: columns not used: "Notes"/);
  });
});
