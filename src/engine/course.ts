// Number of sessions and the spacing between them. One visit treats every area, so the
// most demanding concern over all treated areas sets the count; the interval is one every
// one of them accepts.
import type { Course, RuleSet, Severity } from '../rules/schema.js';
import type { AreaAnswer } from '../intake/areas.js';
import type { Finding, MinMax } from './types.js';
import type { Rationale } from './rationale.js';
import { span } from '../text/numbers.js';
import { prepared } from './prepared.js';

export interface CoursePlan {
  sessions: { count: number; min: number; max: number };
  intervalWeeks: MinMax;
  /** The course that set the count (the most demanding concern's). */
  courseId: string;
  findings: Finding[];
}

export function planCourse(areas: readonly AreaAnswer[], rules: RuleSet, why: Rationale): CoursePlan {
  const p = prepared(rules);
  // One pass over every concern of every area (plain loops: this runs for every batch row):
  // the lead is the first with the highest count; the session range is the widest, the
  // interval the overlap of every course's.
  let lead: { id: string; severity: Severity; zone: string; course: Course; count: number } | undefined;
  let picked = 0;
  let min = 0;
  let max = 0;
  let intervalMin = -Infinity;
  let intervalMax = Infinity;
  const courseIds: string[] = [];
  for (const a of areas)
    for (const c of a.concerns) {
      const concern = p.concern(c.id);
      const course = concern.course[c.severity];
      const count = concern.count[c.severity];
      if (!lead || count > lead.count) lead = { id: c.id, severity: c.severity, zone: a.zone, course, count };
      if (picked++ === 0 || course.sessions.min > min) min = course.sessions.min;
      if (picked === 1 || course.sessions.max > max) max = course.sessions.max;
      if (course.intervalWeeks.min > intervalMin) intervalMin = course.intervalWeeks.min;
      if (course.intervalWeeks.max < intervalMax) intervalMax = course.intervalWeeks.max;
      if (!courseIds.includes(course.id)) courseIds.push(course.id);
    }
  if (!lead) throw new Error('a course needs at least one concern');
  const sessions = { count: lead.count, min, max };
  const leadConcern = p.concern(lead.id);
  if (why.on) {
    why.add('sessions', `courses/${lead.course.id}`, `${lead.id} (${lead.severity}${areas.length > 1 ? `, ${lead.zone}` : ''}) ${leadConcern.takes[lead.severity]}`);
    why.add(
      'sessions',
      p.sessionCountRuleId,
      `${p.sitsAt[lead.severity]}${sessions.count} sessions` +
        (picked > 1 ? `; the most demanding concern${areas.length > 1 ? ' over all areas (one visit treats every area)' : ''} sets the count` : ''),
    );
  }

  // The interval every concern accepts: the overlap of their ranges.
  const findings: Finding[] = [];
  let intervalWeeks = { min: intervalMin, max: intervalMax };
  if (intervalWeeks.min > intervalWeeks.max) {
    intervalWeeks = { ...lead.course.intervalWeeks };
    const message = `The courses ${courseIds.join(', ')} share no interval; using ${span(intervalWeeks, 'weeks')} from ${lead.course.id}.`;
    findings.push({ code: 'interval-conflict', outcome: 'caution', message, clientMessage: message, ruleId: `courses/${lead.course.id}` });
    if (why.on) why.add('intervalWeeks', `courses/${lead.course.id}`, message);
  } else if (why.on) {
    why.add(
      'intervalWeeks',
      `courses/${lead.course.id}`,
      `${span(intervalWeeks, 'weeks')} apart` +
        (courseIds.length > 1 ? `: the interval every course (${courseIds.join(', ')}) accepts` : ` (${lead.course.label.toLowerCase()})`),
    );
  }
  return { sessions, intervalWeeks, courseId: lead.course.id, findings };
}
