// Numbers and dates as a client reads them. Dates stay ISO (YYYY-MM-DD: one reading in
// every country) with the weekday beside them, counted on the engine's day numbers so no
// time zone can shift it.
import type { MinMax, Plan } from '../engine/types.js';
import { addDays, daysBetween } from '../engine/dates.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** 1970-01-04 was a Sunday. */
export function weekday(iso: string): string {
  return WEEKDAYS[((daysBetween('1970-01-04', iso) % 7) + 7) % 7]!;
}

/** "2027-01-05 (Tue)" */
export const dated = (iso: string): string => `${iso} (${weekday(iso)})`;

/** Needle depth with at least one decimal, as a device dial shows it: "2.0 mm", "0.25 mm". */
export function mm(depth: number): string {
  const rounded = Math.round(depth * 100) / 100;
  return `${Number.isInteger(rounded * 10) ? rounded.toFixed(1) : String(rounded)} mm`;
}

/** "2 to 4 days", "2 days", "1 day": the client's wording (the practitioner's is engine/rationale span, "2-4 days"). */
export function spanInWords(range: MinMax, unit: string): string {
  const plural = (n: number) => (n === 1 ? unit : `${unit}s`);
  return range.min === range.max ? `${range.min} ${plural(range.max)}` : `${range.min} to ${range.max} ${plural(range.max)}`;
}

/** "Cheeks, Forehead and Neck" */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export interface DatedCare {
  text: string;
  /** The day this step starts applying before the session, when it has a lead time. */
  from: string | null;
}

/**
 * Before-care for one session. The engine dates lead times from the first session only
 * (plan.beforeCare[].fromDate); the same lead applies before every session, so it is
 * carried over to the session's own date.
 */
export function beforeCareFor(plan: Plan, sessionDate: string): DatedCare[] {
  const first = plan.schedule[0]?.date;
  return plan.beforeCare.map((step) => {
    if (!step.fromDate || !first) return { text: step.text, from: null };
    return { text: step.text, from: addDays(sessionDate, -daysBetween(step.fromDate, first)) };
  });
}

/** Words a client reads instead of the practitioner's shorthand ("PIH"). */
export function forClients(text: string): string {
  return text.replace(/\bpost-inflammatory (hyper)?pigmentation \(PIH\)/gi, 'dark marks after inflammation').replace(/\bPIH\b/g, 'dark marks after inflammation');
}
