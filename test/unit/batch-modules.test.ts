// The batch modules one by one: header matching, delimiter detection, line counting, the
// CSV row of a plan, the summary, and the progress bar's silence off a terminal.
import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { headerKey, parseMaps, resolveColumns } from '../../src/batch/columns.js';
import { FIELDS } from '../../src/intake/fields.js';
import { detectDelimiter, firstLine, openInput, parseDelimiter, wholeCharacters } from '../../src/batch/input.js';
import { LineCounter, lineBreaks } from '../../src/batch/records.js';
import { extraCells, isBlank, rowReader } from '../../src/batch/rows.js';
import { PLAN_COLUMNS, planCells } from '../../src/batch/output.js';
import { OutBytes } from '../../src/batch/out-bytes.js';
import { formatSummary, Tally } from '../../src/batch/summary.js';
import { startProgress } from '../../src/batch/progress.js';
import { plan } from '../../src/engine/plan.js';
import fc from 'fast-check';
import { printableLines } from '../../src/text/escape.js';
import { intakeArb } from '../helpers/intake-arb.js';
import { builtinRules, makeIntake, makeRules, TODAY } from '../helpers/builders.js';

describe('columns', () => {
  it('keys headers ignoring case, spaces, "_" and "-" (and accents, punctuation)', () => {
    expect(['Pain Tolerance', 'pain_tolerance', 'PAIN-TOLERANCE', ' painTolerance '].map(headerKey)).toEqual(Array(4).fill('paintolerance'));
    expect(headerKey('Décolleté?')).toBe('decollete');
  });

  it('matches the contract names and aliases, never "date of birth" as age', () => {
    const header = ['Name', 'Skin Type', 'Concern', 'Treatment Areas', 'Date of Birth', 'First Session', 'Device', 'Notes'];
    const { index } = resolveColumns(header, [], 'x.csv');
    expect(index).toEqual({ client: 0, fitzpatrick: 1, concerns: 2, zones: 3, start: 5, device: 6 });
    expect(FIELDS.client.headers.slice(0, 4)).toEqual(['client', 'client id', 'client name', 'name']);
  });

  it('prefers the better alias whichever comes first, and says which column it ignored', () => {
    const { index, shadowed } = resolveColumns(['Client Name', 'Client ID', 'concerns', 'zones', 'fitzpatrick'], [], 'x.csv');
    expect(index.client).toBe(1);
    expect(shadowed).toEqual([{ header: 'Client Name', field: 'client', used: 'Client ID' }]);
  });

  it('lets --map win over aliases, and "ignore" drop a column', () => {
    const maps = parseMaps(['Ref=client', 'Client=ignore', 'Where = zones']);
    expect(maps).toEqual([
      { header: 'Ref', target: { kind: 'field', field: 'client' } },
      { header: 'Client', target: { kind: 'ignore' } },
      { header: 'Where', target: { kind: 'field', field: 'zones' } },
    ]);
    const { index } = resolveColumns(['Client', 'Ref', 'concerns', 'where', 'skin type', 'pain threshold'], maps, 'x.csv');
    expect(index).toEqual({ client: 1, concerns: 2, zones: 3, fitzpatrick: 4, painTolerance: 5 });
  });

  it('refuses a malformed --map, an unknown field and a missing header, naming the choices', () => {
    expect(() => parseMaps(['Areas'])).toThrow('--map "Areas" must be "Their Header=field"');
    expect(() => parseMaps(['Areas=zone'])).toThrow(/unknown field "zone"; valid: client, concerns, zones, .*, ignore/);
    expect(() => resolveColumns(['concerns', 'zones', 'fitzpatrick'], parseMaps(['Areas=zones']), 'x.csv')).toThrow(
      'x.csv: --map "Areas=...": no such column; the header has: "concerns", "zones", "fitzpatrick"',
    );
  });

  it('fails at once on a header without the needed columns, listing found and expected', () => {
    expect(() => resolveColumns(['id', 'first', 'last'], [], 'x.csv')).toThrow(
      /^x\.csv: the header has no column for concerns, zones, fitzpatrick\nfound: "id", "first", "last"\nexpected: concerns \(or concern, .*\); zones \(or zone, treatment areas, .*\); fitzpatrick \(or .*skin type.*\)\nor, for concerns and zones, one areas column of zone:concern items \(e\.g\. cheeks:acne-scars=severe\|forehead:pigmentation\)\nalso read: client, areas, severity, pain tolerance, age, conditions, screened, start, device/,
    );
  });
});

