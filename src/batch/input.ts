// Getting an export's text to the CSV parser: open the file (or stdin), tell its encoding
// (a BOM wins, else --encoding, else UTF-8), check that UTF-8 really is UTF-8 rather than
// silently turning "Zoë" into "Zo�", and find the delimiter from the header line.
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { isUtf8 } from 'node:buffer';
import { UserError } from '../errors.js';
import { wordTable } from '../text/words.js';
import { clip } from '../text/clip.js';
import { fileErrorWords } from '../text/file-errors.js';
import { SNIFF_BYTES, utf16WithoutBom } from './sniff.js';

export const DETECTED_DELIMITERS = [',', ';', '\t'] as const;

export interface Input {
  /** What the parser reads: raw UTF-8 bytes, or text decoded from another encoding. */
  stream: Readable;
  delimiter: string;
  /** The encoding in use, as a person would name it. */
  encoding: string;
  /** The file began with a byte-order mark. */
  bom: boolean;
  /** The header line's end ("\r\n", "\n" or "\r"), for files written back in the input's dialect. */
  lineEnd: string;
  /** Size in bytes when the input is a file, for the progress bar. */
  size: number | undefined;
  /** Bytes read from the input so far. */
  bytesRead(): number;
}

export interface InputOptions {
  encoding?: string | undefined;
  delimiter?: string | undefined;
}

