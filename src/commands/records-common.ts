// What the records commands share: finding a client by name (unknown -> exit 2 with the
// nearest names), the session records as the engine reads them, the due columns a course
// keeps, and flag errors from zod in the CLI's words.
import type { z } from 'zod';
import { UserError } from '../errors.js';
import { suggest } from '../text/names.js';
import { nextSession, type NextSession, type SessionInput } from '../engine/next-session.js';
import type { RuleSet } from '../rules/schema.js';
import type { ClientRecord, CourseDue, CourseRecord, RecordsStore, SessionRecord } from '../records/store.js';

export function requireClient(store: RecordsStore, name: string): ClientRecord {
  const found = store.findClient(name);
  if (found) return found;
  const names = store.clientNames();
  const guess = names.length ? suggest(name, names.map((n) => ({ id: n, label: n, aliases: [] }))) : undefined;
  const some = names.slice(0, 10).join(', ') + (names.length > 10 ? `, … (${names.length} in all)` : '');
  throw new UserError(
    `no client "${name}" in ${store.file}` +
      (guess ? `; did you mean ${guess}?` : names.length ? `; clients: ${some}` : '; it has no clients yet (save a plan with "needleplan plan --client NAME --save")'),
  );
}

export function requireCourse(store: RecordsStore, client: ClientRecord): CourseRecord {
  const course = store.activeCourse(client.id);
  if (!course) throw new UserError(`${client.name} has no course; save one with "needleplan plan --client ${JSON.stringify(client.name)} --save"`);
  return course;
}

/** A session as the engine reads it: the latest amendment of the healing days wins. */
export function sessionInput(s: SessionRecord): SessionInput {
  const healed = s.amendments.filter((a) => a.field === 'healedDays').at(-1);
  return {
    number: s.number,
    date: s.date,
    zones: s.zones,
    passes: s.passes,
    reaction: s.reaction,
    healedDays: healed ? healed.value : s.healedDays,
    adverseEvent: s.adverseEvent,
  };
}

export function nextFor(course: CourseRecord, sessions: readonly SessionRecord[], rules: RuleSet, today: string): NextSession {
  return nextSession({ client: course.client, plan: course.plan }, sessions.map(sessionInput), rules, today);
}

/** The columns `due` reads, from the engine's answer. */
export function dueOf(next: NextSession): CourseDue {
  return {
    status: next.status,
    session: next.status === 'due' ? next.session.number : null,
    date: next.date,
    lastSession: next.lastSession?.date ?? null,
  };
}

/** "--healed-days: Too small: expected number to be >=0" from zod's issues, one line each. */
export function flagIssues(error: z.ZodError, names: Record<string, string>): UserError {
  const lines = error.issues.map((i) => {
    const key = String(i.path[0] ?? '');
    return `${names[key] ?? `--${key}`}: ${i.message}`;
  });
  return new UserError(lines.join('\n'));
}

export const warn = (text: string) => process.stderr.write(`needleplan: warning: ${text}\n`);
