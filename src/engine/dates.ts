// Calendar arithmetic on ISO dates (YYYY-MM-DD) as whole day numbers: no Date objects, so
// no time zone can shift a day, and it is cheap enough to run for every row of a batch.
// Pure: never reads the clock. (Days-from-civil and its inverse, proleptic Gregorian.)

/** Days since 1970-01-01 for a calendar date. */
function toDays(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function parse(iso: string): [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
function format([y, m, d]: [number, number, number]): string {
  return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthLength = (y: number, m: number) => (m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

export function addDays(iso: string, days: number): string {
  return format(fromDays(toDays(...parse(iso)) + days));
}

/** Adds calendar months, keeping the day where it exists (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = parse(iso);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return format([year, month, Math.min(d, monthLength(year, month))]);
}

/** Whole days from a to b (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return toDays(...parse(b)) - toDays(...parse(a));
}

export const laterOf = (a: string, b: string): string => (a >= b ? a : b);
