// A small JSON scanner that knows where things are. JSON.parse gives the values; this gives
// what it cannot: the line and column of every key (so a problem at "zones[3].maxDepthMm"
// can name its line), keys written twice (JSON.parse silently keeps the last), and for a
// file that is not JSON at all, the line, column and a plain-words reason, the same on
// every Node version (V8's messages differ between versions and some have no position).
// Pure: no I/O.
import { formatPath } from './problems.js';

export interface TextPosition {
  line: number;
  column: number;
}

export interface JsonSyntaxError extends TextPosition {
  /** "depth": valid JSON, but nested deeper than a rule file can be. */
  code: 'syntax' | 'depth';
  message: string;
}

export interface DuplicateKey {
  path: string;
  key: string;
  first: TextPosition;
  at: TextPosition;
}

export interface JsonMap {
  /** Where each path starts: the key of an object member, the value of an array item. */
  positions: Map<string, TextPosition>;
  duplicateKeys: DuplicateKey[];
}

export type JsonScan = { ok: true; map: JsonMap } | { ok: false; error: JsonSyntaxError };

/** Deeper than any rule file needs; stops a hostile file from exhausting the stack. */
const MAX_DEPTH = 64;

class SyntaxAt extends Error {
  constructor(
    readonly offset: number,
    message: string,
    readonly code: JsonSyntaxError['code'] = 'syntax',
  ) {
    super(message);
  }
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z0-9_$.+-]+/y;

/** Shows a token in a message, shortened and with invisible characters named. */
function show(token: string): string {
  if (token === '\n' || token === '\r') return 'a line break';
  if (token === '\t') return 'a tab';
  return `"${token.length > 20 ? `${token.slice(0, 20)}…` : token}"`;
}

