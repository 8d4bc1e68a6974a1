// nextSession(course, sessions, rules, today): the next session of a client's course, from
// the stored plan and the sessions recorded so far. Pure: the records are handed in, today
// is an argument; no I/O, no clock.
//
// The adaptation (domain file 8b, a project assumption; numbers in rules/adaptation.json):
// - the earliest date counts from the last session actually done plus the course's
//   shortest interval, never from the old schedule (a missed session moves the rest);
// - redness that lasted longer than the downtime band's maximum for the depth used in a
//   zone, or a reaction whose action is "adapt", takes those zones a device step shallower
//   and the date a week later (within the interval range where it has room);
// - a reaction or adverse event whose action is "hold" holds the course (needs-review)
//   until the practitioner records the next session;
// - never deeper than the plan or the zone cap, and never deeper than the depth last used
//   in a zone: the planner does not escalate on its own.
import type { RuleSet } from '../rules/schema.js';
import type { AdaptationAction } from '../rules/adaptation-schema.js';
import type { Plan, RationaleEntry } from './types.js';
import { Rationale } from './rationale.js';
import { fmt } from '../text/numbers.js';
import { addDays, addMonths, daysBetween, laterOf } from './dates.js';

export const REACTIONS = ['none', 'mild', 'moderate', 'severe'] as const;
export type Reaction = (typeof REACTIONS)[number];

/** The course as stored: the plan as it was produced when the course was saved. */
export interface CourseInput {
  client: string | null;
  plan: Plan;
}

/** A session done, with amendments already applied (the latest healing days win). */
export interface SessionInput {
  number: number;
  date: string;
  zones: readonly { zone: string; depthMm: number }[];
  passes: number | null;
  reaction: Reaction | null;
  healedDays: number | null;
  adverseEvent: string | null;
}

export type NextStatus = 'due' | 'needs-review' | 'complete' | 'not-eligible';

export interface NextZone {
  zone: string;
  label: string;
  depthMm: number;
  plannedMm: number;
  /** Depth used in the zone at its most recent session, if any. */
  lastMm: number | null;
}

export interface NextSession {
  client: string | null;
  status: NextStatus;
  /** The next session's number (for a complete course: the last one done). */
  session: { number: number; of: number };
  /** Earliest date for the next session; null when held, complete or not eligible. */
  date: string | null;
  zones: NextZone[];
  rationale: RationaleEntry[];
  lastSession: { number: number; date: string } | null;
  /** Days past `date` on `today` (0 when not yet due). */
  daysOverdue: number;
  /** Results review: after the last session (projected at the shortest interval while the course runs). */
  review: { date: string } | null;
  maintenance: { date: string } | null;
  hold: { session: number; reason: string } | null;
  intervalWeeks: { min: number; max: number };
  today: string;
  plannedOn: string;
  rules: { version: string; sha256: string };
  planRules: { version: string; sha256: string };
}

const MILLI = 1000;
const toMilli = (mm: number) => Math.round(mm * MILLI);

function byDate(a: SessionInput, b: SessionInput): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.number - b.number;
}

/** The maximum days of redness the downtime band for a depth allows. */
function bandFor(rules: RuleSet, depthMm: number) {
  return rules.downtime.bands.find((b) => b.upToMm === null || depthMm <= b.upToMm + 1e-9) ?? rules.downtime.bands[rules.downtime.bands.length - 1]!;
}

function actionsOf(session: SessionInput, rules: RuleSet): { action: AdaptationAction; reason: string }[] {
  const out: { action: AdaptationAction; reason: string }[] = [];
  if (session.reaction) out.push({ action: rules.adaptation.reactions[session.reaction], reason: `a ${session.reaction} reaction` });
  if (session.adverseEvent) out.push({ action: rules.adaptation.adverseEvent, reason: `an adverse event (${session.adverseEvent})` });
  return out;
}

