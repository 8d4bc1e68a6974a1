// runBatch as a whole, in-process: where output goes and how (atomic files, Excel style,
// NDJSON equal to `plan --format json`), the rejects file round trip, and the input
// errors that stop a batch before it writes anything.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import iconv from 'iconv-lite';
import { batch, cells, fixture, records, summary } from '../helpers/batch.js';
import { builtinRules, TODAY } from '../helpers/builders.js';
import { parseIntake } from '../../src/intake/schema.js';
import { plan } from '../../src/engine/plan.js';
import { renderJson } from '../../src/render/json.js';

const dir = mkdtempSync(join(tmpdir(), 'needleplan-batch-cmd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

beforeEach(() => {
  vi.stubEnv('NEEDLEPLAN_TODAY', TODAY);
  vi.stubEnv('NEEDLEPLAN_RULES', '');
});

const HEADER = 'client,concerns,zones,severity,fitzpatrick,screened,start\n';

describe('batch output', () => {
  it('writes -o atomically: the file appears whole, nothing on stdout, no temporary left', async () => {
    const out = join(dir, 'plans.csv');
    const run = await batch(fixture('sample-clients.csv'), { output: out, quiet: true });
    expect(run).toEqual({ rejected: 2, stdout: '', stderr: expect.stringContaining(':12: zones:') });
    expect(records(readFileSync(out, 'utf8'))).toHaveLength(10);
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('--quiet drops the summary but keeps the rejected rows it has nowhere else to put', async () => {
    const run = await batch(fixture('sample-clients.csv'), { quiet: true });
    expect(run.stderr).toBe(
      `${fixture('sample-clients.csv')}:12: zones: stretch-marks does not apply to cheeks; it applies to decollete, abdomen, thighs, buttocks, arms\n` +
        `${fixture('sample-clients.csv')}:13: concerns: unknown concern \"wrinkles\" (did you mean fine-lines or deep-wrinkles?); valid: texture, pigmentation, enlarged-pores, fine-lines, deep-wrinkles, photoaging, acne-scars, stretch-marks\n`,
    );
  });

  it('--excel writes a BOM and CRLF, and still quotes a cell with a bare line break', async () => {
    const input = file('excel.csv', `${HEADER}"two\nlines",texture,cheeks,mild,II,yes,\n"cr\ronly",texture,cheeks,mild,II,yes,\n`);
    const run = await batch(input, { excel: true });
    expect(run.stdout.startsWith('\uFEFFclient,status,')).toBe(true);
    expect(run.stdout.replace(/"[^"]*"/g, '').match(/\r?\n/g)).toEqual(['\r\n', '\r\n', '\r\n']);
    expect(records(run.stdout).map((p) => p.client)).toEqual(['two\nlines', 'cr\ronly']);
  });

  it('--format ndjson writes, per row, the JSON `plan --format json` gives', async () => {
    const run = await batch(fixture('sample-clients.csv'), { format: 'ndjson' });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    const rules = builtinRules();
    const parsed = parseIntake(
      { client: 'C-1001', concerns: ['acne-scars'], zones: ['cheeks'], severity: 'severe', fitzpatrick: 'III', painTolerance: 'normal', age: '29', conditions: [''], screened: 'yes', start: '2027-01-05' },
      rules,
    );
    if (!parsed.ok) throw new Error('sample row should parse');
    expect(JSON.parse(lines[0]!)).toEqual(JSON.parse(renderJson(plan(parsed.intake, rules, TODAY))));
  });
});

describe('rejects file', () => {
  it('holds line and error, then the original cells under the original headers; a rerun does not stack columns', async () => {
    const rejects = join(dir, 'rejects.csv');
    await batch(fixture('bom-crlf-semicolon.csv'), { rejects });
    const first = cells(readFileSync(rejects, 'utf8'), ';');
    expect(first[0]).toEqual(['line', 'error', 'Client', 'Concerns', 'Zones', 'Severity', 'Fitzpatrick', 'Pain Tolerance', 'Age', 'Conditions', 'Screened', 'Start']);
    expect(first[1]).toEqual(['5', 'Fitzpatrick: Fitzpatrick type "VII" is not I-VI (or 1-6)', 'S-04', 'fine-lines', 'periorbital', 'moderate', 'VII', 'normal', '50', '', 'yes', '2027-01-12']);

    // Fix one row in the rejects file and run it again on its own.
    const fixed = file('fixed.csv', readFileSync(rejects, 'utf8').replace(';VII;', ';IV;'));
    const again = join(dir, 'rejects-again.csv');
    const run = await batch(fixed, { rejects: again });
    expect(summary(run.stderr)).toEqual({ read: 2, planned: 1, rejected: 1 });
    const second = cells(readFileSync(again, 'utf8'), ';');
    expect(second[0]).toEqual(first[0]);
    expect(second[1]!.slice(0, 3)).toEqual(['3', 'Start: "2027-02-30" is not a real date', 'S-06']);
  });

  it('is written even when nothing is rejected, so an old one never lingers', async () => {
    const rejects = file('old-rejects.csv', 'line,error,client\n9,stale,X\n');
    const run = await batch(file('ok.csv', `${HEADER}A,texture,cheeks,mild,II,yes,\n`), { rejects });
    expect(run.rejected).toBe(0);
    expect(readFileSync(rejects, 'utf8')).toBe('line,error,client,concerns,zones,severity,fitzpatrick,screened,start\n');
  });
});

describe('input', () => {
  it('reads stdin with "-", and a UTF-16 file with a BOM (Excel "Unicode text")', async () => {
    expect(summary((await batch('-', {}, `${HEADER}A,texture,cheeks,mild,II,yes,\n`)).stderr)).toEqual({ read: 1, planned: 1, rejected: 0 });
    const utf16 = file('unicode.txt', iconv.encode('client\tconcerns\tzones\tseverity\tfitzpatrick\nZoë\ttexture\tcheeks\tmild\tII\n', 'utf-16le', { addBOM: true }));
    expect(records((await batch(utf16)).stdout)[0]!.client).toBe('Zoë');
  });

  it('takes --delimiter for a file whose header does not tell', async () => {
    const piped = file('piped.csv', 'client|concerns|zones|severity|fitzpatrick\nA|texture;pigmentation|cheeks|mild|II\n');
    await expect(batch(piped)).rejects.toThrow('the header has no column for concerns, zones, fitzpatrick');
    expect(records((await batch(piped, { delimiter: 'pipe' })).stdout)[0]!.concerns).toBe('texture=mild|pigmentation=mild');
  });

  it('says when there is no client column, and still plans', async () => {
    const run = await batch('-', {}, 'concerns,zones,severity,fitzpatrick\ntexture,cheeks,mild,II\n');
    expect(run.stderr).toMatch(/^note: no client column .*; the line column ties each plan to its row\nrows read: 1\n/);
    expect(records(run.stdout)).toEqual([expect.objectContaining({ client: '', status: 'unscreened', line: '2' })]);
  });

  it('plans nothing from a header-only file (exit 0) and refuses an empty one', async () => {
    expect(await batch(file('header-only.csv', HEADER))).toMatchObject({ rejected: 0, stderr: expect.stringContaining('rows read: 0') });
    await expect(batch(file('empty.csv', '\n\n'))).rejects.toThrow(/empty\.csv is empty: no header row/);
  });

  it('stops at a quote that never closes, naming its line, and leaves no output file behind', async () => {
    const out = join(dir, 'never.csv');
    const broken = file('unclosed.csv', `${HEADER}A,texture,cheeks,mild,II,yes,\n"B,texture,cheeks,mild,II,yes,\nC,texture,cheeks,mild,II,yes,\n`);
    await expect(batch(broken, { output: out })).rejects.toThrow(/unclosed\.csv:3: a quoted cell starting on this line is never closed/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('never writes over its input, and keeps plans and rejects apart', async () => {
    const input = fixture('sample-clients.csv');
    await expect(batch(input, { output: input })).rejects.toThrow('is the input file');
    await expect(batch(input, { rejects: input })).rejects.toThrow(/^--rejects .* is the input file/);
    await expect(batch(input, { output: join(dir, 'same.csv'), rejects: join(dir, 'same.csv') })).rejects.toThrow(/^--rejects and --output are both .*same\.csv/);
    await expect(batch(input, { output: '-', rejects: '-' })).rejects.toThrow('--rejects needs a file name');
  });

  it('names a missing file and an unknown encoding', async () => {
    await expect(batch(join(dir, 'nope.csv'))).rejects.toThrow(/cannot read .*nope\.csv: no such file/);
    await expect(batch(fixture('sample-clients.csv'), { encoding: 'klingon' })).rejects.toThrow('--encoding "klingon" is not an encoding needleplan knows');
  });
});
