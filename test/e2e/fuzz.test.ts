// Issue 10's fuzz test: flags and CSV rows built from hostile pieces (Object.prototype
// names, control characters, huge values, boundary dates, every encoding), with a fixed
// seed and a bounded run so it is the same test every time. What must hold whatever the
// input: no stack trace, only documented exit codes, rows read = planned + rejected, and
// no plan "ready" unless its screening answers were given.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { describeError } from '../../src/cli/catch.js';
import { BIN, ROOT, cliEnv } from '../helpers/run-cli.js';
import { summary } from '../helpers/batch.js';
import { STACK } from '../helpers/spawn-cli.js';

const SEED = 20261125;
const DOCUMENTED = [0, 1, 2, 3, 74, 130];
const YES = new Set(['yes', 'y', 'true', '1', 'ja', 'oui', 'si', 'x']);

const dir = mkdtempSync(join(tmpdir(), 'needleplan-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PROTO = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];
const CONTROL = ['\u001b[2J', '\u001b]52;c;aGk=\u0007', '\u0007', '\r', '\u009b31m', '\u202e', '\u0008\u0008'];
const DATES = ['9999-12-31', '0000-01-01', '0207-01-05', '2025-01-01', '2036-12-31', '2024-12-31', '2037-01-01', '2027-02-29', '2028-02-29', '2027-13-01', '27-01-05', '2027/1/5'];
const REAL = ['acne-scars', 'acne-scars=severe', 'texture', 'pigmentation=mild', 'cheeks', 'forehead', 'neck', 'III', '6', 'vi', 'mild', 'severe', 'high', 'yes', 'no', 'pregnant', 'blood-thinners', 'none', '45', '0', '121'];
const ODD = ['', ' ', ',', '|;,', '=', '==x', 'Zoë', '💉', '日本', 'NaN', '-1', '1e3', '"', "'", '=HYPERLINK("x")'];

/** A hostile piece, or a mix of them, sometimes huge. */
const piece = (opts: { nul: boolean; huge: number }) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...REAL) },
    { weight: 2, arbitrary: fc.constantFrom(...PROTO) },
    { weight: 2, arbitrary: fc.constantFrom(...CONTROL) },
    { weight: 2, arbitrary: fc.constantFrom(...DATES) },
    { weight: 2, arbitrary: fc.constantFrom(...ODD) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    { weight: 1, arbitrary: fc.integer({ min: 1000, max: opts.huge }).map((n) => 'x'.repeat(n)) },
    { weight: 2, arbitrary: fc.array(fc.constantFrom(...REAL, ...PROTO, ...CONTROL), { minLength: 2, maxLength: 4 }).map((a) => a.join(',')) },
  ).map((s) => (opts.nul ? s : s.replace(/\u0000/g, '')));

const FLAGS = ['-c', '-z', '-s', '--fitzpatrick', '--pain-tolerance', '--age', '--condition', '--start', '--client', '--device', '-f'] as const;

/** plan's arguments: some flags with hostile values, maybe --screened, always --no-input. */
function planArgs(opts: { nul: boolean; huge: number }) {
  return fc
    .record({
      flags: fc.array(fc.tuple(fc.constantFrom(...FLAGS), piece(opts)), { maxLength: 8 }),
      base: fc.boolean(),
      screened: fc.boolean(),
      json: fc.boolean(),
    })
    .map(({ flags, base, screened, json }) => {
      const args = base ? ['-c', 'acne-scars=severe', '-z', 'cheeks', '--fitzpatrick', 'III'] : [];
      for (const [flag, value] of flags) if (!(json && flag === '-f')) args.push(flag, value);
      if (screened) args.push('--screened');
      if (json) args.push('-f', 'json');
      return { args: ['plan', ...args, '--no-input'], screened, json };
    });
}

/** What the runs came to, so a test can show it was not vacuous (some plans, some errors, some ready). */
const seen = { codes: new Set<number>(), ready: 0 };

