// Dates as exports write them: ISO (2027-01-05), day-first or month-first with slashes
// (05/01/2027, said which by --date-format), or an Excel serial number (46392) when a
// spreadsheet saved the cell as a number. A slash date without --date-format is refused:
// 05/01/2027 is 5 January in Europe and 1 May in the US, and guessing moves a session by months.
import { UserError } from '../errors.js';

export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** --date-format (and a mapping file's dateFormat): one of DATE_FORMATS, any case. */
export function parseDateFormat(text: string, where = '--date-format'): DateFormat {
  const found = DATE_FORMATS.find((f) => f.toLowerCase() === text.trim().toLowerCase());
  if (!found) throw new UserError(`${where} "${text}" is not a date format needleplan reads; valid: ${DATE_FORMATS.join(', ')}`);
  return found;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const realDate = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]!);
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The last serial Excel shows as a date (9999-12-31). */
const MAX_SERIAL = 2958465;

/**
 * An Excel serial day number as a date, in the 1900 date system Windows Excel uses. Excel
 * copies Lotus 1-2-3 in counting 29 February 1900, which never was: serial 60 is that day,
 * so serials from 61 on are one day ahead of a plain count from 1899-12-31.
 */
export function excelSerialDate(serial: number): string | undefined {
  const day = Math.floor(serial);
  if (day < 1 || day > MAX_SERIAL || day === 60) return undefined;
  const ms = Date.UTC(1899, 11, day < 60 ? 31 : 30) + day * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

export type DateReading = { date: string } | { error: string };

/** How a date column is named in messages: "start date", "date of birth". */
export function readDate(cell: string, format: DateFormat | undefined, what: string): DateReading {
  const text = cell.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return realDate(y, mo, d) ? { date: iso(y, mo, d) } : { error: `"${text}" is not a real date` };
  }
  // A spreadsheet's serial day number, maybe with a time of day as the fraction.
  if (/^\d{1,7}(?:\.\d+)?$/.test(text)) {
    if (/^\d{4}$/.test(text)) return { error: `${what} "${text}" is a year alone; write the whole date` };
    const date = excelSerialDate(Number(text));
    return date ? { date } : { error: `${what} "${text}" is not a date (as an Excel serial number it is out of range)` };
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (m) {
    if (m[3]!.length === 2) return { error: `${what} "${text}" has a two-digit year; write the year in full (e.g. 2027)` };
    if (format === undefined || format === 'YYYY-MM-DD')
      return {
        error:
          `${what} "${text}" could be day-first or month-first; ` +
          'say which with --date-format DD/MM/YYYY or --date-format MM/DD/YYYY',
      };
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const [d, mo] = format === 'DD/MM/YYYY' ? [a, b] : [b, a];
    return realDate(y, mo, d) ? { date: iso(y, mo, d) } : { error: `${what} "${text}" is not a real date (read as ${format})` };
  }
  return { error: `${what} "${text}" must be written YYYY-MM-DD (e.g. 2027-01-05)${format && format !== 'YYYY-MM-DD' ? ` or ${format}` : ''}` };
}

/** Whole years from a date of birth to the planning day (both YYYY-MM-DD). */
export function ageOn(dob: string, day: string): number {
  const [by, bm, bd] = dob.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = day.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
