// What batch writes: a CSV row per plan in the contract's columns, or the plan's JSON
// (schemaVersion 1, as `plan --format json`) on one line. Quoting and formula escaping are
// csv-stringify's (escape_formulas prefixes ' to cells starting = + - @ tab CR).
import { stringify, type Options, type Stringifier } from 'csv-stringify';
import type { MinMax, Plan } from '../engine/types.js';
import { printableLines } from '../text/escape.js';

/** The contract's columns, then extras (never reordered: scripts read them by name or position). */
export const PLAN_COLUMNS = [
  'client',
  'status',
  'sessions',
  'interval_weeks',
  'depth_mm',
  'numbing',
  'downtime_days',
  'first_session',
  'last_session',
  'findings',
  // Beyond the contract:
  'concerns',
  'review',
  'earliest_start',
  'line',
  'held_back',
  'suggested_start',
] as const;

/** "4-6", or "6" when the range is one number. */
const range = (r: MinMax): string => (r.min === r.max ? String(r.min) : `${r.min}-${r.max}`);

/**
 * One plan as a CSV row, in PLAN_COLUMNS order. The client is the one cell a person typed:
 * it is made printable here; every other cell is rule ids (lower-case words and "-", as the
 * rules schema holds them), numbers, ISO dates and fixed words, so the writer needs no cast.
 */
export function planCells(plan: Plan, line: number): string[] {
  const last = plan.schedule[plan.schedule.length - 1];
  return [
    printableLines(plan.client ?? ''),
    plan.status,
    String(plan.sessions.count),
    range(plan.intervalWeeks),
    zoneCells(plan.zones),
    plan.numbing.recommended ? 'yes' : 'no',
    range(plan.downtimeDays),
    plan.schedule[0]?.date ?? '',
    last?.date ?? '',
    codes(plan.findings),
    concernCells(plan.concerns),
    plan.review?.date ?? '',
    plan.earliestStart ?? '',
    String(line),
    heldBackCells(plan.zones),
    plan.suggestedStart ?? '',
  ];
}

// The list cells, built with plain loops (no filter/map/join arrays): they run for every
// planned row.

/** "cheeks:1.5|nose:1.25": only depths to use; a held-back zone is in held_back instead. */
function zoneCells(zones: Plan['zones']): string {
  let out = '';
  for (const z of zones) if (z.treated) out += `${out ? '|' : ''}${z.zone}:${z.depthMm}`;
  return out;
}

function heldBackCells(zones: Plan['zones']): string {
  let out = '';
  for (const z of zones) if (z.heldBack) out += `${out ? '|' : ''}${z.zone}:${z.heldBack.code}`;
  return out;
}

function codes(findings: Plan['findings']): string {
  let out = '';
  for (let i = 0; i < findings.length; i++) out += i ? `|${findings[i]!.code}` : findings[i]!.code;
  return out;
}

function concernCells(concerns: Plan['concerns']): string {
  let out = '';
  for (let i = 0; i < concerns.length; i++) out += `${i ? '|' : ''}${concerns[i]!.id}=${concerns[i]!.severity}`;
  return out;
}

/** The same JSON as `plan --format json`, on one line. */
export const planJsonLine = (plan: Plan): string => `${JSON.stringify(plan)}\n`;

export interface CsvStyle {
  delimiter?: string;
  /** A UTF-8 BOM first (Excel then reads accents right). */
  bom: boolean;
  /** The line end: "\n" (default) or "\r\n" as Excel writes. */
  lineEnd?: string;
}

/** Excel's dialect, in the input's delimiter: a BOM and CRLF. */
export const excelStyle = (delimiter: string): CsvStyle => ({ delimiter, bom: true, lineEnd: '\r\n' });

/**
 * The options csv-stringify gets for a style: one place, for the stream and the chunk
 * writers. Cells as read from a file (a rejected row) go through a cast making them
 * printable; planCells' cells are printable already, and a cast per cell was a tenth of
 * writing them.
 */
export function csvOptions(style: CsvStyle, cells: 'as-read' | 'printable' = 'as-read'): Options {
  return {
    delimiter: style.delimiter ?? ',',
    bom: style.bom,
    record_delimiter: style.lineEnd ?? '\n',
    // Quote a cell holding any line break (LF, CR), not only this file's own line end:
    // csv-stringify stops doing so once record_delimiter is set.
    quote_record_delimiter: true,
    escape_formulas: true,
    // Control characters (an escape sequence in a name) are shown as \xNN, never run by a
    // terminal that prints the file; line breaks and tabs inside quoted cells are data.
    ...(cells === 'as-read' ? { cast: { string: (value: string) => printableLines(value) } } : {}),
  };
}

/** A CSV writer stream: arrays of cells as read in, text out, formulas made inert. */
export function csvWriter(style: CsvStyle): Stringifier {
  return stringify(csvOptions(style));
}
