// `history <client>` (every course and session, amendments beside the originals),
// `show <client>` (the stored plan re-rendered exactly as it was planned, never re-planned)
// and `forget <client>` (erases the client and every record, then compacts the file).
import { UserError } from '../errors.js';
import { emit } from '../shell/atomic-write.js';
import { chalkPaint, useColor } from '../shell/color.js';
import { textWidth } from '../shell/width.js';
import { withRecords } from '../records/open.js';
import { FORMAT_INFO, loadRenderer, type Format } from '../render/index.js';
import { renderHistory, type HistoryFormat } from '../render/history.js';
import { requireClient, requireCourse, warn } from './records-common.js';
import { nowInstant } from '../shell/today.js';
import type { CourseRecord, RecordsStore, SessionRecord } from '../records/store.js';
import type { CourseStatus, SessionDone } from '../render/fhir/history.js';

/** Completed once every planned session is done; active while sessions remain. */
function courseStatusOf(course: CourseRecord, store: RecordsStore): CourseStatus {
  if (!course.active) return 'superseded';
  const planned = course.plan.sessions.count;
  return planned > 0 && store.sessions(course.id).length >= planned ? 'completed' : 'active';
}

/** A recorded session as FHIR's history input: healing days as amended last. */
function sessionDone(s: SessionRecord): SessionDone {
  const healed = s.amendments.filter((a) => a.field === 'healedDays').at(-1)?.value ?? s.healedDays;
  return { number: s.number, date: s.date, zones: s.zones, passes: s.passes, reaction: s.reaction, healedDays: healed, lot: s.lot, note: s.note };
}

export interface HistoryOptions {
  format: HistoryFormat | 'fhir';
  output?: string;
  db?: string;
}

export async function runHistory(clientName: string, options: HistoryOptions): Promise<void> {
  const text = await withRecords(options.db, async (store) => {
    const client = requireClient(store, clientName);
    if (options.format === 'fhir') {
      // The active course as an EHR takes it: the CarePlan and a Procedure per session done.
      const course = requireCourse(store, client);
      const { renderHistoryFhir } = await import('../render/fhir/index.js');
      return renderHistoryFhir({ plan: course.plan, courseStatus: courseStatusOf(course, store), sessions: store.sessions(course.id).map(sessionDone) }, { timestamp: nowInstant() });
    }
    const courses = store.courses(client.id).map((course) => ({ course, sessions: store.sessions(course.id) }));
    return renderHistory(client.name, courses, options.format);
  });
  emit(text, options.output);
}

export interface ShowOptions {
  format: Format;
  output?: string;
  db?: string;
  course?: string;
  explain?: boolean;
  color: boolean;
}

export async function runShow(clientName: string, options: ShowOptions): Promise<void> {
  const { plan, active } = await withRecords(options.db, (store) => {
    const client = requireClient(store, clientName);
    if (options.course === undefined) return requireCourse(store, client);
    const courses = store.courses(client.id);
    const found = courses.find((c) => String(c.number) === options.course!.trim());
    if (!found) throw new UserError(`--course ${options.course}: ${client.name} has course${courses.length === 1 ? '' : 's'} ${courses.map((c) => c.number).join(', ')}`);
    return found;
  });
  const toStdout = options.output === undefined || options.output === '-';
  const color = toStdout && options.format === 'text' && useColor({ flag: options.color, env: process.env, isTTY: Boolean(process.stdout.isTTY) });
  const render = await loadRenderer(options.format);
  const unavailable = FORMAT_INFO[options.format].unavailable?.(plan);
  if (unavailable) throw new UserError(`--format ${options.format}: ${unavailable}`);
  const paint = color ? await chalkPaint() : undefined;
  emit(render(plan, { color, explain: options.explain ?? false, saved: active, timestamp: nowInstant(), width: toStdout ? textWidth(process.stdout) : 80, ...(paint ? { paint } : {}) } as Parameters<typeof render>[1]), options.output);
}

export interface ForgetOptions {
  yes?: boolean;
  input: boolean;
  db?: string;
}

export async function runForget(clientName: string, options: ForgetOptions): Promise<void> {
  await withRecords(options.db, async (store) => {
    const client = requireClient(store, clientName);
    if (!options.yes) {
      if (!options.input || !process.stdin.isTTY)
        throw new UserError(`forget erases ${client.name} and every record for good; pass --yes to confirm without a terminal to ask on`);
      const { confirm } = await import('@inquirer/prompts');
      const courses = store.courses(client.id).length;
      const ok = await confirm(
        { message: `Erase ${client.name} (${courses} course${courses === 1 ? '' : 's'} and every session) from ${store.file}? This cannot be undone.`, default: false },
        { output: process.stderr },
      );
      if (!ok) {
        process.stderr.write('Nothing erased.\n');
        return;
      }
    }
    const { walCleared } = store.forget(client.id);
    if (!walCleared) warn('another program has the database open: old pages stay in its write-ahead log until every program using it has closed it');
    process.stdout.write(`Erased ${client.name} and every record from ${store.file}\n`);
  });
}
