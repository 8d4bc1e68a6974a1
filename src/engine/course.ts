// Number of sessions and the spacing between them. One visit treats every area, so the
// most demanding concern over all treated areas sets the count; the interval is one every
// one of them accepts.
import type { Course, RuleSet, Severity } from '../rules/schema.js';
import type { AreaAnswer } from '../intake/areas.js';
import type { Finding, MinMax } from './types.js';
import type { Rationale } from './rationale.js';
import { span } from '../text/numbers.js';
import { lookup } from './lookup.js';

export interface CoursePlan {
  sessions: { count: number; min: number; max: number };
  intervalWeeks: MinMax;
  /** The course that set the count (the most demanding concern's). */
  courseId: string;
  findings: Finding[];
}

/** Where a severity sits in the course's range: mild the low end, severe the high end. */
function countFor(course: Course, severity: Severity, rules: RuleSet): number {
  const position = rules.adjustments.sessionCount.position[severity];
  const { min, max } = course.sessions;
  return min + Math.ceil((max - min) * position);
}

export function planCourse(areas: readonly AreaAnswer[], rules: RuleSet, why: Rationale): CoursePlan {
  const find = lookup(rules);
  const picked = areas.flatMap((a) =>
    a.concerns.map((c) => {
      const course = find.course(find.concern(c.id).course[c.severity]);
      return { ...c, zone: a.zone, course, count: countFor(course, c.severity, rules) };
    }),
  );
  const lead = picked.reduce((a, b) => (b.count > a.count ? b : a));
  const sessions = {
    count: lead.count,
    min: Math.max(...picked.map((p) => p.course.sessions.min)),
    max: Math.max(...picked.map((p) => p.course.sessions.max)),
  };
  why.add(
    'sessions',
    `courses/${lead.course.id}`,
    `${lead.id} (${lead.severity}${areas.length > 1 ? `, ${lead.zone}` : ''}) takes the ${lead.course.label.toLowerCase()} of ${span(lead.course.sessions, 'sessions')}`,
  );
  why.add(
    'sessions',
    `adjustments/${rules.adjustments.sessionCount.id}`,
    `${lead.severity} sits at ${Math.round(rules.adjustments.sessionCount.position[lead.severity] * 100)}% of the range: ${sessions.count} sessions` +
      (picked.length > 1 ? `; the most demanding concern${areas.length > 1 ? ' over all areas (one visit treats every area)' : ''} sets the count` : ''),
  );

  // The interval every concern accepts: the overlap of their ranges.
  const findings: Finding[] = [];
  let intervalWeeks = {
    min: Math.max(...picked.map((p) => p.course.intervalWeeks.min)),
    max: Math.min(...picked.map((p) => p.course.intervalWeeks.max)),
  };
  const courseIds = [...new Set(picked.map((p) => p.course.id))];
  if (intervalWeeks.min > intervalWeeks.max) {
    intervalWeeks = { ...lead.course.intervalWeeks };
    const message = `The courses ${courseIds.join(', ')} share no interval; using ${span(intervalWeeks, 'weeks')} from ${lead.course.id}.`;
    findings.push({ code: 'interval-conflict', outcome: 'caution', message, clientMessage: message, ruleId: `courses/${lead.course.id}` });
    why.add('intervalWeeks', `courses/${lead.course.id}`, message);
  } else {
    why.add(
      'intervalWeeks',
      `courses/${lead.course.id}`,
      `${span(intervalWeeks, 'weeks')} apart` +
        (courseIds.length > 1 ? `: the interval every course (${courseIds.join(', ')}) accepts` : ` (${lead.course.label.toLowerCase()})`),
    );
  }
  return { sessions, intervalWeeks, courseId: lead.course.id, findings };
}
