// Properties of the screening columns and the fast intake, over generated exports:
//   - the fast intake (normalise.ts) never disagrees with parseIntake: when it takes a row,
//     its intake is parseIntake's; when it declines, parseIntake is asked;
//   - with condition columns, rows read = planned + rejected, and each plan is plan()'s for
//     the same answers (the yes columns added to the conditions);
//   - no row of a file without screening answers is ever `ready`, whatever its headers.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { parseIntake, zonesForConcern, type RawIntake } from '../../src/intake/schema.js';
import { normaliser } from '../../src/intake/normalise.js';
import { plan } from '../../src/engine/plan.js';
import { headerKey } from '../../src/batch/columns.js';
import { FIELDS, FIELD_IDS } from '../../src/intake/fields.js';
import { screeningTable } from '../../src/batch/screening-cells.js';
import { builtinRules, TODAY } from '../helpers/builders.js';
import { batch, summary } from '../helpers/batch.js';

beforeEach(() => {
  vi.stubEnv('NEEDLEPLAN_TODAY', TODAY);
  vi.stubEnv('NEEDLEPLAN_RULES', '');
});

const rules = builtinRules();
const names = (items: readonly { id: string; label: string; aliases: string[] }[]) => items.flatMap((i) => [i.id, i.label, ...i.aliases]);
const concernNames = names(rules.concerns.concerns);
const zoneNames = names(rules.zones.zones);
const conditionNames = names(rules.screening.conditions);
const cased = (arb: fc.Arbitrary<string>) =>
  fc.tuple(arb, fc.constantFrom('as-is', 'upper', 'padded')).map(([s, how]) => (how === 'upper' ? s.toUpperCase() : how === 'padded' ? ` ${s} ` : s));
const junk = fc.constantFrom('', ' ', 'botox', 'VII', 'forty', '2027-02-30', '05/01/2027', 'maybe', 'x=y=z', 'constructor', '__proto__', 'none', 'n/a');
const listOf = (pool: string[]) =>
  fc.array(fc.oneof({ weight: 5, arbitrary: cased(fc.constantFrom(...pool)) }, { weight: 1, arbitrary: junk }), { maxLength: 3 }).chain((items) =>
    fc.constantFrom('|', ',', ';').map((sep) => items.join(sep)),
  );

/** Mostly a valid word, sometimes junk. */
const sometimesJunk = (arb: fc.Arbitrary<string>) => fc.oneof({ weight: 8, arbitrary: arb }, { weight: 1, arbitrary: junk });

/** Loose answers, mostly valid words, sometimes junk: both paths must agree on each. */
const rawArb: fc.Arbitrary<RawIntake> = fc.record(
  {
    client: fc.oneof(fc.string({ maxLength: 8 }), fc.constant(' padded ')),
    concerns: listOf([...concernNames, ...concernNames.map((n) => `${n}=severe`), 'acne-scars:mild']).map((s) => [s]),
    severity: sometimesJunk(cased(fc.constantFrom('mild', 'moderate', 'severe', 'low', 'high', 'medium'))),
    zones: listOf(zoneNames).map((s) => [s]),
    fitzpatrick: sometimesJunk(cased(fc.constantFrom('I', 'II', 'iii', 'IV', 'V', 'VI', '1', '6', 'Type III', 'FST 2'))),
    painTolerance: sometimesJunk(cased(fc.constantFrom('low', 'normal', 'high', 'medium', 'average'))),
    age: sometimesJunk(fc.oneof(fc.integer({ min: 0, max: 130 }).map(String), fc.constantFrom('35 years', '40y', ''))),
    conditions: listOf(conditionNames).map((s) => [s]),
    screened: sometimesJunk(cased(fc.constantFrom('yes', 'no', 'y', 'n', 'TRUE', 'false', '1', '0', 'x', 'ja'))),
    start: sometimesJunk(fc.constantFrom('2027-01-05', '2027/1/5', '2028-02-29', '2027-02-29', '')),
    device: sometimesJunk(fc.constantFrom(...rules.devices.devices.map((d) => d.id), '')),
  },
  { requiredKeys: ['concerns', 'zones', 'fitzpatrick'] },
);

