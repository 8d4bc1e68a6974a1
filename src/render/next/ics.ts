// The next session and the results review as an iCalendar file. UIDs name the series slot
// the plan's calendar uses (render/calendar.ts: the client's label, session number), so
// importing this after a session moved updates the event already in the calendar instead of
// adding one. Titles name no concern, zone or reaction; events are PRIVATE. Nothing reads the clock.
import type { NextSession } from '../../engine/next-session.js';
import { calendar, seriesKey, type CalendarEvent } from '../calendar.js';

export function renderNextIcs(next: NextSession): string {
  // The shell asks nextUnavailable first: reaching here with no date is a bug.
  if (next.date === null && next.review === null) throw new Error('renderNextIcs called with nothing to put in a calendar');
  const events: CalendarEvent[] = [];
  if (next.date) {
    const { number, of } = next.session;
    events.push({
      date: next.date,
      slot: `session-${number}`,
      title: `Skin treatment session ${number} of ${of}`,
      description: `Session ${number} of ${of}, from this date. Confirm the time with your practitioner.`,
    });
  }
  if (next.review)
    events.push({ date: next.review.date, slot: 'review', title: 'Skin treatment results review', description: 'Results review with your practitioner.' });
  return calendar(events, { series: seriesKey(next.client, next.plannedOn), stampDay: next.today, productId: '-//needleplan//next session//EN' });
}
