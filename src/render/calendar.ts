// What every needleplan calendar shares (the plan's sessions, the next session): all-day,
// tentative, PRIVATE events with a reminder the day before, UIDs that name a series slot,
// DTSTAMP and SEQUENCE from the planning day (nothing reads the clock), built with the
// `ics` package and folded at 75 octets (ics-fold.ts). See ics.ts for why UIDs are so.
import { createHash } from 'node:crypto';
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { addDays, daysBetween } from '../engine/dates.js';
import { foldIcs } from './ics-fold.js';

const UID_DOMAIN = 'needleplan';
/** An all-day event starts at 00:00 local time: 15 hours earlier is 09:00 the day before. */
const REMINDER = { hours: 15, before: true } as const;

const dateArray = (iso: string): DateArray => iso.split('-').map(Number) as DateArray;

/** The key a client's series is known by across re-exports: the label, else `fallback` (a date). */
export function seriesKey(client: string | null, fallback: string): string {
  const who = client?.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  const basis = who ? `client:${who}` : `start:${fallback}`;
  return createHash('sha256').update(`needleplan series\n${basis}`).digest('hex').slice(0, 20);
}

export interface CalendarEvent {
  date: string;
  /** The slot in the series: "session-2", "review". */
  slot: string;
  title: string;
  description: string;
}

export interface CalendarOptions {
  series: string;
  /** The planning day: DTSTAMP, and SEQUENCE as its day number. */
  stampDay: string;
  productId: string;
}

/** The events as one iCalendar text. */
export function calendar(events: readonly CalendarEvent[], o: CalendarOptions): string {
  const [y, m, d] = dateArray(o.stampDay);
  // `timestamp` sets DTSTAMP; the ics package validates and honours it but leaves it out
  // of its typings.
  const attributes: (EventAttributes & { timestamp: number })[] = events.map((e) => ({
    timestamp: Date.UTC(y, m - 1, d),
    sequence: Math.max(0, daysBetween('1970-01-01', o.stampDay)),
    status: 'TENTATIVE',
    transp: 'TRANSPARENT',
    classification: 'PRIVATE',
    start: dateArray(e.date),
    end: dateArray(addDays(e.date, 1)),
    uid: `${o.series}-${e.slot}@${UID_DOMAIN}`,
    title: e.title,
    description: e.description,
    alarms: [{ action: 'display', description: `Tomorrow: ${e.title}`, trigger: REMINDER }],
  }));
  const { error, value } = createEvents(attributes, { productId: o.productId, method: 'PUBLISH', calName: 'Skin treatment plan' });
  if (error || !value) throw error ?? new Error('the ics package returned no calendar');
  return foldIcs(value);
}
