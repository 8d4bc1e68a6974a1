// A client's history: every course (the plan's outline and rules fingerprint) and every
// session with its amendments, original values kept beside them. Text and JSON.
// The shapes it reads are declared here (render/ sits below records/ and never imports it);
// the store's records fit them as they are.
import type { Plan } from '../engine/types.js';

export interface HistoryCourse {
  course: { number: number; active: boolean; createdOn: string; plan: Plan; rulesVersion: string; rulesSha256: string };
  sessions: {
    number: number;
    date: string;
    zones: { zone: string; depthMm: number }[];
    passes: number | null;
    reaction: string | null;
    healedDays: number | null;
    adverseEvent: string | null;
    lot: string | null;
    note: string | null;
    recordedAt: string;
    rulesSha256: string;
    amendments: { field: string; value: number; recordedAt: string }[];
  }[];
}

export const HISTORY_FORMATS = ['text', 'json'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];

export function renderHistory(client: string, courses: readonly HistoryCourse[], format: HistoryFormat): string {
  if (format === 'json')
    return `${JSON.stringify(
      {
        client,
        courses: courses.map(({ course, sessions }) => ({
          number: course.number,
          active: course.active,
          createdOn: course.createdOn,
          status: course.plan.status,
          sessions: { planned: course.plan.sessions.count, done: sessions.length },
          intervalWeeks: course.plan.intervalWeeks,
          zones: course.plan.zones.map((z) => ({ zone: z.zone, depthMm: z.depthMm })),
          rules: { version: course.rulesVersion, sha256: course.rulesSha256 },
          records: sessions.map((s) => ({
            number: s.number,
            date: s.date,
            zones: s.zones,
            passes: s.passes,
            reaction: s.reaction,
            healedDays: s.healedDays,
            adverseEvent: s.adverseEvent,
            lot: s.lot,
            note: s.note,
            recordedAt: s.recordedAt,
            rulesSha256: s.rulesSha256,
            amendments: s.amendments.map((a) => ({ field: a.field, value: a.value, recordedAt: a.recordedAt })),
          })),
        })),
      },
      null,
      2,
    )}\n`;
  const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f]/g, ' ');
  const lines = [`History for ${clean(client)}: ${courses.length} course${courses.length === 1 ? '' : 's'}`];
  for (const { course, sessions } of courses) {
    const p = course.plan;
    lines.push(
      '',
      `Course ${course.number}${course.active ? ' (active)' : ''}: planned ${course.createdOn}, ${p.status}, ${sessions.length} of ${p.sessions.count} sessions done, every ${p.intervalWeeks.min}-${p.intervalWeeks.max} weeks`,
      `  Planned depth: ${p.zones.map((z) => `${z.zone} ${z.depthMm} mm`).join(', ')}`,
      `  Rules: ${course.rulesVersion}, sha256 ${course.rulesSha256}`,
    );
    for (const s of sessions) {
      const parts = [s.zones.map((z) => `${z.zone} ${z.depthMm} mm`).join(', ')];
      if (s.passes !== null) parts.push(`${s.passes} passes`);
      if (s.reaction !== null) parts.push(`reaction ${s.reaction}`);
      if (s.healedDays !== null) parts.push(`healed in ${s.healedDays} days`);
      if (s.adverseEvent !== null) parts.push(`adverse event: ${clean(s.adverseEvent)}`);
      if (s.lot !== null) parts.push(`lot ${clean(s.lot)}`);
      lines.push(`  Session ${s.number}  ${s.date}  ${parts.join('; ')}`);
      if (s.note !== null) lines.push(`    Note: ${clean(s.note)}`);
      for (const a of s.amendments)
        lines.push(`    Amended ${a.recordedAt.slice(0, 10)}: healed in ${a.value} days (${s.healedDays === null ? "not given at the session" : `${s.healedDays} days when recorded`})`);
    }
  }
  return `${lines.join('\n')}\n`;
}
