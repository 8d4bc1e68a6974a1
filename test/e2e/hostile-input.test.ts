// Issue 10, items 8-10, through the built bin: boundary dates, text that would run in a
// terminal (flag values, CSV headers and cells, rule text, the HTML title), and the smaller
// faults: exact parse-error lines, UTF-16 without a BOM, ICS folded by octets, capped
// messages, honest "never closed" messages.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { fixture, records, summary } from '../helpers/batch.js';
import { STACK } from '../helpers/spawn-cli.js';
import { PlanJson } from '../../src/engine/plan-schema.js';

const dir = mkdtempSync(join(tmpdir(), 'needleplan-hostile-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PLAN = ['plan', '-c', 'acne-scars=severe', '-z', 'cheeks', '--fitzpatrick', 'III', '--screened', '--no-input'];
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const ESC_SEQ = '\u001b]52;c;aGVsbG8=\u0007\u001b[2J';
const HEADER = 'client,concerns,zones,severity,fitzpatrick,screened';

/** A clinic folder: the built-in rules with one care text and the rule set's name changed. */
function clinicWith(careText: string, name = 'Clinic'): string {
  const d = mkdtempSync(join(dir, 'rules-'));
  const care = JSON.parse(readFileSync(join(ROOT, 'rules', 'care.json'), 'utf8')) as { before: { id: string; text: string }[] };
  care.before.find((c) => c.id === 'stop-retinoids')!.text = careText;
  writeFileSync(join(d, 'care.json'), JSON.stringify(care, null, 2));
  const ruleset = JSON.parse(readFileSync(join(ROOT, 'rules', 'ruleset.json'), 'utf8')) as { name: string };
  ruleset.name = name;
  writeFileSync(join(d, 'ruleset.json'), JSON.stringify(ruleset, null, 2));
  return d;
}

describe('item 8: boundary dates', () => {
  it.each(['9999-12-31', '0000-01-01', '0207-01-05', '2024-12-31', '2037-01-01'])('--start %s is exit 2 naming the window', (start) => {
    for (const format of ['text', 'ics', 'json']) {
      const r = runCli([...PLAN, '--start', start, '-f', format]);
      expect(r).toMatchObject({ code: 2, stdout: '' });
      expect(r.stderr).toBe(`needleplan: --start: start date ${start} is outside 2025-01-01 to 2036-12-31 (the planning year minus one to plus ten); check the year\n`);
    }
  });

  it.each(['2025-01-01', '2036-12-31'])('--start %s (an edge of the window) plans; its JSON fits the Plan schema, its calendar has 4-digit years', (start) => {
    const json = runCli([...PLAN, '--start', start, '-f', 'json']);
    expect(json).toMatchObject({ code: 0, stderr: '' });
    expect(PlanJson.safeParse(JSON.parse(json.stdout)).success).toBe(true);
    const ics = runCli([...PLAN, '--start', start, '-f', 'ics']);
    expect(ics.code).toBe(0);
    for (const m of ics.stdout.matchAll(/VALUE=DATE:(\d+)/g)) expect(m[1]).toMatch(/^[1-9]\d{7}$/);
  });

  it('a batch row with a start outside the window is rejected, the others planned', () => {
    const csv = `${HEADER},start\nA,texture,cheeks,mild,II,yes,0207-01-05\nB,texture,cheeks,mild,II,yes,2027-01-05\n`;
    const r = runCli(['batch', '-'], { input: csv });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('stdin:2: start: start date 0207-01-05 is outside 2025-01-01 to 2036-12-31');
    expect(records(r.stdout).map((p) => p.client)).toEqual(['B']);
  });
});

describe('item 9: what a user or a file supplied is shown, never run', () => {
  const noRawControls = (text: string) => expect(text).not.toMatch(RAW_CONTROL);

  it('a flag value in an error message', () => {
    for (const args of [
      [...PLAN, '--fitzpatrick', ESC_SEQ],
      [...PLAN, '-c', ESC_SEQ],
      [...PLAN, '--start', ESC_SEQ],
      ['plan', `--x${ESC_SEQ}`],
      ['batch', fixture('sample-clients.csv'), '--delimiter', ESC_SEQ],
      ['batch', fixture('sample-clients.csv'), '--map', `${ESC_SEQ}=zones`],
    ]) {
      const r = runCli(args);
      expect(r.code).toBe(2);
      noRawControls(r.stderr);
      expect(r.stderr).toContain('\\x1b]52');
    }
  });

  it('CSV header cells in the missing-column error', () => {
    const r = runCli(['batch', '-'], { input: `client,${ESC_SEQ}\nA,B\n` });
    expect(r.code).toBe(2);
    noRawControls(r.stderr);
    expect(r.stderr).toContain('found: "client,\\x1b]52", "c", "aGVsbG8=\\x07\\x1b[2J"');
  });

  it('CSV output cells (CSV and the rejects file); NDJSON escapes them itself', () => {
    const d = mkdtempSync(join(dir, 'cells-'));
    const csv = `${HEADER}\n"A${ESC_SEQ}",texture,cheeks,mild,II,yes\n"B${ESC_SEQ}",texture,nowhere,mild,II,yes\n`;
    writeFileSync(join(d, 'in.csv'), csv);
    const r = runCli(['batch', 'in.csv', '-o', 'plans.csv', '--rejects', 'rejects.csv'], { cwd: d });
    expect(r.code).toBe(1);
    noRawControls(r.stderr);
    for (const f of ['plans.csv', 'rejects.csv']) noRawControls(readFileSync(join(d, f), 'utf8'));
    expect(records(readFileSync(join(d, 'plans.csv'), 'utf8'))[0]!.client).toBe('A\\x1b]52;c;aGVsbG8=\\x07\\x1b[2J');
    const nd = runCli(['batch', 'in.csv', '-f', 'ndjson'], { cwd: d });
    noRawControls(nd.stdout);
  });

  it('the client name in text, markdown and the HTML <title>', () => {
    for (const format of ['text', 'markdown', 'html']) {
      const r = runCli([...PLAN, '--client', `Ann${ESC_SEQ}`, '-f', format]);
      expect(r.code).toBe(0);
      noRawControls(r.stdout);
    }
    const html = runCli([...PLAN, '--client', `Ann${ESC_SEQ}`, '-f', 'html']).stdout;
    expect(/<title>([^<]*)<\/title>/.exec(html)![1]).not.toMatch(/[\u0000-\u001f]/);
  });

  it('rule text in plan (every format read by a person), rules show and rules validate', () => {
    const rules = clinicWith(`Stop retinoids${ESC_SEQ} 5 days before.`, `Clinic${ESC_SEQ}`);
    for (const format of ['text', 'markdown', 'html', 'ics']) {
      const r = runCli([...PLAN, '--rules', rules, '--start', '2027-01-05', '-f', format]);
      expect({ format, code: r.code }).toEqual({ format, code: 0 });
      noRawControls(r.stdout.replace(/\r\n/g, '\n'));
    }
    const text = runCli([...PLAN, '--rules', rules]).stdout;
    expect(text).toContain('Stop retinoids\\x1b]52;c;aGVsbG8=\\x07\\x1b[2J 5 days before.');
    const show = runCli(['rules', 'show', rules]);
    expect(show.code).toBe(0);
    noRawControls(show.stdout);
    const validate = runCli(['rules', 'validate', rules]);
    expect(validate.code).toBe(0);
    noRawControls(validate.stdout);
    expect(validate.stdout).toContain('OK: "Clinic\\x1b]52;c;aGVsbG8=\\x07\\x1b[2J"');
  });
});

describe('item 10: the smaller ones', () => {
  it('an unclosed quote is reported on its own line, however far into the file', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `C-${i},texture,cheeks,mild,II,yes`);
    const csv = `${HEADER}\n${rows.join('\n')}\n"broken,texture,cheeks,mild,II,yes\nmore\n`;
    const r = runCli(['batch', '-', '--quiet'], { input: csv });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('needleplan: stdin:5002: a quoted cell starting on this line is never closed (a stray " ?); fix it and rerun\n');
  });

  it('a huge unquoted cell is not called a quote never closed', () => {
    const file = join(dir, 'huge-cell.csv');
    writeFileSync(file, `${HEADER}\nA,${'x'.repeat(1_500_000)},cheeks,mild,II,yes\n`);
    const r = runCli(['batch', file, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^needleplan: .*huge-cell\.csv:2: the row starting on this line is longer than 1 MiB/);
    expect(r.stderr).not.toContain('never closed');
  });

  it('UTF-16 without a BOM is read as UTF-16: 12 rows in, 12 rows read', () => {
    const d = mkdtempSync(join(dir, 'utf16-'));
    for (const [encoding, swap] of [['utf16le', false], ['utf16be', true]] as const) {
      const bytes = Buffer.from(readFileSync(fixture('sample-clients.csv'), 'utf8'), 'utf16le');
      if (swap) bytes.swap16();
      writeFileSync(join(d, `${encoding}.csv`), bytes);
      const r = runCli(['batch', join(d, `${encoding}.csv`)]);
      expect(r.code).toBe(1);
      expect(summary(r.stderr)).toEqual({ read: 12, planned: 10, rejected: 2 });
      expect(records(r.stdout)[0]!.client).toBe('C-1001');
    }
  });

  it('ICS lines are folded at 75 octets, never inside a UTF-8 sequence', () => {
    const rules = clinicWith(`Arrêtez les rétinoïdes et les acides exfoliants ${'é'.repeat(60)} cinq jours avant — 日本語のテキスト ${'💉'.repeat(30)}.`);
    const r = runCli([...PLAN, '--rules', rules, '--start', '2027-01-05', '-f', 'ics']);
    expect(r.code).toBe(0);
    const bytes = Buffer.from(r.stdout);
    expect(bytes.toString('utf8')).not.toContain('\uFFFD');
    const lines = r.stdout.split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(lines.some((l) => Buffer.byteLength(l) > 70 && /[^\x00-\x7f]/.test(l))).toBe(true);
    // Unfolded, the text is intact.
    expect(r.stdout.replace(/\r\n /g, '')).toContain('cinq jours avant — 日本語のテキスト 💉');
  });

  it('one error quotes at most 200 characters of a cell, and 10,000 unknown values are a few lines', () => {
    const started = Date.now();
    const cell = runCli(['batch', '-', '--quiet'], { input: `${HEADER}\nA,${'q'.repeat(900_000)},cheeks,mild,II,yes\n` });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(cell.code).toBe(1);
    expect(cell.stderr.length).toBeLessThan(1000);
    expect(cell.stderr).toContain('… (900,000 characters in all)');
    const many = runCli([...PLAN.filter((a) => a !== 'acne-scars=severe' && a !== '-c'), '-s', 'mild', '-c', Array.from({ length: 10_000 }, (_, i) => `bogus${i}`).join(',')]);
    expect(many.code).toBe(2);
    expect(many.stderr.length).toBeLessThan(2500);
    expect(many.stderr).toContain('and 9,995 more problems with the same answer');
    expect(many.stderr).not.toMatch(STACK);
  });

  it('a header of 5,000 columns is listed in part', () => {
    const header = Array.from({ length: 5000 }, (_, i) => `col${i}`).join(',');
    const r = runCli(['batch', '-'], { input: `${header}\n${'x,'.repeat(4999)}x\n` });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"col9", and 4,990 more');
    expect(r.stderr.length).toBeLessThan(2000);
  });
});
