// Issue 10's pure pieces, one by one: rule-file bytes, the start-date window, ICS folding,
// quoting limits, UTF-16 sniffing, file-error words without temporary paths, escaping whole
// plans, and the stdout/signal words and codes.
import { describe, expect, it } from 'vitest';
import { decodeRuleBytes, firstInvalidUtf8 } from '../../src/rules/load/read-file.js';
import { outsideStartWindow, startWindow } from '../../src/intake/date-window.js';
import { foldIcs } from '../../src/render/ics-fold.js';
import { clip, clipList } from '../../src/text/clip.js';
import { capIssues } from '../../src/intake/issue-cap.js';
import { utf16WithoutBom } from '../../src/batch/sniff.js';
import { fileErrorWords } from '../../src/text/file-errors.js';
import { mapStrings, printableText } from '../../src/text/escape.js';
import { stdoutFailure } from '../../src/shell/streams.js';
import { signalExitCode, signalLine } from '../../src/shell/signals.js';
import { parseFailure } from '../../src/batch/records.js';
import { parseIntake } from '../../src/intake/schema.js';
import { builtinRules, TODAY } from '../helpers/builders.js';

describe('rule file bytes', () => {
  it('finds the first byte that is not UTF-8', () => {
    expect(firstInvalidUtf8(Buffer.from('plain ascii'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from('Arrivée 💉 日本'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xe9, 0x42]))).toBe(1); // latin-1 é
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xc0, 0x80]))).toBe(1); // overlong NUL
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // a surrogate
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xe2, 0x82]))).toBe(1); // cut short
  });

  it('names line and column, UTF-16 and NUL bytes', () => {
    expect(decodeRuleBytes(Buffer.from('{\n "a": "\xe9"}', 'latin1'))).toMatchObject({ ok: false, code: 'encoding', line: 2, column: 8 });
    expect(decodeRuleBytes(Buffer.from([0xff, 0xfe, 0x7b, 0]))).toMatchObject({ ok: false, message: 'is UTF-16 text; save it as UTF-8' });
    expect(decodeRuleBytes(Buffer.from('{"a": 1}', 'utf16le'))).toMatchObject({ ok: false, message: expect.stringContaining('UTF-16 text without a BOM') });
    expect(decodeRuleBytes(Buffer.from('\uFEFF{"a": "é"}'))).toEqual({ ok: true, text: '\uFEFF{"a": "é"}' });
  });
});

describe('the start-date window', () => {
  it('is the planning year minus one to plus ten', () => {
    expect(startWindow('2026-11-25')).toEqual({ from: '2025-01-01', to: '2036-12-31' });
    expect(outsideStartWindow('2025-01-01', '2026-11-25')).toBeUndefined();
    expect(outsideStartWindow('2036-12-31', '2026-11-25')).toBeUndefined();
    expect(outsideStartWindow('2024-12-31', '2026-11-25')).toMatch(/outside 2025-01-01 to 2036-12-31/);
  });

  it('parseIntake applies it only when given the planning day', () => {
    const raw = { concerns: ['texture'], severity: 'mild', zones: ['cheeks'], fitzpatrick: 'II', start: '9999-12-31' };
    expect(parseIntake(raw, builtinRules()).ok).toBe(true);
    expect(parseIntake(raw, builtinRules(), TODAY)).toMatchObject({ ok: false, issues: [{ field: 'start', code: 'invalid' }] });
  });
});

