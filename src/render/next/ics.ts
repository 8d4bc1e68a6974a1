// The next session and the results review as an iCalendar file. UIDs name the series slot
// the plan's calendar uses (render/ics.ts: the client's label, session number), so importing
// this after a session moved updates the event already in the calendar instead of adding
// one. Titles name no concern, zone or reaction; events are PRIVATE. Nothing reads the clock.
import { createHash } from 'node:crypto';
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import type { NextSession } from '../../engine/next-session.js';
import { UserError } from '../../errors.js';
import { addDays, daysBetween } from '../../engine/dates.js';

const dateArray = (iso: string): DateArray => iso.split('-').map(Number) as DateArray;
const REMINDER = { hours: 15, before: true } as const;

function series(next: NextSession): string {
  const who = next.client?.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  const basis = who ? `client:${who}` : `start:${next.plannedOn}`;
  return createHash('sha256').update(`needleplan series\n${basis}`).digest('hex').slice(0, 20);
}

export function renderNextIcs(next: NextSession): string {
  if (next.date === null && next.review === null)
    throw new UserError(
      next.status === 'needs-review'
        ? '--format ics: the course is on hold until the practitioner reviews it, so there is no date to put in a calendar'
        : '--format ics: there is no next session to put in a calendar',
    );
  const key = series(next);
  const [y, m, d] = dateArray(next.today);
  const common = {
    timestamp: Date.UTC(y, m - 1, d),
    sequence: Math.max(0, daysBetween('1970-01-01', next.today)),
    status: 'TENTATIVE',
    transp: 'TRANSPARENT',
    classification: 'PRIVATE',
  } as const;
  const allDay = (date: string) => ({ start: dateArray(date), end: dateArray(addDays(date, 1)) });
  const events: (EventAttributes & { timestamp: number })[] = [];
  if (next.date) {
    const title = `Skin treatment session ${next.session.number} of ${next.session.of}`;
    events.push({
      ...common,
      ...allDay(next.date),
      uid: `${key}-session-${next.session.number}@needleplan`,
      title,
      description: `Session ${next.session.number} of ${next.session.of}, from this date. Confirm the time with your practitioner.`,
      alarms: [{ action: 'display', description: `Tomorrow: ${title}`, trigger: REMINDER }],
    });
  }
  if (next.review) {
    const title = 'Skin treatment results review';
    events.push({
      ...common,
      ...allDay(next.review.date),
      uid: `${key}-review@needleplan`,
      title,
      description: 'Results review with your practitioner.',
      alarms: [{ action: 'display', description: `Tomorrow: ${title}`, trigger: REMINDER }],
    });
  }
  const { error, value } = createEvents(events, { productId: '-//needleplan//next session//EN', method: 'PUBLISH', calName: 'Skin treatment plan' });
  if (error || !value) throw error ?? new Error('the ics package returned no calendar');
  return value;
}
