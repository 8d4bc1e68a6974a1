// Reading one rule file without trusting what the path names. A clinic's rules are a few
// kilobytes of JSON, so anything else is refused with a problem before a byte is parsed:
// - not a regular file: a FIFO would hang the read, a device (/dev/zero) never ends;
//   opened non-blocking and checked with fstat, so the check and the read see one file;
// - larger than RULE_FILE_LIMIT: read at most one byte past it, never the whole thing;
// - a symbolic link whose real file lies outside the rules folder: the guard that keeps
//   -o and --rejects out of the rules folder could not protect it (see shell/paths.ts), so
//   the file must live in the folder (a link inside the folder, to a file inside it, is fine);
// - not UTF-8: the first invalid byte's line and column, rather than reading "Arrivée" as
//   "Arriv�e"; UTF-16 (with or without a BOM) is named as such.
// Zod-free: help reads rule ids through it too (shell/rules-dir.ts).
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { sep } from 'node:path';
import { fileErrorWords } from '../../text/file-errors.js';

/** 1 MiB: the built-in files are under 40 KB each. */
export const RULE_FILE_LIMIT = 1 << 20;

export type RuleText =
  | { ok: true; text: string }
  | { ok: false; code: 'unreadable' | 'not-a-file' | 'too-large' | 'outside-folder' | 'encoding'; message: string; line?: number; column?: number };

export interface ReadRuleOptions {
  /** The rules folder the file must really be in (symlinks resolved); undefined: no check. */
  folder?: string | undefined;
  limit?: number;
}

const sizeWords = (bytes: number) =>
  bytes >= 1 << 20 ? `${Number((bytes / (1 << 20)).toFixed(1))} MiB` : `${Math.ceil(bytes / 1024)} KiB`;

export function readRuleText(path: string, options: ReadRuleOptions = {}): RuleText {
  const limit = options.limit ?? RULE_FILE_LIMIT;
  if (options.folder !== undefined) {
    try {
      const real = realpathSync(path);
      const folder = realpathSync(options.folder);
      if (!real.startsWith(folder.endsWith(sep) ? folder : folder + sep))
        return {
          ok: false,
          code: 'outside-folder',
          message: `is a symbolic link to ${real}, outside the rules folder; copy that file into the folder instead (files outside it are not protected from being overwritten by -o)`,
        };
    } catch {
      /* reported by the open below */
    }
  }
  let fd: number;
  try {
    // Non-blocking: opening a FIFO with no writer returns at once instead of hanging.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    return { ok: false, code: 'unreadable', message: `cannot read the file: ${fileErrorWords(e, 'file', 'read')}` };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, code: 'unreadable', message: `cannot read the file: ${fileErrorWords({ code: 'EISDIR' }, 'file', 'read')}` };
    if (!stat.isFile())
      return {
        ok: false,
        code: 'not-a-file',
        message: `is not a regular file (${stat.isFIFO() ? 'a FIFO' : stat.isSocket() ? 'a socket' : 'a device'}); a rule file must be a plain JSON file`,
      };
    if (stat.size > limit) return tooLarge(`is ${sizeWords(stat.size)}`, limit);
    const buffer = Buffer.alloc(Math.min(stat.size, limit) + 1);
    let length = 0;
    for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0; ) length += n;
    if (length > limit) return tooLarge(`grew past ${sizeWords(limit)} while being read`, limit);
    return decodeRuleBytes(buffer.subarray(0, length));
  } catch (e) {
    return { ok: false, code: 'unreadable', message: `cannot read the file: ${fileErrorWords(e, 'file', 'read')}` };
  } finally {
    closeSync(fd);
  }
}

function tooLarge(what: string, limit: number): RuleText {
  return { ok: false, code: 'too-large', message: `${what}; a rule file may be at most ${sizeWords(limit)} (a clinic's rules are a few kilobytes)` };
}

/** UTF-8 text (an optional BOM is kept for the JSON scanner), or where it stops being UTF-8. */
export function decodeRuleBytes(bytes: Uint8Array): RuleText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return { ok: false, code: 'encoding', message: 'is UTF-16 text; save it as UTF-8', line: 1, column: 1 };
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const at = positionOf(bytes, nul);
    return {
      ok: false,
      code: 'encoding',
      message: `holds a NUL byte${looksUtf16(bytes) ? ' (it looks like UTF-16 text without a BOM)' : ''}; save it as UTF-8 text`,
      ...at,
    };
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const at = positionOf(bytes, bad);
    return {
      ok: false,
      code: 'encoding',
      message: `is not UTF-8: an invalid byte (0x${bytes[bad]!.toString(16).padStart(2, '0')}) here; save the file as UTF-8 (an editor's "Save with encoding")`,
      ...at,
    };
  }
  return { ok: true, text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8') };
}

/** Every other byte NUL in the first few: UTF-16 text of mostly ASCII. */
function looksUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i % 2 ? odd++ : even++);
  return even >= n / 2 - 1 || odd >= n / 2 - 1;
}

/** Line and column (in characters) of a byte offset. */
function positionOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++)
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  const before = Buffer.from(bytes.buffer, bytes.byteOffset + start, offset - start).toString('utf8');
  return { line, column: [...before].length + 1 };
}

/** The offset of the first byte that does not belong to a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) (need = 1), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (need = 2), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (need = 3), (min = 0x10000);
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