/** The start of each line, for turning an offset into a line and column. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

export function positionAt(starts: readonly number[], offset: number): TextPosition {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** Scans JSON text (a leading BOM is allowed). */
export function scanJson(source: string): JsonScan {
  const text = source.replace(/^\uFEFF/, '');
  const starts = lineStarts(text);
  const at = (offset: number) => positionAt(starts, offset);
  const positions = new Map<string, TextPosition>();
  const duplicateKeys: DuplicateKey[] = [];
  let i = 0;

  const skipSpace = () => {
    while (i < text.length && WHITESPACE.has(text[i]!)) i++;
    if (text[i] === '/' && (text[i + 1] === '/' || text[i + 1] === '*'))
      throw new SyntaxAt(i, 'comments (// or /* */) are not allowed in JSON; delete the comment');
  };

  const endOfFile = (opener: number): never => {
    const where = at(opener);
    const what = text[opener] === '{' ? '{' : '[';
    throw new SyntaxAt(text.length, `the file ends before the ${what} opened at line ${where.line}, column ${where.column} is closed with ${what === '{' ? '}' : ']'}`);
  };

  /** Skips a string; returns its decoded text only when asked (keys), sparing values the work. */
  const readString = (decode = false): string => {
    const start = i++;
    for (;;) {
      if (i >= text.length) {
        const where = at(start);
        throw new SyntaxAt(text.length, `the text in quotes that starts at line ${where.line}, column ${where.column} is never closed; add the closing "`);
      }
      const c = text[i]!;
      if (c === '"') break;
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else throw new SyntaxAt(i, `"\\${e ?? ''}" is not a JSON escape; write \\\\ for a backslash, \\" for a quote`);
        continue;
      }
      if (c.charCodeAt(0) < 0x20)
        throw new SyntaxAt(
          i,
          c === '\n' || c === '\r'
            ? 'the text in quotes runs past the end of the line; close it with " (write \\n for a line break inside text)'
            : `${show(c)} inside quotes is not allowed; write \\t for a tab`,
        );
      i++;
    }
    i++;
    return decode ? (JSON.parse(text.slice(start, i)) as string) : '';
  };

  const readValue = (path: (string | number)[], depth: number): void => {
    skipSpace();
    if (depth > MAX_DEPTH) throw new SyntaxAt(i, `nested more than ${MAX_DEPTH} levels deep; rule files are never this deep`, 'depth');
    if (i >= text.length)
      throw new SyntaxAt(i, path.length === 0 ? 'the file is empty; a rule file holds one JSON object, { ... }' : 'the file ends where a value was expected');
    if (path.length === 0 || typeof path[path.length - 1] === 'number') positions.set(formatPath(path), at(i));
    const c = text[i]!;
    if (c === '{') return readObject(path, depth);
    if (c === '[') return readArray(path, depth);
    if (c === '"') return void readString();
    if (c === "'") throw new SyntaxAt(i, "text needs double quotes (\"), not single quotes (')");
    NUMBER.lastIndex = i;
    WORD.lastIndex = i;
    const word = WORD.exec(text)?.[0] ?? '';
    const number = NUMBER.exec(text)?.[0];
    if (number !== undefined && number.length === word.length) return void (i += number.length);
    if (word === 'true' || word === 'false' || word === 'null') return void (i += word.length);
    if (word === '') throw new SyntaxAt(i, `${show(c)} cannot start a value; expected a number, "text", true, false, null, { or [`);
    if (/^[-+.\d]/.test(word))
      throw new SyntaxAt(i, `${show(word)} is not a JSON number; write numbers like 0.5, 2 or 10 (no leading zeros, + signs or trailing dots)`);
    throw new SyntaxAt(i, `${word} is not a JSON value: text needs double quotes ("${word}"); only true, false and null go without`);
  };

  /** After an item: a comma (its offset is returned), the closer (-1), or a forgotten comma. */
  const afterItem = (opener: number, closer: '}' | ']', itemEnd: number, what: string): number => {
    skipSpace();
    if (i >= text.length) endOfFile(opener);
    const c = text[i]!;
    if (c === ',') return i++;
    if (c === closer) {
      i++;
      return -1;
    }
    if (c === '"' || c === '{' || c === '[' || /[\w-]/.test(c))
      throw new SyntaxAt(itemEnd, `a comma is missing after ${what} (before the next ${closer === '}' ? 'key' : 'item'})`);
    if (c === '}' || c === ']') {
      const where = at(opener);
      throw new SyntaxAt(i, `a "${closer}" is missing before this "${c}" (to close the ${closer === '}' ? '{' : '['} at line ${where.line}, column ${where.column})`);
    }
    throw new SyntaxAt(i, `expected "," or "${closer}" after ${what}, found ${show(c)}`);
  };

  const readObject = (path: (string | number)[], depth: number): void => {
    const opener = i++;
    const seen = new Map<string, TextPosition>();
    skipSpace();
    if (text[i] === '}') return void i++;
    for (let comma = -1; ; ) {
      skipSpace();
      if (i >= text.length) endOfFile(opener);
      const c = text[i]!;
      if (c === '}') throw new SyntaxAt(comma, 'remove this comma: JSON allows no comma after the last item before }');
      if (c === "'") throw new SyntaxAt(i, "keys need double quotes (\"), not single quotes (')");
      if (c !== '"')
        throw new SyntaxAt(i, /[A-Za-z_$]/.test(c) ? 'keys need double quotes, e.g. "id": "cheeks"' : `expected a key in double quotes, found ${show(c)}`);
      const keyAt = at(i);
      const key = readString(true);
      const here = [...path, key];
      const first = seen.get(key);
      if (first) duplicateKeys.push({ path: formatPath(here), key, first, at: keyAt });
      else seen.set(key, keyAt);
      positions.set(formatPath(here), keyAt);
      skipSpace();
      if (text[i] !== ':') {
        if (i >= text.length) endOfFile(opener);
        throw new SyntaxAt(i, `expected ":" after the key "${key}", found ${show(text[i]!)}`);
      }
      i++;
      readValue(here, depth + 1);
      comma = afterItem(opener, '}', i, `the value of "${key}"`);
      if (comma < 0) return;
    }
  };

  const readArray = (path: (string | number)[], depth: number): void => {
    const opener = i++;
    skipSpace();
    if (text[i] === ']') return void i++;
    for (let index = 0, comma = -1; ; index++) {
      skipSpace();
      if (text[i] === ']' && comma >= 0) throw new SyntaxAt(comma, 'remove this comma: JSON allows no comma after the last item before ]');
      readValue([...path, index], depth + 1);
      comma = afterItem(opener, ']', i, `item ${index + 1} of the list`);
      if (comma < 0) return;
    }
  };

  try {
    readValue([], 0);
    skipSpace();
    if (i < text.length) throw new SyntaxAt(i, `unexpected ${show(text[i]!)} after the end of the JSON; a rule file holds exactly one { ... }`);
    return { ok: true, map: { positions, duplicateKeys } };
  } catch (e) {
    if (!(e instanceof SyntaxAt)) throw e;
    return { ok: false, error: { ...at(e.offset), code: e.code, message: e.message } };
  }
}
