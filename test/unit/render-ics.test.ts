// The calendar file, read back with an independent iCalendar parser (ical.js): the right
// events on the right dates, reminders, stable bytes, UIDs that update rather than
// duplicate, and nothing about the client's health in a title.
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { plan } from '../../src/engine/plan.js';
import { renderIcs } from '../../src/render/ics.js';
import { FORMAT_INFO } from '../../src/render/index.js';
import type { Plan } from '../../src/engine/types.js';
import { builtinRules, makeIntake, TODAY } from '../helpers/builders.js';
import { handoutCase } from '../fixtures/handout/cases.js';

const OPTIONS = { color: false, explain: false };
const rules = builtinRules();
const planFor = (overrides: Parameters<typeof makeIntake>[0], today = TODAY) => plan(makeIntake(overrides), rules, today);

function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const alarm = vevent.getFirstSubcomponent('valarm');
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate,
      end: event.endDate,
      sequence: event.sequence,
      status: vevent.getFirstPropertyValue('status'),
      dtstamp: String(vevent.getFirstPropertyValue('dtstamp')),
      trigger: alarm ? String(alarm.getFirstPropertyValue('trigger')) : null,
      alarmAction: alarm?.getFirstPropertyValue('action'),
    };
  });
}

describe('the session series as calendar events', () => {
  const p = plan(handoutCase('clearance').intake, rules, TODAY);
  const ics = renderIcs(p, OPTIONS);
  const parsed = events(ics);
  const sessions = parsed.filter((e) => e.uid.includes('-session-'));

  it('has one event per session plus the review', () => {
    expect(p.schedule.length).toBe(5);
    expect(sessions).toHaveLength(5);
    expect(parsed).toHaveLength(6);
  });

  it('puts each session on its date, all day and tentative', () => {
    expect(sessions.map((e) => e.start.toString())).toEqual(p.schedule.map((s) => s.date));
    for (const e of parsed) {
      expect(e.start.isDate).toBe(true);
      expect(e.end.toString()).toBe(e.start.clone().adjust(1, 0, 0, 0).toString());
      expect(e.status).toBe('TENTATIVE');
    }
  });

  it('has the review date as its own event', () => {
    const review = parsed.find((e) => e.uid.endsWith('-review@needleplan'))!;
    expect(review.start.toString()).toBe(p.review!.date);
    expect(review.summary).toBe('Skin treatment results review');
  });

  it('reminds the day before (09:00, 15 hours before the all-day start)', () => {
    for (const e of parsed) {
      expect(e.alarmAction).toBe('DISPLAY');
      expect(e.trigger).toBe('-PT15H');
    }
  });

  it('titles say nothing about health: no concern, zone or condition', () => {
    expect(sessions.map((e) => e.summary)).toEqual([1, 2, 3, 4, 5].map((n) => `Skin treatment session ${n} of 5`));
    const words = [
      ...rules.concerns.concerns.flatMap((c) => [c.id, c.label]),
      ...rules.zones.zones.flatMap((z) => [z.id, z.label]),
      ...rules.screening.conditions.flatMap((c) => [c.id, c.label]),
      'blood', 'clearance', 'doctor',
    ].map((w) => w.toLowerCase());
    for (const e of parsed) for (const w of words) expect(e.summary.toLowerCase()).not.toContain(w);
    // Nor anywhere in the file: the screening answer stays in the handout.
    expect(ics).not.toMatch(/blood-thinners|Fine lines|periorbital|bruising/i);
  });

  it("carries that session's before-care, dated, in the description", () => {
    expect(sessions[0]!.description).toContain("From 2027-01-07: Stop retinoid and exfoliating-acid skin products 5 days before (a prescribed one, cream or tablet, only with your prescriber's approval).");
    // The same 5-day lead before session 2 (2027-02-23).
    expect(sessions[1]!.description).toContain("From 2027-02-18: Stop retinoid and exfoliating-acid skin products 5 days before (a prescribed one, cream or tablet, only with your prescriber's approval).");
    expect(sessions[1]!.description).toContain('Arrive without make-up.');
    expect(sessions[0]!.description).toContain('Provisional until your doctor has approved the treatment.');
  });

  it('is valid line by line: CRLF endings, lines of at most 75 octets', () => {
    const lines = ics.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });
});

describe('stable output', () => {
  it('the same plan gives the same bytes, made twice', () => {
    const a = renderIcs(plan(handoutCase('ready').intake, rules, TODAY), OPTIONS);
    const b = renderIcs(plan(handoutCase('ready').intake, rules, TODAY), OPTIONS);
    expect(a).toBe(b);
  });

  it('DTSTAMP is the plan date, not the clock', () => {
    for (const e of events(renderIcs(planFor({ start: '2027-03-01' }), OPTIONS))) expect(e.dtstamp).toBe('2026-11-25T00:00:00Z');
  });
});

describe('UIDs: a re-export updates the events already imported', () => {
  const uids = (p: Plan) => events(renderIcs(p, OPTIONS)).map((e) => e.uid);

  it('moving the dates keeps every UID', () => {
    expect(uids(planFor({ client: 'Ana R.', start: '2027-03-01' }))).toEqual(uids(planFor({ client: 'Ana R.', start: '2027-01-05' })));
  });

  it('the client label decides, ignoring case and spacing', () => {
    expect(uids(planFor({ client: '  ana   r. ', start: '2027-01-05' }))).toEqual(uids(planFor({ client: 'Ana R.', start: '2027-01-05' })));
    const other = uids(planFor({ client: 'Ben S.', start: '2027-01-05' }));
    for (const uid of uids(planFor({ client: 'Ana R.', start: '2027-01-05' }))) expect(other).not.toContain(uid);
  });

  it('a later export carries a higher SEQUENCE', () => {
    const first = events(renderIcs(planFor({ client: 'Ana R.', start: '2027-01-05' }, '2026-11-25'), OPTIONS))[0]!;
    const later = events(renderIcs(planFor({ client: 'Ana R.', start: '2027-02-05' }, '2026-12-02'), OPTIONS))[0]!;
    expect(later.uid).toBe(first.uid);
    expect(later.sequence).toBeGreaterThan(first.sequence);
  });

  it('without a client label the series start identifies the series', () => {
    expect(uids(planFor({ start: '2027-01-05' }))).toEqual(uids(planFor({ start: '2027-01-05' })));
    expect(uids(planFor({ start: '2027-01-05' }))[0]).not.toBe(uids(planFor({ start: '2027-01-06' }))[0]);
  });
});

describe('no sessions, no calendar: the renderer table says why', () => {
  const unavailable = FORMAT_INFO.ics.unavailable!;

  it('without --start', () => {
    expect(unavailable(planFor({ start: null }))).toMatch(/^needs --start YYYY-MM-DD/);
    expect(() => renderIcs(planFor({ start: null }), OPTIONS)).toThrow(/no dated sessions/);
  });

  it('for a client who is not eligible now', () => {
    expect(unavailable(plan(handoutCase('not-eligible').intake, rules, TODAY))).toMatch(/not eligible for treatment now.*--format markdown or html/);
  });

  it('is available for a dated plan', () => {
    expect(unavailable(planFor({ start: '2027-01-05' }))).toBeUndefined();
  });
});
