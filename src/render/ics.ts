// The session series as an iCalendar file, built with the `ics` package: one all-day,
// tentative event per session and one for the results review, each with a reminder the
// day before and the before-care (dated for that session) in its description.
//
// Privacy: titles say only "Skin treatment session 2 of 6" (calendars show titles on lock
// screens and to people a calendar is shared with); no concern, zone or screening answer
// appears anywhere in the file, and events are marked PRIVATE.
//
// Same plan, same file: nothing reads the clock. DTSTAMP is the plan's plannedOn.
//
// Updating instead of duplicating: a UID names the *series slot*, not the date, so a
// re-export after dates change replaces the events already imported:
//   UID      = <series>-session-<n>@needleplan  and  <series>-review@needleplan
//   series   = first 20 hex of sha256("needleplan series\n" + client label, case and
//              spacing folded); with no client label, the first session's date stands in
//              (an anonymous plan can't be recognised across a change of start).
//   SEQUENCE = day number of plannedOn (days since 1970-01-01), so a later export
//              supersedes an earlier one in calendars that compare sequences.
// The rule-set fingerprint is deliberately not part of the UID: a clinic updating its
// rules does not make the client's series a different series. A new course for the same
// client label replaces the earlier course's events; give it a distinct label to keep both.
import { createHash } from 'node:crypto';
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import type { Plan } from '../engine/types.js';
import type { RenderOptions } from './index.js';
import { addDays, daysBetween } from '../engine/dates.js';
import { beforeCareFor, spanInWords } from './handout-format.js';
import { foldIcs } from './ics-fold.js';

const PRODUCT_ID = '-//needleplan//treatment plan//EN';
const UID_DOMAIN = 'needleplan';
/** An all-day event starts at 00:00 local time: 15 hours earlier is 09:00 the day before. */
const REMINDER = { hours: 15, before: true } as const;

const dateArray = (iso: string): DateArray => iso.split('-').map(Number) as DateArray;

/** The key a client's series is known by across re-exports (see the header comment). */
export function seriesKey(plan: Plan): string {
  const who = plan.client?.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  const basis = who ? `client:${who}` : `start:${plan.schedule[0]?.date ?? plan.plannedOn}`;
  return createHash('sha256').update(`needleplan series\n${basis}`).digest('hex').slice(0, 20);
}


/** Why a date may still move, in words that name no condition. */
const PROVISIONAL: Partial<Record<Plan['status'], string>> = {
  'needs-clearance': " Provisional until your doctor has approved the treatment.",
  unscreened: ' Provisional until your health questions are complete.',
};

function sessionDescription(plan: Plan, session: number, date: string): string {
  const lines = [
    `Session ${session} of ${plan.sessions.count}. Confirm the time with your practitioner.${PROVISIONAL[plan.status] ?? ''}`,
    '',
    'Before this session:',
    ...beforeCareFor(plan, date).map((c) => `- ${c.from ? `From ${c.from}: ` : ''}${c.text}`),
    '',
    `Expect redness for about ${spanInWords(plan.downtimeDays, 'day')} afterwards.`,
  ];
  return lines.join('\n');
}

export function renderIcs(plan: Plan, _options?: RenderOptions): string {
  // The shell asks FORMAT_INFO.ics.unavailable first: reaching here without sessions is a bug.
  if (plan.schedule.length === 0) throw new Error('renderIcs called for a plan with no dated sessions');
  const series = seriesKey(plan);
  const [y, m, d] = dateArray(plan.plannedOn);
  const common = {
    timestamp: Date.UTC(y, m - 1, d),
    sequence: Math.max(0, daysBetween('1970-01-01', plan.plannedOn)),
    status: 'TENTATIVE',
    transp: 'TRANSPARENT',
    classification: 'PRIVATE',
  } as const;
  const allDay = (date: string) => ({ start: dateArray(date), end: dateArray(addDays(date, 1)) });

  // `timestamp` sets DTSTAMP; the ics package validates and honours it but leaves it out
  // of its typings.
  const events: (EventAttributes & { timestamp: number })[] = plan.schedule.map((s) => {
    const title = `Skin treatment session ${s.session} of ${plan.sessions.count}`;
    return {
      ...common,
      ...allDay(s.date),
      uid: `${series}-session-${s.session}@${UID_DOMAIN}`,
      title,
      description: sessionDescription(plan, s.session, s.date),
      alarms: [{ action: 'display', description: `Tomorrow: ${title}`, trigger: REMINDER }],
    };
  });
  if (plan.review) {
    const title = 'Skin treatment results review';
    events.push({
      ...common,
      ...allDay(plan.review.date),
      uid: `${series}-review@${UID_DOMAIN}`,
      title,
      description: `Results review with your practitioner. ${plan.resultsNote}`,
      alarms: [{ action: 'display', description: `Tomorrow: ${title}`, trigger: REMINDER }],
    });
  }

  const { error, value } = createEvents(events, { productId: PRODUCT_ID, method: 'PUBLISH', calName: 'Skin treatment plan' });
  if (error || !value) throw error ?? new Error('the ics package returned no calendar');
  return foldIcs(value);
}