const delimiterWord = wordTable<string>({ tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|' });

/** --delimiter: one character, or tab / comma / semicolon / pipe by name. */
export function parseDelimiter(text: string): string {
  const named = delimiterWord(text.toLowerCase());
  if (named) return named;
  if (text.length === 1 && !'"\r\n'.includes(text)) return text;
  throw new UserError(`--delimiter "${clip(text)}" must be one character (or tab, comma, semicolon, pipe)`);
}

const isUtf8Name = (name: string) => /^utf-?8$/i.test(name.trim());

/** The delimiter that occurs most often outside quotes in the header line (ties: , then ; then tab). */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>(DETECTED_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ',';
  for (const d of DETECTED_DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/**
 * The first non-blank line of `text` (quoted line breaks included), or undefined when
 * the text may not hold all of it yet.
 */
export function firstLine(text: string, complete: boolean): string | undefined {
  const start = text.search(/[^\r\n]/);
  if (start < 0) return complete ? '' : undefined;
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) return text.slice(start, i);
  }
  return complete ? text.slice(start) : undefined;
}

/** The header is looked for in at most this much text; past it we take what we have. */
const HEADER_LIMIT = 1 << 20;

export async function openInput(file: string, options: InputOptions, stdin: NodeJS.ReadStream = process.stdin): Promise<Input> {
  const { stream: bytes, size } = openBytes(file, stdin);
  const source = file === '-' ? 'stdin' : file;
  let read = 0;
  const it = bytes[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const nextBytes = async (): Promise<Buffer | undefined> => {
    try {
      const r = await it.next();
      if (r.done) return undefined;
      read += r.value.length;
      return r.value;
    } catch (e) {
      throw new UserError(`cannot read ${source}: ${(e as Error).message}`);
    }
  };

  // A BOM names the encoding; look at enough bytes to see one, or UTF-16 without one.
  let first = Buffer.alloc(0);
  for (let chunk; first.length < SNIFF_BYTES && (chunk = await nextBytes()); ) first = Buffer.concat([first, chunk]);
  const bom = bomEncoding(first);
  const asked = options.encoding ?? 'utf8';
  const decode = await decoderFor(bom ?? (isUtf8Name(asked) ? utf16WithoutBom(first) : undefined) ?? asked, source);

  async function* text(): AsyncGenerator<Buffer | string> {
    if (first.length) yield decode.write(first);
    for (let chunk; (chunk = await nextBytes()); ) yield decode.write(chunk);
    const rest = decode.end();
    if (rest) yield rest;
  }

  // Read ahead until the header line is complete, to pick the delimiter from it.
  const all = text();
  const head: (Buffer | string)[] = [];
  let headText = '';
  let done = false;
  let line: string | undefined;
  while ((line = firstLine(headText, done || headText.length > HEADER_LIMIT)) === undefined) {
    const r = await all.next();
    if (r.done) done = true;
    else {
      head.push(r.value);
      headText += typeof r.value === 'string' ? r.value : r.value.toString('latin1');
    }
  }
  const delimiter = options.delimiter !== undefined ? parseDelimiter(options.delimiter) : detectDelimiter(line);

  async function* replay(): AsyncGenerator<Buffer | string> {
    yield* head;
    yield* all;
  }
  const end = /\r\n?|\n/.exec(headText.slice(headText.indexOf(line) + line.length))?.[0] ?? '\n';
  return { stream: Readable.from(replay(), { objectMode: false }), delimiter, encoding: decode.name, bom: bom !== undefined, lineEnd: end, size, bytesRead: () => read };
}

function openBytes(file: string, stdin: NodeJS.ReadStream): { stream: Readable; size: number | undefined } {
  if (file === '-') {
    if (stdin.isTTY) throw new UserError('batch -: stdin is a terminal; pipe a CSV export in (… | needleplan batch -) or give its path');
    return { stream: stdin, size: undefined };
  }
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new UserError(`cannot read ${file}: it is a folder; give the CSV file inside it`);
    size = stat.size;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`cannot read ${file}: ${fileErrorWords(e, 'file', 'read')}`);
  }
  return { stream: createReadStream(file, { highWaterMark: 1 << 17 }), size: size || undefined };
}

function bomEncoding(bytes: Buffer): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

interface Decoder {
  name: string;
  write(chunk: Buffer): Buffer | string;
  end(): string | undefined;
}

/**
 * UTF-8 goes to the parser as bytes (it decodes each cell itself, the fastest path) after a
 * strict check; any other encoding is decoded to text with iconv-lite first.
 */
async function decoderFor(encoding: string, source: string): Promise<Decoder> {
  if (isUtf8Name(encoding)) return utf8Checker(source);
  const { default: iconv } = await import('iconv-lite');
  if (!iconv.encodingExists(encoding))
    throw new UserError(`--encoding "${clip(encoding)}" is not an encoding needleplan knows; use utf8 (the default) or windows-1252 (also: latin1, utf-16le, macintosh)`);
  const decoder = iconv.getDecoder(encoding);
  return { name: encoding.toLowerCase(), write: (chunk) => decoder.write(chunk), end: () => decoder.end() || undefined };
}

function utf8Checker(source: string): Decoder {
  let linesBefore = 0;
  // A read can end inside a character: its first bytes wait for the next read.
  let carry: Buffer | undefined;
  const fail = (chunk: Buffer): never => {
    const text = chunk.toString('utf8');
    const bad = text.indexOf('\uFFFD');
    const line = linesBefore + 1 + countLineFeeds(text.slice(0, bad < 0 ? text.length : bad));
    throw new UserError(
      `${source} is not UTF-8 text (an invalid byte ${bad < 0 ? 'near' : 'on'} line ${line}); ` +
        'an export saved by Excel on Windows is usually windows-1252: rerun with --encoding windows-1252',
    );
  };
  return {
    name: 'utf-8',
    write(chunk) {
      // buffer.isUtf8 checks without making text (a strict TextDecoder decoded every read
      // into a string only to throw it away).
      const bytes = carry ? Buffer.concat([carry, chunk]) : chunk;
      const whole = wholeCharacters(bytes);
      if (!isUtf8(bytes.subarray(0, whole))) fail(bytes);
      carry = whole < bytes.length ? Buffer.from(bytes.subarray(whole)) : undefined;
      linesBefore += countLineFeeds(chunk);
      return chunk;
    },
    end() {
      if (carry) fail(Buffer.alloc(0)); // the file ends inside a character
      return undefined;
    },
  };
}

/**
 * How many bytes from the start hold whole characters: all of them, unless the last
 * character's lead byte says it needs more than are there. (A byte no character could
 * start with is left for isUtf8 to refuse.)
 */
export function wholeCharacters(bytes: Uint8Array): number {
  let lead = bytes.length - 1;
  // Back over at most three continuation bytes (10xxxxxx) to the lead byte.
  while (lead >= 0 && lead > bytes.length - 4 && (bytes[lead]! & 0xc0) === 0x80) lead--;
  if (lead < 0) return bytes.length;
  const b = bytes[lead]!;
  const size = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 1;
  return lead + size > bytes.length ? lead : bytes.length;
}

function countLineFeeds(data: Buffer | string): number {
  let n = 0;
  for (let i = data.indexOf('\n'); i !== -1; i = data.indexOf('\n', i + 1)) n++;
  return n;
}
