// Properties of batch over generated exports: any delimiter, line end, BOM, quoting, column
// order, blank lines and read-chunk size; valid rows mixed with invalid ones. Whatever the file:
//   rows read = planned + rejected = the rows written into it;
//   exactly the invalid rows are rejected, each at the line it starts on;
//   every valid row's plan is what plan() gives for the same intake.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { parseIntake, zonesForConcern, type RawIntake } from '../../src/intake/schema.js';
import { plan } from '../../src/engine/plan.js';
import { builtinRules, TODAY } from '../helpers/builders.js';
import { batch, rejectedLines, summary } from '../helpers/batch.js';

beforeEach(() => {
  vi.stubEnv('NEEDLEPLAN_TODAY', TODAY);
  vi.stubEnv('NEEDLEPLAN_RULES', '');
});

const rules = builtinRules();
const COLUMNS = ['client', 'concerns', 'zones', 'severity', 'fitzpatrick', 'pain tolerance', 'age', 'conditions', 'screened', 'start'] as const;
type Column = (typeof COLUMNS)[number];
type Row = Record<Column, string>;

/** A name as a person might type it: the id, the label or an alias, in any case. */
function spelled(item: { id: string; label: string; aliases: string[] }) {
  return fc
    .tuple(fc.constantFrom(item.id, item.label, ...item.aliases), fc.constantFrom('as-is', 'upper', 'lower', 'padded'))
    .map(([name, style]) => (style === 'upper' ? name.toUpperCase() : style === 'lower' ? name.toLowerCase() : style === 'padded' ? ` ${name} ` : name));
}

const concernById = new Map(rules.concerns.concerns.map((c) => [c.id, c]));
const zoneById = new Map(rules.zones.zones.map((z) => [z.id, z]));

