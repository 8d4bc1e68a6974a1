// Text a user or a file supplied is shown, never run: terminal control characters (escape
// sequences, CR, BEL, the C1 range) would otherwise move the cursor, retitle the window or
// write to the clipboard when a message or a cell is printed.

// C0 controls, DEL and C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// The same, but keeping tab and line ends, for multi-line text.
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

const visible = (c: string) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

/** One line for a terminal message: every control character shown as \xNN. */
export function printable(text: string): string {
  return text.replace(CONTROL, visible);
}

/** Multi-line text for a terminal: line ends and tabs kept, other controls shown as \xNN. */
export function printableLines(text: string): string {
  return text.replace(CONTROL_BUT_WHITESPACE, visible);
}

/** Control characters removed (for documents: a handout, a calendar). */
export function withoutControls(text: string, replacement = ''): string {
  return text.replace(CONTROL, replacement);
}

// Everything but line feed and tab: a CR alone can overwrite a printed line.
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LF_TAB = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text for a terminal or a document: line feeds and tabs kept, every other control shown as \xNN. */
export function printableText(text: string): string {
  return text.replace(CONTROL_BUT_LF_TAB, visible);
}

/**
 * A copy of `value` (plain data: objects, arrays, strings, numbers) with every string passed
 * through `shown`: a plan or a rule set made safe to render as text in one step, whatever
 * field a clinic's rule text or a client's name reaches.
 */
export function mapStrings<T>(value: T, shown: (text: string) => string = printableText): T {
  if (typeof value === 'string') return shown(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, shown)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, shown);
    return out as T;
  }
  return value;
}