export function nextSession(course: CourseInput, sessions: readonly SessionInput[], rules: RuleSet, today: string): NextSession {
  const plan = course.plan;
  const why = new Rationale();
  const adaptation = rules.adaptation;
  const ruleId = `adaptation/${adaptation.id}`;
  const done = [...sessions].sort(byDate);
  const last = done.at(-1);
  const of = plan.sessions.count;
  const interval = plan.intervalWeeks;
  const device = plan.device;
  const followUp = rules.care.followUp;
  const zoneCaps = new Map(rules.zones.zones.map((z) => [z.id, z.maxDepthMm]));

  const base = {
    client: course.client ?? plan.client,
    lastSession: last ? { number: done.length, date: last.date } : null,
    intervalWeeks: { ...interval },
    today,
    plannedOn: plan.plannedOn,
    rules: { version: rules.ruleset.version, sha256: rules.sha256 },
    planRules: { version: plan.rules.version, sha256: plan.rules.sha256 },
  };

  if (plan.status === 'not-eligible' || of === 0) {
    why.add('status', 'screening', 'the plan found the client not eligible now: no session is planned; plan again when that has changed');
    return { ...base, status: 'not-eligible', session: { number: 0, of }, date: null, zones: [], rationale: why.entries, daysOverdue: 0, review: null, maintenance: null, hold: null };
  }

  if (last && done.length >= of) {
    const review = { date: addMonths(last.date, followUp.reviewMonthsAfterLast) };
    const maintenance = { date: addMonths(last.date, adaptation.maintenanceMonthsAfterLast) };
    why.add('status', 'sessions', `all ${of} sessions of the course are done (the last on ${last.date})`);
    why.add('review', `care/${followUp.id}`, `results review ${followUp.reviewMonthsAfterLast} months after the last session: ${review.date}`);
    why.add('maintenance', ruleId, `maintenance ${adaptation.maintenanceMonthsAfterLast} months after the last session: ${maintenance.date}`);
    return { ...base, status: 'complete', session: { number: done.length, of }, date: null, zones: [], rationale: why.entries, daysOverdue: 0, review, maintenance, hold: null };
  }

  const number = done.length + 1;
  const lastActions = last ? actionsOf(last, rules) : [];
  const holdBy = lastActions.find((a) => a.action === 'hold');
  const adaptAll = lastActions.find((a) => a.action === 'adapt');

  // Depth per zone. Zones held back by an in-area condition are not treated at all.
  const treated = plan.zones.filter((z) => (z as { treated?: boolean }).treated !== false);
  let adapted = false;
  const zones: NextZone[] = treated.map((z) => {
    const field = `zones.${z.zone}.depthMm`;
    const recent = [...done].reverse().find((s) => s.zones.some((x) => x.zone === z.zone));
    const lastMm = recent?.zones.find((x) => x.zone === z.zone)?.depthMm ?? null;
    const cap = Math.min(z.capMm, zoneCaps.get(z.zone) ?? z.capMm);
    let milli = toMilli(z.depthMm);
    if (lastMm !== null && toMilli(lastMm) < milli) {
      milli = toMilli(lastMm);
      why.add(field, ruleId, `${z.zone}: kept at ${fmt(lastMm)} mm, the depth used at session ${done.indexOf(recent!) + 1}; the planner does not go deeper on its own (the plan allows ${fmt(z.depthMm)} mm)`);
    }
    // What the last session says about this zone.
    const usedLast = last?.zones.find((x) => x.zone === z.zone);
    const reasons: string[] = [];
    if (usedLast && last!.healedDays !== null) {
      const band = bandFor(rules, usedLast.depthMm);
      if (last!.healedDays > band.days.max)
        reasons.push(`redness lasted ${last!.healedDays} days after ${fmt(usedLast.depthMm)} mm, longer than the ${band.days.max} days of the ${band.id} band`);
    }
    if (usedLast && adaptAll) reasons.push(`session ${done.length} had ${adaptAll.reason}`);
    if (reasons.length && adaptation.stepsShallower > 0) {
      adapted = true;
      const wanted = milli - adaptation.stepsShallower * toMilli(device.stepMm);
      const floor = toMilli(device.depthMm.min);
      milli = Math.max(wanted, floor);
      const steps = adaptation.stepsShallower === 1 ? 'one device step' : `${adaptation.stepsShallower} device steps`;
      why.add(
        field,
        ruleId,
        `${z.zone}: ${reasons.join(' and ')}: ${steps} shallower, ${fmt(milli / MILLI)} mm` +
          (wanted < floor ? ` (the device's shallowest setting; ${fmt(wanted / MILLI)} mm is below it)` : '') +
          (adaptation.assumption ? ' (project assumption)' : ''),
      );
    } else if (reasons.length) {
      adapted = true;
      why.add(field, ruleId, `${z.zone}: ${reasons.join(' and ')}; the adaptation rules take no step shallower`);
    }
    // Never deeper than the plan or the zone cap (a clinic may have lowered the cap since).
    const capped = Math.min(milli, toMilli(z.depthMm), toMilli(cap));
    if (capped < milli) why.add(field, `zones/${z.zone}`, `${z.zone}: capped at ${fmt(capped / MILLI)} mm (the plan and the zone cap)`);
    if (capped === toMilli(z.depthMm) && lastMm === null) why.add(field, 'plan', `${z.zone}: ${fmt(z.depthMm)} mm as planned`);
    else if (capped === toMilli(z.depthMm) && !reasons.length) why.add(field, 'plan', `${z.zone}: ${fmt(z.depthMm)} mm as planned; session ${done.length} gave no reason to change it`);
    return { zone: z.zone, label: z.label, depthMm: capped / MILLI, plannedMm: z.depthMm, lastMm };
  });

  // The date: from the last session actually done, never from the old schedule.
  const gapDaysMin = Math.round(interval.min * 7);
  let date: string;
  if (!last) {
    const suggested = (plan as { suggestedStart?: string | null }).suggestedStart ?? null;
    const first = plan.schedule[0]?.date ?? suggested ?? plan.plannedOn;
    date = plan.earliestStart ? laterOf(first, plan.earliestStart) : first;
    why.add('date', plan.schedule[0] ? 'schedule' : 'plan', plan.schedule[0] ? `session 1 as planned: ${date}` : `session 1: no start date was planned, so from ${date}`);
  } else {
    let weeks = interval.min;
    if (adapted && adaptation.weeksLater > 0) {
      const later = interval.min + adaptation.weeksLater;
      if (later <= interval.max) weeks = later;
      else if (interval.max > interval.min) weeks = interval.max;
      else weeks = later;
      const where =
        later <= interval.max
          ? `within the course's ${fmt(interval.min)}-${fmt(interval.max)} week range`
          : interval.max > interval.min
            ? `the longest the ${fmt(interval.min)}-${fmt(interval.max)} week range allows`
            : `beyond the course's ${fmt(interval.min)}-week interval, which has no range to stay within`;
      why.add('date', ruleId, `after slow healing or a reaction the session waits ${fmt(weeks - interval.min)} week${weeks - interval.min === 1 ? '' : 's'} longer: ${fmt(weeks)} weeks after session ${done.length}, ${where}`);
    }
    date = addDays(last.date, Math.round(weeks * 7));
    why.add('date', 'intervalWeeks', `${fmt(weeks)} weeks after the last session done (session ${done.length} on ${last.date}): ${date}`);
    const planned = plan.schedule.find((s) => s.session === number)?.date;
    if (planned && planned !== date)
      why.add('date', 'intervalWeeks', `the plan had ${planned}; dates count from the session actually done, so the rest of the course moves with it`);
  }

  const remainingAfter = of - number;
  const reviewDate = addMonths(addDays(date, remainingAfter * gapDaysMin), followUp.reviewMonthsAfterLast);
  const review = { date: reviewDate };
  const maintenance = { date: addMonths(addDays(date, remainingAfter * gapDaysMin), adaptation.maintenanceMonthsAfterLast) };

  if (holdBy && last) {
    why.add('status', ruleId, `session ${done.length} (${last.date}) had ${holdBy.reason}: the course is on hold until the practitioner reviews it; recording the next session lifts the hold`);
    return {
      ...base,
      status: 'needs-review',
      session: { number, of },
      date: null,
      zones,
      rationale: why.entries,
      daysOverdue: 0,
      review: null,
      maintenance: null,
      hold: { session: done.length, reason: holdBy.reason },
    };
  }
  if (plan.status === 'needs-clearance')
    why.add('status', 'screening', 'the plan needs a physician\'s clearance: confirm it before this session');
  const overdue = Math.max(0, daysBetween(date, today));
  return { ...base, status: 'due', session: { number, of }, date, zones, rationale: why.entries, daysOverdue: overdue, review, maintenance, hold: null };
}