describe('rows', () => {
  const columns = resolveColumns(['client', 'concerns', 'zones', 'fitzpatrick', 'age'], [], 'x.csv');

  it('reads a row into raw answers, list cells as lists, missing cells as blank', () => {
    expect(rowReader(columns)(['Ann', 'a|b', 'cheeks', 'III'])).toEqual({ client: 'Ann', concerns: ['a|b'], zones: ['cheeks'], fitzpatrick: 'III', age: undefined });
  });

  it('tells blank rows and rows with filled cells past the header', () => {
    expect(isBlank(['', '', ''])).toBe(true);
    expect(isBlank(['', 'x'])).toBe(false);
    expect(extraCells(['a', 'b', 'c', 'd', 'e', '', ''], columns.header)).toBeUndefined();
    expect(extraCells(['a', 'b', 'c', 'd', 'e', '', 'x'], columns.header)?.column).toBe('column 7');
  });
});

describe('input', () => {
  it('detects the delimiter from the header, outside quotes', () => {
    expect(detectDelimiter('client,concerns,zones')).toBe(',');
    expect(detectDelimiter('client;concerns;"a,b,c,d"')).toBe(';');
    expect(detectDelimiter('client\tconcerns\tzones')).toBe('\t');
    expect(detectDelimiter('client')).toBe(',');
  });

  it('finds the first non-blank line, quoted line breaks included, or waits for more', () => {
    expect(firstLine('\r\n\na,b\r\n1,2', false)).toBe('a,b');
    expect(firstLine('"a\nb",c\n1', false)).toBe('"a\nb",c');
    expect(firstLine('a,b', false)).toBeUndefined();
    expect(firstLine('a,b', true)).toBe('a,b');
  });

  it('takes --delimiter as a character or a name', () => {
    expect(['tab', '\\t', ',', 'semicolon', '|'].map(parseDelimiter)).toEqual(['\t', '\t', ',', ';', '|']);
    expect(() => parseDelimiter('ab')).toThrow('--delimiter "ab" must be one character');
  });
});

describe('line counting', () => {
  it('counts CRLF, LF and a lone CR as one line break each', () => {
    expect(lineBreaks('a\r\nb\nc\rd')).toBe(3);
    expect(lineBreaks('plain')).toBe(0);
  });

  it('starts each record after the line breaks inside the previous one', () => {
    const lines = new LineCounter();
    expect([['h'], ['a'], [''], ['x\r\ny', 'z\nw'], ['b']].map((r) => lines.startOf(r))).toEqual([1, 2, 3, 4, 7]);
    expect(lines.next).toBe(8);
  });
});

describe('input bytes', () => {
  it('finds where the last whole UTF-8 character of a read ends', () => {
    const bytes = Buffer.from('aé日😀'); // 1, 2, 3 and 4 bytes
    expect([...Array(bytes.length + 1).keys()].map((cut) => wholeCharacters(bytes.subarray(0, cut)))).toEqual([0, 1, 1, 3, 3, 3, 6, 6, 6, 6, 10]);
    expect(wholeCharacters(Buffer.from([0x41, 0x80, 0x80, 0x80, 0x80]))).toBe(5); // no character: left for the check to refuse
  });

  /** The input's text, read one byte at a time (every character split between reads). */
  const byteByByte = async (bytes: Buffer) => {
    const stdin = Readable.from([...bytes].map((b) => Buffer.from([b]))) as unknown as NodeJS.ReadStream;
    const chunks: Buffer[] = [];
    for await (const chunk of (await openInput('-', {}, stdin)).stream) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).toString();
  };

  it('reads UTF-8 split anywhere between reads, and names the line of a bad byte', async () => {
    // Past the first 64 bytes, which are read whole to look for a BOM.
    const head = `client,concerns\n${'Zoë,acne-scars\n'.repeat(6)}`;
    const text = `${head}日本 😀,texture\n`;
    expect(await byteByByte(Buffer.from(text))).toBe(text);
    const latin1 = Buffer.concat([Buffer.from(head), Buffer.from([0x41, 0xe9, 0x42]), Buffer.from(',texture\n')]);
    await expect(byteByByte(latin1)).rejects.toThrow(/not UTF-8 text \(an invalid byte on line 8\)/);
    await expect(byteByByte(Buffer.concat([Buffer.from(`${head}Zo`), Buffer.from([0xc3])]))).rejects.toThrow(/not UTF-8 text/);
  });
});