const validRaw: fc.Arbitrary<RawIntake> = fc.constantFrom(...rules.concerns.concerns.map((c) => c.id)).chain((id) =>
  fc.record({
    concerns: cased(fc.constantFrom(...names([rules.concerns.concerns.find((c) => c.id === id)!]))).map((n) => [n]),
    zones: cased(fc.constantFrom(...names(rules.zones.zones.filter((z) => zonesForConcern(rules, id).includes(z.id))))).map((n) => [n]),
    severity: fc.constantFrom('mild', 'Moderate', 'severe'),
    fitzpatrick: fc.constantFrom('I', 'iv', '6', 'Type III'),
    screened: fc.constantFrom('yes', 'no', ''),
    conditions: fc.constantFrom('', 'none', 'pregnant', 'Blood thinners|cold-sore history').map((c) => [c]),
  }),
);

describe('the fast intake', () => {
  const fast = normaliser(rules);

  it('gives exactly parseIntake\'s intake whenever it takes a row, and declines every row parseIntake rejects', () => {
    let taken = 0;
    fc.assert(
      // Loose answers, and valid concern/zone pairs with loose answers around them.
      fc.property(fc.oneof(rawArb, fc.tuple(rawArb, validRaw).map(([loose, valid]) => ({ ...loose, concerns: valid.concerns, zones: valid.zones }))), (raw) => {
        const slow = parseIntake(raw, rules);
        const quick = fast(raw);
        if (quick) {
          taken++;
          expect(slow).toEqual({ ok: true, intake: quick });
        } else if (slow.ok) {
          // Declining a valid row is allowed (it is only slower) but should be rare: see below.
        }
      }),
      { numRuns: 3000 },
    );
    expect(taken).toBeGreaterThan(150);
  });

  it('takes every valid row a clinic writes in ids, labels or aliases', () => {
    fc.assert(
      fc.property(validRaw, (raw) => {
        expect(parseIntake(raw, rules).ok).toBe(true);
        expect(fast(raw)).toBeDefined();
      }),
      { numRuns: 500 },
    );
  });
});

