// Exports shaped like real clinic software's: condition columns, medication names (brand
// names included), dates of birth, day-first and Excel-serial dates, joined name columns and
// saved mappings, each with its expected plans and rejected lines; and the modules that read
// them (dates, medication cells, header matching, the mapping file).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { batch, cells, fixture, records, rejectedLines, summary } from '../helpers/batch.js';
import { builtinRules, makeRules, TODAY } from '../helpers/builders.js';
import { ageOn, excelSerialDate, readDate } from '../../src/batch/dates.js';
import { medicationTerms, readMedications, screeningTable } from '../../src/batch/screening-cells.js';
import { mergeMaps, parseMaps, resolveColumns } from '../../src/batch/columns.js';
import { readMapping, mappingJson } from '../../src/batch/mapping.js';
import { PlanJson } from '../../src/engine/plan-schema.js';

const out = mkdtempSync(join(tmpdir(), 'needleplan-exports-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

beforeEach(() => {
  vi.stubEnv('NEEDLEPLAN_TODAY', TODAY);
  vi.stubEnv('NEEDLEPLAN_RULES', '');
});

const DRUG_RULES = fixture('rules-drug-names');

describe('a clinic export with condition and medication columns (BOM, ";", CRLF)', () => {
  it('plans the pregnant client on warfarin not-eligible, reads brand names, rejects what it cannot read', async () => {
    const rejects = join(out, 'clinic-rejects.csv');
    const run = await batch(fixture('clinic-export.csv'), { rules: DRUG_RULES, rejects, format: 'ndjson' });
    const plans = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(plans.map((p) => [p.client, p.status, p.findings.map((f: { code: string }) => f.code).filter((c: string) => c !== 'age-not-recorded' && !c.startsWith('fitzpatrick'))])).toEqual([
      ['Anna Berg', 'not-eligible', ['pregnant', 'blood-thinners']],
      ['Bea Lind', 'ready', []],
      ['Cara Holm', 'needs-clearance', ['blood-thinners']],
      ['Dina Ek', 'needs-clearance', ['blood-thinners']],
      ['Eva Sund', 'not-eligible', ['isotretinoin-current']],
      ['Hild Åkesson', 'unscreened', ['unscreened']],
    ]);
    for (const p of plans) expect(PlanJson.safeParse(p).success).toBe(true);
    expect(rejectedLines(run.stderr)).toEqual([7, 8]);
    expect(run.stderr).toContain('clinic-export.csv:7: Pregnant: "maybe" is not yes/no (also true/false, y/n, 1/0)\n');
    expect(run.stderr).toContain('clinic-export.csv:8: Medications: unknown medicine "Vitamin D": the rules do not know it;');
    expect(run.stderr).toContain('note: columns not used: "Notes"');
    expect(summary(run.stderr)).toEqual({ read: 8, planned: 6, rejected: 2 });
    expect(run.rejected).toBe(2);

    // The rejects keep the export's dialect: BOM, ";" and CRLF, the clinic's own cells.
    const text = readFileSync(rejects, 'utf8');
    expect(text.startsWith('\uFEFFline;error;Name;Skin Type;')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(4);
    expect(records(text, ';').map((r) => [r.line, r.Name, r.Medications])).toEqual([
      ['7', 'Fia Ny', ''],
      ['8', 'Gun Ros', 'Vitamin D, Plavix 75 mg'],
    ]);
  });

  it('rejects a brand name the rules do not know rather than dropping it', async () => {
    const run = await batch(fixture('clinic-export.csv'), { quiet: true });
    // Built-in rules (today) may not list Eliquis: then Cara Holm is rejected, never planned ready.
    const plans = records(run.stdout);
    const cara = plans.find((p) => p.client === 'Cara Holm');
    if (cara) expect(cara.status).toBe('needs-clearance');
    else expect(run.stderr).toContain(':4: Medications: unknown medicine "Eliquis"');
  });

  it('with the saved mapping (Notes ignored, strict), exits 2 on an unread column only without it', async () => {
    const ok = await batch(fixture('clinic-export.csv'), { rules: DRUG_RULES, mapping: fixture('clinic-mapping.json'), quiet: true });
    expect(records(ok.stdout)).toHaveLength(6);
    await expect(batch(fixture('clinic-export.csv'), { rules: DRUG_RULES, strict: true })).rejects.toThrow(
      'clinic-export.csv: --strict: columns not used: "Notes"; read each with --map "Their Header=field", or drop it with --map "Their Header=ignore"',
    );
    // The command line wins over the file: --no-strict.
    const loose = await batch(fixture('clinic-export.csv'), { rules: DRUG_RULES, mapping: fixture('clinic-mapping.json'), strict: false, map: ['Notes=client'], quiet: true });
    expect(records(loose.stdout).map((p) => p.client)).toContain('first visit');
  });

  it('--excel writes the plans the way the export came: its delimiter, a BOM, CRLF', async () => {
    const run = await batch(fixture('clinic-export.csv'), { rules: DRUG_RULES, excel: true, quiet: true });
    expect(run.stdout.startsWith('\uFEFFclient;status;sessions;')).toBe(true);
    expect(run.stdout.endsWith('\r\n')).toBe(true);
    expect(run.stdout.replace(/\r\n/g, '').includes('\n')).toBe(false);
    expect(cells(run.stdout, ';')).toHaveLength(7);
  });
});

describe('dates of birth, day-first and Excel-serial dates, joined names', () => {
  it('with the saved mapping: joined names, ages from dates of birth, dates read as DD/MM/YYYY or serials', async () => {
    const rejects = join(out, 'dates-rejects.csv');
    const run = await batch(fixture('dates-joined.csv'), { mapping: fixture('dates-mapping.json'), rejects, format: 'ndjson' });
    const plans = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(plans.map((p) => [p.client, p.status, p.age, p.schedule[0]?.date ?? null])).toEqual([
      ['Ann Lee', 'ready', 36, '2027-01-05'],
      ['Bo Ek', 'ready', 36, '2027-01-05'],
      ['Cy', 'ready', 36, '2027-02-01'],
      ['Ed Gu', 'not-eligible', 11, null],
    ]);
    expect(plans.every((p) => !p.findings.some((f: { code: string }) => f.code === 'age-not-recorded'))).toBe(true);
    expect(run.stderr).toContain('dates-joined.csv:5: First Session: start date "31/02/2027" is not a real date (read as DD/MM/YYYY)\n');
    expect(run.stderr).toContain('dates-joined.csv:7: Date of Birth: date of birth 2030-01-01 is after the planning day (2026-11-25)\n');
    expect(records(readFileSync(rejects, 'utf8')).map((r) => r.line)).toEqual(['5', '7']);
  });

  it('rejects a slash date without --date-format, naming the flag; MM/DD/YYYY reads it month-first', async () => {
    const run = await batch(fixture('dates-joined.csv'), { map: ['First Name+Last Name=client'], format: 'ndjson' });
    expect(rejectedLines(run.stderr)).toEqual([2, 5, 6, 7]); // line 3's Excel serials need no format
    expect(run.stderr).toContain(':2: First Session: start date "05/01/2027" could be day-first or month-first; say which with --date-format DD/MM/YYYY or --date-format MM/DD/YYYY | Date of Birth: date of birth "14/03/1990" could be');
    const us = await batch(fixture('dates-joined.csv'), { map: ['First Name+Last Name=client'], dateFormat: 'MM/DD/YYYY', format: 'ndjson' });
    const ann = JSON.parse(us.stdout.split('\n')[0]!);
    expect(ann.client).toBe('Bo Ek'); // Ann's 14/03/1990 is no month-first date
    expect(us.stderr).toContain(':2: Date of Birth: date of birth "14/03/1990" is not a real date (read as MM/DD/YYYY)');
  });

  it('reads Excel serials in the 1900 system, Lotus leap-year bug included', () => {
    expect(excelSerialDate(1)).toBe('1900-01-01');
    expect(excelSerialDate(59)).toBe('1900-02-28');
    expect(excelSerialDate(60)).toBeUndefined(); // Excel's 1900-02-29, a day that never was
    expect(excelSerialDate(61)).toBe('1900-03-01');
    expect(excelSerialDate(45658)).toBe('2025-01-01');
    expect(readDate('46392.75', undefined, 'start date')).toEqual({ date: '2027-01-05' });
    expect(readDate('1990', undefined, 'date of birth')).toEqual({ error: 'date of birth "1990" is a year alone; write the whole date' });
    expect(readDate('5/1/27', 'DD/MM/YYYY', 'start date')).toEqual({ error: 'start date "5/1/27" has a two-digit year; write the year in full (e.g. 2027)' });
    expect(readDate('2027/1/5', undefined, 'start date')).toEqual({ date: '2027-01-05' });
    expect(readDate('5.1.2027', 'DD/MM/YYYY', 'start date')).toEqual({ date: '2027-01-05' });
    expect(ageOn('1990-11-25', '2026-11-25')).toBe(36);
    expect(ageOn('1990-11-26', '2026-11-25')).toBe(35);
  });

  it('refuses two maps onto one field, saying to join them with +', () => {
    expect(() => parseMaps(['First Name=client', 'Last Name=client'])).toThrow(
      '--map "First Name=client" and --map "Last Name=client" both name client; to join the two columns write --map "First Name+Last Name=client"',
    );
  });
});

describe('medication cells', () => {
  const table = screeningTable(makeRules((r) => r.screening.conditions.find((c) => c.id === 'blood-thinners')!.aliases.push('Eliquis', 'Plavix')));

  it('reads drug and brand names with doses and frequencies, none as nothing, an unknown term as an error naming it', () => {
    expect(medicationTerms('Warfarin 5mg daily; Eliquis (apixaban) and aspirin')).toEqual(['Warfarin 5mg daily', 'Eliquis', 'apixaban', 'aspirin']);
    expect(readMedications('Warfarin 5 mg twice daily, Plavix 75mg', table)).toEqual({ ids: ['blood-thinners'], errors: [] });
    expect(readMedications('Accutane', table)).toEqual({ ids: ['isotretinoin-current'], errors: [] });
    for (const none of ['none', 'None', 'no', 'N/A', 'nil', '-', 'no medication']) expect(readMedications(none, table)).toEqual({ ids: [], errors: [] });
    const r = readMedications('Eliquis, Metformin 500mg', table);
    expect(r.ids).toEqual(['blood-thinners']);
    expect(r.errors).toEqual([expect.stringMatching(/^unknown medicine "Metformin 500mg".*the rules do not know it/)]);
    expect(readMedications('yes', table).errors[0]).toMatch(/^"yes" does not name the medicine/);
  });
});

describe('headers', () => {
  const rules = builtinRules();
  const t = screeningTable(rules);
  const vocabulary = { conditionByKey: t.byKey, conditionIds: t.conditions.map((c) => c.id) };
  const base = ['concerns', 'zones', 'fitzpatrick'];

  it('reads headers naming a condition as yes/no columns, --map condition:<id> for others, and names unused columns', () => {
    const c = resolveColumns([...base, 'Pregnant', 'Blood thinners', 'Accutane?', 'Nickel allergy (y/n)', 'Phone', ''], parseMaps(['Nickel allergy (y/n)=condition:metal-allergy']), 'x.csv', vocabulary);
    expect(c.conditionColumns).toEqual([
      { at: 6, id: 'metal-allergy' },
      { at: 3, id: 'pregnant' },
      { at: 4, id: 'blood-thinners' },
      { at: 5, id: 'isotretinoin-current' },
    ]);
    expect(c.screeningAnswers).toBe(true);
    expect(c.unused).toEqual(['Phone', 'column 9 (no header)']);
    expect(() => resolveColumns(base, parseMaps(['concerns=condition:pregnancy-test']), 'x.csv', vocabulary)).toThrow(/unknown screening condition "pregnancy-test"; valid: pregnant, /);
  });

  it('has no screening answers without a conditions column or a condition column (a medication column is not one)', () => {
    expect(resolveColumns([...base, 'screened', 'Medications'], [], 'x.csv', vocabulary)).toMatchObject({ screeningAnswers: false, medications: [4] });
    expect(resolveColumns([...base, 'screened', 'Conditions'], [], 'x.csv', vocabulary).screeningAnswers).toBe(true);
  });

  it('joins columns with +, unless the header really is spelled with a +', () => {
    const c = resolveColumns([...base, 'First', 'Last', 'A+B'], parseMaps(['First+Last=client', 'A+B=severity']), 'x.csv', vocabulary);
    expect(c.joins).toEqual({ client: [3, 4] });
    expect(c.index).toMatchObject({ client: 3, severity: 5 });
  });

  it('lets the command line win over a saved mapping, by header and by field', () => {
    const merged = mergeMaps(parseMaps(['Ref=client', 'Where=zones']), parseMaps(['Name=client', 'Where=ignore', 'Notes=ignore']));
    expect(merged.map((m) => [m.header, m.target])).toEqual([
      ['Notes', { kind: 'ignore' }],
      ['Ref', { kind: 'field', field: 'client' }],
      ['Where', { kind: 'field', field: 'zones' }],
    ]);
  });
});

describe('mapping files', () => {
  it('round-trips what --save-mapping writes', () => {
    const mapping = { maps: parseMaps(['First Name+Last Name=client', 'Pregnant?=condition:pregnant', 'Notes=ignore']), delimiter: ';', dateFormat: 'DD/MM/YYYY' as const, strict: true };
    const file = join(out, 'round.json');
    writeFileSync(file, mappingJson(mapping));
    expect(readMapping(file)).toEqual({ ...mapping, encoding: undefined });
  });

  it('names the file and the JSON path of a problem (exit 2)', () => {
    const file = join(out, 'bad.json');
    writeFileSync(file, JSON.stringify({ needleplanMapping: 1, map: { Pregnant: 'condition:' }, dateFormat: 'DD-MM-YYYY' }));
    expect(() => readMapping(file)).toThrow(new RegExp(`^${file}: not a needleplan mapping:\\n  ${file}: dateFormat: `));
    writeFileSync(file, JSON.stringify({ needleplanMapping: 1, map: { Pregnant: 'pregnancy' } }));
    expect(() => readMapping(file)).toThrow(`${file}: map: --map "Pregnant=pregnancy": unknown field "pregnancy"`);
    writeFileSync(file, '{"needleplanMapping": 1,');
    expect(() => readMapping(file)).toThrow(`${file}: not valid JSON`);
    expect(() => readMapping(join(out, 'none.json'))).toThrow(`cannot read the mapping ${join(out, 'none.json')}: no such file`);
  });
});