describe('plan CSV row', () => {
  it("writes the contract's columns first, ranges as min-max, depths per zone, dates ISO", () => {
    const rules = builtinRules();
    const p = plan(makeIntake({ client: 'Ann', zones: ['cheeks', 'forehead'], start: '2027-01-05', conditions: ['blood-thinners'] }), rules, TODAY);
    const row = Object.fromEntries(PLAN_COLUMNS.map((c, i) => [c, planCells(p, 7)[i]]));
    expect(PLAN_COLUMNS.slice(0, 10)).toEqual(['client', 'status', 'sessions', 'interval_weeks', 'depth_mm', 'numbing', 'downtime_days', 'first_session', 'last_session', 'findings']);
    expect(row).toMatchObject({
      client: 'Ann',
      status: p.status,
      sessions: String(p.sessions.count),
      depth_mm: p.zones.map((z) => `${z.zone}:${z.depthMm}`).join('|'),
      numbing: p.numbing.recommended ? 'yes' : 'no',
      first_session: '2027-01-05',
      last_session: p.schedule.at(-1)!.date,
      findings: p.findings.map((f) => f.code).join('|'),
      review: p.review!.date,
      line: '7',
    });
    expect(row.interval_weeks).toBe(p.intervalWeeks.min === p.intervalWeeks.max ? `${p.intervalWeeks.min}` : `${p.intervalWeeks.min}-${p.intervalWeeks.max}`);
    expect(row.findings).toContain('blood-thinners');
  });

  // The plan writer has no printable() cast (it cost a tenth of writing a row): this holds
  // that every cell but the client is made of ids, numbers, ISO dates and fixed words, and
  // that a client's control characters are escaped all the same.
  it('makes every cell printable: the client escaped, every other cell plain ids, numbers and dates', () => {
    const rules = makeRules((r) => {
      r.devices.devices.push({ id: 'fine-pen', name: 'Fine pen', depthMm: { min: 0.2, max: 3 }, stepMm: 0.1, source: 'test' });
    });
    const clients = fc.oneof(fc.string(), fc.constantFrom('A\u001b]52;c;aGk=\u0007', 'Zoë\u009b31m', 'x\r\ny'));
    fc.assert(
      fc.property(intakeArb(rules), fc.option(clients), (intake, client) => {
        const cells = planCells(plan({ ...intake, client }, rules, TODAY), 12);
        expect(cells[0]).toBe(printableLines(client ?? ''));
        for (const cell of cells.slice(1)) expect(cell).toMatch(/^[a-z0-9:=|.-]*$/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('summary and progress', () => {
  it('counts rows read, planned by status and rejected', () => {
    const tally = new Tally();
    tally.read = 3;
    tally.addPlan('ready');
    tally.addPlan('not-eligible');
    tally.addReject();
    expect(formatSummary(tally, { rejectsPath: 'r.csv', notShown: 0 })).toBe(
      'rows read: 3\nplanned: 2 (ready 1, needs-clearance 0, unscreened 0, not-eligible 1)\nrejected: 1 (written to r.csv)\n',
    );
  });

  it('draws nothing when stderr is not a terminal', async () => {
    const stream = Object.assign(new PassThrough(), { isTTY: false });
    let written = '';
    stream.on('data', (d) => (written += d));
    const progress = await startProgress({ stream, enabled: true, size: 100, bytesRead: () => 50, delayMs: 0 });
    for (let rows = 0; rows < 5000; rows++) progress.tick(rows);
    progress.stop();
    expect(written).toBe('');
  });

  it('draws rows and rows/s on a terminal once the batch takes a while', async () => {
    const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 100, cursorTo() {}, clearLine() {}, moveCursor() {} });
    let written = '';
    stream.on('data', (d) => (written += d));
    const progress = await startProgress({ stream, enabled: true, size: 1000, bytesRead: () => 500, delayMs: 0 });
    progress.tick(1500);
    progress.stop();
    expect(written).toMatch(/planning \[.*\] 50% \| 1,500 rows \| [\d,]+ rows\/s/);
  });
});

describe('output bytes', () => {
  it('stops waiting on a stream that failed: a full disk never drains', async () => {
    const full = new Writable({ highWaterMark: 16, write: (_chunk, _encoding, done) => done(Object.assign(new Error('no space'), { code: 'ENOSPC' })) });
    full.on('error', () => {});
    const bytes = new OutBytes();
    bytes.add('x'.repeat(64));
    await bytes.writeTo(full).catch(() => {}); // the stream fails on this write
    bytes.add('y'.repeat(64));
    await expect(bytes.writeTo(full)).rejects.toThrow('no space'); // (it waited for a drain that never comes)
  });
});