/** A row parseIntake accepts: concerns with zones they fit, valid answers everywhere. */
const validRow: fc.Arbitrary<Omit<Row, 'concerns' | 'zones'> & { concerns: string[]; zones: string[] }> = fc
  .constantFrom(...rules.concerns.concerns.map((c) => c.id))
  .chain((first) => {
    const fits = zonesForConcern(rules, first);
    const partners = rules.concerns.concerns.filter((c) => c.id !== first && zonesForConcern(rules, c.id).some((z) => fits.includes(z)));
    return fc.record({
      client: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('Smith, Jane', 'O"Brien', 'Zoë; Müller', 'two\nlines', 'crlf\r\nbreak', '=1+1', ' padded ', 'tab\there')),
      pair: fc.option(fc.constantFrom(...(partners.length ? partners.map((p) => p.id) : [first])), { nil: undefined }),
      zonePick: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
      severity: fc.constantFrom('mild', 'moderate', 'severe', 'Moderate'),
      fitzpatrick: fc.constantFrom('I', 'II', 'III', 'iv', 'V', 'VI', '1', '6', 'Type III'),
      'pain tolerance': fc.constantFrom('', 'low', 'normal', 'HIGH'),
      age: fc.oneof(fc.constant(''), fc.integer({ min: 18, max: 90 }).map(String)),
      conditions: fc.constantFrom('', '', 'none', 'blood-thinners', 'pregnant', 'Cold sores'),
      screened: fc.constantFrom('yes', 'no', '', 'y', '1', 'TRUE', 'false'),
      start: fc.oneof(fc.constant(''), fc.date({ min: new Date('2027-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))),
    }).chain((r) => {
      const concernIds = r.pair ? [first, r.pair] : [first];
      // Zones every chosen concern fits, so each concern and each zone has a partner.
      const shared = fits.filter((z) => concernIds.every((c) => zonesForConcern(rules, c).includes(z)));
      const zones = [...new Set(r.zonePick.map((n) => shared[n % shared.length]!))];
      return fc.tuple(
        fc.tuple(...concernIds.map((id) => spelled(concernById.get(id)!))),
        fc.tuple(...zones.map((id) => spelled(zoneById.get(id)!))),
      ).map(([concerns, zoneNames]) => {
        const { pair: _pair, zonePick: _pick, ...answers } = r;
        return { ...answers, concerns, zones: zoneNames };
      });
    });
  });

/** Ways a clinic's row goes wrong; each makes the row invalid. */
const BREAKS: Record<string, (row: Row) => Row> = {
  'unknown concern': (row) => ({ ...row, concerns: 'botox' }),
  'bad Fitzpatrick type': (row) => ({ ...row, fitzpatrick: 'VII' }),
  'impossible date': (row) => ({ ...row, start: '2027-02-30' }),
  'concern in a zone it does not fit': (row) => ({ ...row, concerns: 'stretch-marks', zones: 'cheeks' }),
  'bad age': (row) => ({ ...row, age: 'forty' }),
  'no zone': (row) => ({ ...row, zones: '' }),
};

interface Line {
  kind: 'row' | 'blank' | 'empty-cells';
  row?: Row;
  broken?: string;
  /** Cells past the header: '' (fine) or a value (the row is rejected). */
  extra?: string;
}

const exportFile = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t'),
  eol: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  order: fc.shuffledSubarray([...COLUMNS], { minLength: COLUMNS.length, maxLength: COLUMNS.length }),
  listSeparator: fc.constantFrom('|', ';', ','),
  quoteAll: fc.boolean(),
  /** stdin arrives in pieces this size (undefined: all at once). */
  chunkSize: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
  lines: fc.array(
    fc.oneof(
      { weight: 6, arbitrary: validRow.map((row) => ({ kind: 'row' as const, row })) },
      {
        weight: 2,
        arbitrary: fc.tuple(validRow, fc.constantFrom(...Object.keys(BREAKS))).map(([row, broken]) => ({ kind: 'row' as const, row, broken })),
      },
      { weight: 1, arbitrary: fc.tuple(validRow, fc.constantFrom('', 'surprise')).map(([row, extra]) => ({ kind: 'row' as const, row, extra })) },
      { weight: 1, arbitrary: fc.constantFrom({ kind: 'blank' as const }, { kind: 'empty-cells' as const }) },
    ),
    { maxLength: 25 },
  ),
});

type ExportSpec = fc.Arbitrary<typeof exportFile extends fc.Arbitrary<infer T> ? T : never>;

/** Writes the export with csv-stringify and notes where each row starts. */
function build(spec: typeof exportFile extends fc.Arbitrary<infer T> ? T : never) {
  // A list separator that is not the file's delimiter.
  const sep = spec.listSeparator === spec.delimiter ? '|' : spec.listSeparator;
  const csv = (cells: string[]) => stringify([cells], { delimiter: spec.delimiter, record_delimiter: spec.eol === '\n' ? 'unix' : 'windows', quote_record_delimiter: true, quoted: spec.quoteAll });
  let text = csv([...spec.order]);
  const rows: { line: number; raw: RawIntake; valid: boolean }[] = [];
  for (const entry of spec.lines as Line[]) {
    const line = 1 + (text.match(/\r\n|\r|\n/g)?.length ?? 0);
    if (entry.kind === 'blank') {
      text += spec.eol;
      continue;
    }
    if (entry.kind === 'empty-cells') {
      text += spec.delimiter.repeat(COLUMNS.length - 1) + spec.eol;
      continue;
    }
    const base = entry.row as unknown as Omit<Row, 'concerns' | 'zones'> & { concerns: string[]; zones: string[] };
    let row: Row = { ...base, concerns: base.concerns.join(sep), zones: base.zones.join(sep) };
    if (entry.broken) row = BREAKS[entry.broken]!(row);
    const cells = spec.order.map((c) => row[c]);
    if (entry.extra !== undefined) cells.push('', entry.extra);
    text += csv(cells);
    const raw: RawIntake = {
      client: row.client,
      concerns: [row.concerns],
      zones: [row.zones],
      severity: row.severity,
      fitzpatrick: row.fitzpatrick,
      painTolerance: row['pain tolerance'],
      age: row.age,
      conditions: [row.conditions],
      screened: row.screened,
      start: row.start,
    };
    rows.push({ line, raw, valid: entry.extra !== 'surprise' && parseIntake(raw, rules).ok });
    expect(entry.broken === undefined || !rows.at(-1)!.valid).toBe(true); // a broken row really is invalid
  }
  return { text: (spec.bom ? '\uFEFF' : '') + text, rows };
}

describe('batch properties', () => {
  it('plans every valid row as plan() would, rejects exactly the invalid ones at their lines, loses none', async () => {
    await fc.assert(
      fc.asyncProperty(exportFile as ExportSpec, async (spec) => {
        const { text, rows } = build(spec);
        const run = await batch('-', { format: 'ndjson' }, text, spec.chunkSize);
        const valid = rows.filter((r) => r.valid);
        const invalid = rows.filter((r) => !r.valid);

        expect(summary(run.stderr)).toEqual({ read: rows.length, planned: valid.length, rejected: invalid.length });
        expect(run.rejected).toBe(invalid.length);
        expect(rejectedLines(run.stderr)).toEqual(invalid.map((r) => r.line));

        const plans = run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
        const expected = valid.map((r) => {
          const parsed = parseIntake(r.raw, rules);
          if (!parsed.ok) throw new Error('unreachable');
          return plan(parsed.intake, rules, TODAY);
        });
        expect(plans).toEqual(JSON.parse(JSON.stringify(expected)));
      }),
      { numRuns: 60 },
    );
  });
});