/** A header that names no intake field, no condition and no batch column: "Phone", "Notes 2". */
const table = screeningTable(rules);
const FIELD_KEYS = new Set(FIELD_IDS.flatMap((f) => FIELDS[f].headers.map(headerKey)));
const otherHeader = fc
  .oneof(fc.constantFrom('Phone', 'Notes', 'Email', 'Clinic', 'Referred by', 'Medications', 'Current medications'), fc.string({ minLength: 1, maxLength: 8 }))
  .filter((h) => {
    const key = headerKey(h);
    return !!key && !FIELD_KEYS.has(key) && !table.byKey.has(key) && !['dob', 'dateofbirth', 'birthdate'].includes(key) && !/[\r\n"]/.test(h);
  });

const validAnswers = fc.constantFrom(...rules.concerns.concerns.map((c) => c.id)).chain((concern) =>
  fc.record({
    concerns: fc.constant(concern),
    zones: fc.constantFrom(...zonesForConcern(rules, concern)),
    severity: fc.constantFrom('mild', 'moderate', 'severe'),
    fitzpatrick: fc.constantFrom('I', 'II', 'III', 'IV', 'V', 'VI'),
    age: fc.constantFrom('', '35', '70'),
    screened: fc.constantFrom('yes', 'Yes', 'y', 'TRUE', '1', 'x', 'no', ''),
  }),
);

describe('files without screening answers', () => {
  it('never plan a row ready, whatever the headers; a "screened" row says no-screening-answers', async () => {
    const spec = fc.record({
      screenedHeader: fc.constantFrom('screened', 'Screening Complete', 'screening_done', 'SCREENED'),
      others: fc.uniqueArray(otherHeader, { maxLength: 3, selector: headerKey }),
      rows: fc.array(validAnswers, { minLength: 1, maxLength: 8 }),
      order: fc.integer({ min: 0, max: 1000 }),
    });
    await fc.assert(
      fc.asyncProperty(spec, async ({ screenedHeader, others, rows, order }) => {
        const base = ['concerns', 'zones', 'severity', 'fitzpatrick', 'age'];
        const header = [...base, screenedHeader, ...others];
        // Rotate the columns: their order must not matter.
        const k = order % header.length;
        const rotate = <T,>(xs: T[]) => [...xs.slice(k), ...xs.slice(0, k)];
        const body = rows.map((r) => [r.concerns, r.zones, r.severity, r.fitzpatrick, r.age, r.screened, ...others.map((h) => (/medication/i.test(h) ? 'none' : 'x'))]);
        const text = stringify([rotate(header), ...body.map(rotate)]);
        const run = await batch('-', { format: 'ndjson' }, text);
        const plans = run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
        expect(summary(run.stderr)).toEqual({ read: rows.length, planned: rows.length, rejected: 0 });
        plans.forEach((p, i) => {
          expect(p.status).not.toBe('ready');
          expect(p.screened).toBe(false);
          const said = ['yes', 'y', 'true', '1', 'x'].includes(rows[i]!.screened.toLowerCase());
          expect(p.findings.some((f: { code: string; outcome: string }) => f.code === 'no-screening-answers' && f.outcome === 'caution')).toBe(said);
        });
      }),
      { numRuns: 40 },
    );
  });
});

describe('condition columns', () => {
  const conditions = rules.screening.conditions;
  const column = fc.constantFrom(...conditions).chain((c) =>
    fc.record({ id: fc.constant(c.id), header: fc.constantFrom(c.id, c.label, ...c.aliases).filter((h) => !FIELD_KEYS.has(headerKey(h)) && !['medication', 'medications', 'medicines', 'meds'].includes(headerKey(h))) }),
  );
  it('read yes/no per condition: rows read = planned + rejected, each plan plan()\'s with the yes columns as conditions', async () => {
    const spec = fc.record({
      columns: fc.uniqueArray(column, { minLength: 1, maxLength: 4, selector: (c) => c.id }),
      rows: fc.array(
        fc.record({ answers: validAnswers, cells: fc.array(fc.constantFrom('yes', 'No', '', 'x', 'n', 'maybe'), { minLength: 4, maxLength: 4 }), own: fc.constantFrom('', 'none', 'recent-sunburn') }),
        { minLength: 1, maxLength: 8 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(spec, async ({ columns, rows }) => {
        const header = ['concerns', 'zones', 'severity', 'fitzpatrick', 'age', 'screened', 'conditions', ...columns.map((c) => c.header)];
        const body = rows.map((r) => [r.answers.concerns, r.answers.zones, r.answers.severity, r.answers.fitzpatrick, r.answers.age, r.answers.screened, r.own, ...columns.map((_, i) => r.cells[i]!)]);
        const run = await batch('-', { format: 'ndjson' }, stringify([header, ...body]));
        const expected = rows.flatMap((r) => {
          if (columns.some((_, i) => r.cells[i] === 'maybe')) return [];
          const yes = columns.filter((_, i) => ['yes', 'x'].includes(r.cells[i]!)).map((c) => c.id);
          const own = r.own === 'none' ? '' : r.own;
          const raw: RawIntake = { ...r.answers, concerns: [r.answers.concerns], zones: [r.answers.zones], conditions: [[own, ...yes].filter(Boolean).join('|')] };
          const parsed = parseIntake(raw, rules);
          if (!parsed.ok) throw new Error('unreachable');
          return [plan(parsed.intake, rules, TODAY)];
        });
        const plans = run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
        expect(summary(run.stderr)).toEqual({ read: rows.length, planned: expected.length, rejected: rows.length - expected.length });
        expect(plans).toEqual(JSON.parse(JSON.stringify(expected)));
      }),
      { numRuns: 40 },
    );
  });
});
