// Which first-session dates a plan may carry: the planning year minus one to plus ten.
// A typo (0207 for 2027, 9999 as "some day") would otherwise be planned: a review date
// past year 9999 prints as "1000-05-0-2", a year below 1000 breaks the calendar file, and
// the JSON fails the project's own Plan schema. A year back allows entering a course that
// has already started; ten ahead is far beyond any booking. Pure: today is an argument.

export interface DateWindow {
  from: string;
  to: string;
}

/** The window for a planning day (YYYY-MM-DD). */
export function startWindow(today: string): DateWindow {
  const year = Number(today.slice(0, 4));
  return { from: `${year - 1}-01-01`, to: `${year + 10}-12-31` };
}

/** Whether `iso` (a valid YYYY-MM-DD) is inside the window. ISO dates with four-digit years compare as strings. */
export const inWindow = (iso: string, window: DateWindow): boolean => iso >= window.from && iso <= window.to;

/** Undefined when `iso` (a valid YYYY-MM-DD) is inside the window, else the message. */
export function outsideStartWindow(iso: string, today: string): string | undefined {
  const window = startWindow(today);
  if (inWindow(iso, window)) return undefined;
  const { from, to } = window;
  return `start date ${iso} is outside ${from} to ${to} (the planning year minus one to plus ten); check the year`;
}