function checkPlan(run: { args: string[]; screened: boolean; json: boolean }, code: number, stdout: string, stderr: string) {
  seen.codes.add(code);
  if (code === 0 && (run.json ? /"status":"ready"/.test(stdout.replace(/\s/g, '')) : /^READY\b/m.test(stdout))) seen.ready++;
  const context = JSON.stringify(run.args).slice(0, 300);
  expect(DOCUMENTED, context).toContain(code);
  expect(stderr, context).not.toMatch(STACK);
  expect(stderr, context).not.toContain('internal error');
  if (code === 0 && run.json) {
    const plan = JSON.parse(stdout) as { status: string };
    if (plan.status === 'ready') expect(run.screened, context).toBe(true);
  }
  if (code === 0 && !run.json && /^READY\b/m.test(stdout)) expect(run.screened, context).toBe(true);
}

describe('fuzzed plan invocations, in-process (150)', () => {
  let out = '';
  let err = '';
  beforeEach(() => {
    vi.stubEnv('NEEDLEPLAN_TODAY', '2026-11-25');
    vi.stubEnv('NO_COLOR', '1');
    vi.stubEnv('NEEDLEPLAN_RULES', '');
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => ((out += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => ((err += String(chunk)), true));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('no stack, documented codes, ready only when screened', async () => {
    await fc.assert(
      fc.asyncProperty(planArgs({ nul: true, huge: 200_000 }), async (run) => {
        out = '';
        err = '';
        process.exitCode = undefined;
        let code: number;
        try {
          await buildProgram().parseAsync(['node', 'needleplan', ...run.args]);
          code = typeof process.exitCode === 'number' ? process.exitCode : 0;
        } catch (error) {
          const described = describeError(error, false);
          err += described.text;
          code = described.code;
        }
        process.exitCode = undefined;
        checkPlan(run, code, out, err);
      }),
      { seed: SEED, numRuns: 150 },
    );
    expect([...seen.codes].sort()).toEqual(expect.arrayContaining([0, 2]));
    expect(seen.ready).toBeGreaterThan(0);
  });
});

describe('fuzzed plan invocations through the built bin (30)', () => {
  it('no stack, documented codes, ready only when screened', () => {
    // Arguments cannot hold NUL; a huge value stays under the system's argument limit.
    for (const run of fc.sample(planArgs({ nul: false, huge: 50_000 }), { seed: SEED, numRuns: 30 })) {
      const r = spawnSync(process.execPath, [BIN, ...run.args], { cwd: ROOT, env: cliEnv(), encoding: 'utf8', timeout: 20_000 });
      checkPlan(run, r.status ?? -1, r.stdout, r.stderr);
    }
  });
});

// ---- hostile CSV exports ----

interface Export {
  bytes: Buffer;
  rows: { client: string; screened: string }[];
  encodingFlag: string[];
  describe: string;
}

/** The columns, each with an answer that plans, so a row mixes good cells and hostile ones. */
const GOOD: Record<string, string> = {
  concerns: 'texture=mild',
  zones: 'cheeks',
  severity: 'mild',
  fitzpatrick: 'II',
  screened: 'yes',
  conditions: 'none',
  start: '2027-01-05',
  age: '40',
  'pain tolerance': 'normal',
};
const COLUMNS = Object.keys(GOOD);

function quoteCell(cell: string, delimiter: string): string {
  return /["\r\n]/.test(cell) || cell.includes(delimiter) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;
}

const hostileExport: fc.Arbitrary<Export> = fc
  .record({
    columns: fc.shuffledSubarray(COLUMNS, { minLength: 5 }),
    extraHeader: fc.constantFrom(...PROTO, ...CONTROL.map((c) => `note${c}`), 'Notes'),
    rows: fc.array(
      fc.array(fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: piece({ nul: false, huge: 60_000 }) }), { minLength: COLUMNS.length + 1, maxLength: COLUMNS.length + 1 }),
      { minLength: 1, maxLength: 40 },
    ),
    delimiter: fc.constantFrom(',', ';', '\t'),
    eol: fc.constantFrom('\n', '\r\n'),
    encoding: fc.constantFrom('utf8', 'utf8-bom', 'utf16le-bom', 'utf16le', 'windows-1252'),
  })
  .map(({ columns, extraHeader, rows, delimiter, eol, encoding }) => {
    // The required columns are always there, so every run is a batch that finishes.
    const cols = [...new Set(['concerns', 'zones', 'fitzpatrick', ...columns])];
    const header = ['client', ...cols, extraHeader];
    const lines = [header.map((h) => quoteCell(h, delimiter)).join(delimiter)];
    const kept: Export['rows'] = [];
    rows.forEach((cells, i) => {
      const client = `r${i}`;
      // A hostile piece in about one cell in eight, else the column's good answer.
      const row = [client, ...cols.map((col, c) => cells[c] ?? GOOD[col]!), cells.at(-1) ?? ''];
      // windows-1252 holds only these characters; anything else is replaced before encoding.
      const shown = encoding === 'windows-1252' ? row.map((cell) => cell.replace(/[^\u0000-\u00ff]/g, '?')) : row;
      lines.push(shown.map((cell) => quoteCell(cell, delimiter)).join(delimiter));
      const screenedAt = cols.indexOf('screened');
      kept.push({ client, screened: screenedAt < 0 ? '' : shown[screenedAt + 1]! });
    });
    const text = lines.join(eol) + eol;
    const bytes =
      encoding === 'utf8'
        ? Buffer.from(text)
        : encoding === 'utf8-bom'
          ? Buffer.from(`\uFEFF${text}`)
          : encoding === 'utf16le-bom'
            ? Buffer.from(`\uFEFF${text}`, 'utf16le')
            : encoding === 'utf16le'
              ? Buffer.from(text, 'utf16le')
              : Buffer.from(text, 'latin1');
    return {
      bytes,
      rows: kept,
      encodingFlag: encoding === 'windows-1252' ? ['--encoding', 'windows-1252'] : [],
      describe: `${encoding} ${JSON.stringify(delimiter)} ${JSON.stringify(eol)} ${rows.length} rows`,
    };
  });

describe('hostile CSV exports through the built bin (30)', () => {
  it('no stack, exit 0 or 1, rows read = planned + rejected = rows written, ready only when screened yes', () => {
    const total = { planned: 0, rejected: 0, ready: 0 };
    fc.sample(hostileExport, { seed: SEED, numRuns: 30 }).forEach((ex, i) => {
      const file = join(dir, `export-${i}.csv`);
      writeFileSync(file, ex.bytes);
      const r = spawnSync(process.execPath, [BIN, 'batch', file, '-f', 'ndjson', ...ex.encodingFlag], { cwd: ROOT, env: cliEnv(), encoding: 'utf8', timeout: 30_000, maxBuffer: 1 << 28 });
      const context = `${ex.describe} (${file})`;
      expect(r.stderr, context).not.toMatch(STACK);
      expect(r.stderr, context).not.toContain('internal error');
      expect([0, 1], context).toContain(r.status);
      const counts = summary(r.stderr);
      expect(counts.read, context).toBe(counts.planned + counts.rejected);
      expect(counts.read, context).toBe(ex.rows.length);
      const plans = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { client: string; status: string });
      expect(plans.length, context).toBe(counts.planned);
      total.planned += counts.planned;
      total.rejected += counts.rejected;
      total.ready += plans.filter((p) => p.status === 'ready').length;
      const byClient = new Map(ex.rows.map((row) => [row.client, row]));
      for (const p of plans) {
        const row = byClient.get(p.client);
        expect(row, context).toBeDefined();
        if (p.status === 'ready') expect(YES.has(row!.screened.trim().toLowerCase()), `${context}: ${p.client}`).toBe(true);
      }
    });
    // Not vacuous: hostile rows were both planned and rejected, and some planned ready.
    expect(total.planned).toBeGreaterThan(0);
    expect(total.rejected).toBeGreaterThan(0);
    expect(total.ready).toBeGreaterThan(0);
  });
});
