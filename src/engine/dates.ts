// Calendar arithmetic on ISO dates (YYYY-MM-DD) as whole day numbers: no Date objects, so
// no time zone can shift a day, and it is cheap enough to run for every row of a batch.
// Pure: never reads the clock. (Days-from-civil and its inverse, proleptic Gregorian.)
import { Memo } from '../text/memo.js';

/** Days since 1970-01-01 for a calendar date. */
function toDays(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The ISO date of a day number (the inverse of toDays); remembered, as plans repeat their dates. */
export const isoOfDay = (days: number): string => isoDates.get(days);
const isoDates = new Memo(civilDate, 8192);

function civilDate(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return format(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

/** The whole number in iso[from, to), read digit by digit (NaN for anything else, as Number() gives). */
function digits(iso: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = iso.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return Number(iso.slice(from, to));
    n = n * 10 + digit;
  }
  return n;
}

/** Days since 1970-01-01 of an ISO date. Per batch row this runs a few times: no slices, no arrays. */
export function dayNumber(iso: string): number {
  return toDays(digits(iso, 0, 4), digits(iso, 5, 7), digits(iso, 8, 10));
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
function format(y: number, m: number, d: number): string {
  return `${y >= 1000 ? String(y) : String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthLength = (y: number, m: number) => (m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);

export function addDays(iso: string, days: number): string {
  return isoOfDay(dayNumber(iso) + days);
}

/** Adds calendar months, keeping the day where it exists (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(iso: string, months: number): string {
  const y = digits(iso, 0, 4);
  const index = y * 12 + (digits(iso, 5, 7) - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return format(year, month, Math.min(digits(iso, 8, 10), monthLength(year, month)));
}

/** Whole days from a to b (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

export const laterOf = (a: string, b: string): string => (a >= b ? a : b);