describe('ICS folding', () => {
  it('folds at 75 octets, continuation lines start with a space, no UTF-8 sequence split', () => {
    const long = `DESCRIPTION:${'é'.repeat(100)}${'💉'.repeat(20)}`;
    const folded = foldIcs(`BEGIN:VEVENT\r\n${long}\r\nEND:VEVENT\r\n`);
    const lines = folded.split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(lines.slice(2, -2).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(`BEGIN:VEVENT\r\n${long}\r\nEND:VEVENT\r\n`);
  });

  it('unfolds what came folded by characters first', () => {
    expect(foldIcs('SUMMARY:ab\r\n cd\r\n')).toBe('SUMMARY:abcd\r\n');
  });
});

describe('quoting limits', () => {
  it('clips a long value and a long list', () => {
    expect(clip('short')).toBe('short');
    expect(clip('x'.repeat(1000))).toBe(`${'x'.repeat(200)}… (1,000 characters in all)`);
    expect(clipList(Array.from({ length: 12 }, (_, i) => String(i)))).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'and 2 more']);
  });

  it('keeps 5 issues per field and counts the rest', () => {
    const issues = Array.from({ length: 8 }, (_, i) => ({ field: 'concerns' as const, code: 'invalid' as const, message: `m${i}` }));
    const capped = capIssues([...issues, { field: 'age', code: 'invalid', message: 'a' }]);
    expect(capped.map((i) => i.message)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'and 3 more problems with the same answer', 'a']);
  });
});

describe('UTF-16 without a BOM', () => {
  it('is told by its zero bytes; UTF-8 and windows-1252 are not', () => {
    expect(utf16WithoutBom(Buffer.from('client,zones\n', 'utf16le'))).toBe('utf-16le');
    expect(utf16WithoutBom(Buffer.from('client,zones\n', 'utf16le').swap16())).toBe('utf-16be');
    expect(utf16WithoutBom(Buffer.from('client,zones,Zoë\n'))).toBeUndefined();
    expect(utf16WithoutBom(Buffer.from('ab'))).toBeUndefined();
  });
});

describe('file errors', () => {
  it('never quote the path Node used (a temporary)', () => {
    const e = Object.assign(new Error("EWEIRD: something odd, open '/data/.needleplan-1a2b3c.tmp'"), { code: 'EWEIRD' });
    expect(fileErrorWords(e, 'file', 'write')).toBe('EWEIRD: something odd');
    const r = Object.assign(new Error("EXDEV: cross-device link not permitted, rename '/a/.needleplan-1.tmp' -> '/b/x'"), { code: 'EXDEV' });
    expect(fileErrorWords(r, 'file', 'write')).toBe('EXDEV: cross-device link not permitted');
  });
});

describe('escaping', () => {
  it('mapStrings escapes every string of a nested value, keeping line feeds and tabs', () => {
    const value = { a: 'x\u001b[2Jy', b: ['\r', 1, null, { c: 'l1\nl2\tt\u0007' }], d: true };
    expect(mapStrings(value)).toEqual({ a: 'x\\x1b[2Jy', b: ['\\x0d', 1, null, { c: 'l1\nl2\tt\\x07' }], d: true });
    expect(printableText('\u009b')).toBe('\\x9b');
  });
});

describe('stdout failures and signals', () => {
  it('EPIPE is quiet, anything else exit 74 in one line', () => {
    expect(stdoutFailure(Object.assign(new Error('x'), { code: 'EPIPE' }))).toBeUndefined();
    expect(stdoutFailure(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toEqual({ code: 74, line: 'needleplan: cannot write to stdout: the disk is full\n' });
  });

  it('128 + the signal number, one line', () => {
    expect([signalExitCode('SIGINT'), signalExitCode('SIGTERM'), signalExitCode('SIGHUP')]).toEqual([130, 143, 129]);
    expect(signalLine('SIGINT')).toBe('needleplan: interrupted\n');
    expect(signalLine('SIGTERM')).toBe('needleplan: interrupted (SIGTERM)\n');
  });

  it('a 1 MiB record is an unclosed quote only when a quote is open', () => {
    const e = (quoteOpen: boolean) => Object.assign(new Error('x'), { code: 'CSV_MAX_RECORD_SIZE', quoteOpen });
    expect(String((parseFailure(e(true), 'f.csv', 9) as Error).message)).toContain('f.csv:9: a quoted cell starting on this line is never closed');
    expect(String((parseFailure(e(false), 'f.csv', 9) as Error).message)).toContain('f.csv:9: the row starting on this line is longer than 1 MiB');
  });
});
