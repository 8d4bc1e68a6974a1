// `needleplan record <client>`: a session done in the client's active course (per-zone
// depth used, passes, reaction, healing days, lot, note, date), or, with --healed-days
// alone, an amendment to the last session (the original stays). Every flag value goes
// through zod; a depth beyond the device is refused, one above the plan is kept with a
// warning, a zone outside the course is refused.
import { mm } from '../text/numbers.js';
import { z } from 'zod';
import { UserError } from '../errors.js';
import { loadRuleSet } from '../shell/rules-source.js';
import { today } from '../shell/today.js';
import { REACTIONS } from '../engine/next-session.js';
import { nameKey } from '../text/names.js';
import { withRecords } from '../records/open.js';
import type { CourseRecord, SessionZone } from '../records/store.js';
import { dueOf, flagIssues, nextFor, requireClient, requireCourse, warn } from './records-common.js';

export interface RecordOptions {
  zone?: string[];
  date?: string;
  passes?: string;
  reaction?: string;
  healedDays?: string;
  adverseEvent?: string;
  lot?: string;
  note?: string;
  db?: string;
  rules?: string;
}

const whole = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `at least ${min}`).max(max, `at most ${max}`));

const Flags = z.strictObject({
  zone: z.array(z.string()).optional(),
  date: z.iso.date('a date as YYYY-MM-DD').optional(),
  passes: whole(1, 20).optional(),
  reaction: z.enum(REACTIONS, `one of ${REACTIONS.join(', ')}`).optional(),
  healedDays: whole(0, 90).optional(),
  adverseEvent: z.string().trim().min(1, 'describe it').max(500).optional(),
  lot: z.string().trim().min(1, 'give the lot').max(100).optional(),
  note: z.string().trim().min(1, 'give the note').max(2000).optional(),
});

const FLAG_NAMES: Record<string, string> = {
  zone: '--zone',
  date: '--date',
  passes: '--passes',
  reaction: '--reaction',
  healedDays: '--healed-days',
  adverseEvent: '--adverse-event',
  lot: '--lot',
  note: '--note',
};


/** "cheeks=1.5,forehead=0.5" against the course's treated zones and the device. */
export function parseZones(specs: readonly string[], course: CourseRecord): { zones: SessionZone[]; warnings: string[] } {
  const plan = course.plan;
  const treated = plan.zones.filter((z) => (z as { treated?: boolean }).treated !== false);
  const byKey = new Map<string, (typeof treated)[number]>();
  for (const z of treated) for (const name of [z.zone, z.label]) byKey.set(nameKey(name), z);
  const valid = treated.map((z) => z.zone).join(', ');
  const zones: SessionZone[] = [];
  const warnings: string[] = [];
  for (const item of specs.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean)) {
    const m = /^([^=]+)=\s*(.*)$/.exec(item);
    if (!m) throw new UserError(`--zone ${item}: give the depth used, as zone=mm (e.g. ${treated[0]?.zone ?? 'cheeks'}=1.5)`);
    const name = m[1]!.trim();
    const planned = byKey.get(nameKey(name));
    if (!planned) throw new UserError(`--zone ${name}: not a zone of ${course.client}'s course; the course treats: ${valid}`);
    const depth = z.coerce.number().finite().positive().safeParse(m[2]!.trim().replace(/mm$/i, '').trim());
    if (!depth.success || m[2]!.trim() === '') throw new UserError(`--zone ${item}: the depth must be a number of mm, e.g. ${planned.zone}=${planned.depthMm}`);
    const mmUsed = depth.data;
    const range = plan.device.depthMm;
    if (mmUsed < range.min - 1e-9 || mmUsed > range.max + 1e-9)
      throw new UserError(`--zone ${item}: ${mm(mmUsed)} is beyond the ${plan.device.name}'s range of ${mm(range.min)} to ${mm(range.max)}`);
    if (zones.some((x) => x.zone === planned.zone)) throw new UserError(`--zone ${planned.zone} is given twice; give each zone once`);
    if (mmUsed > planned.depthMm + 1e-9)
      warnings.push(`${planned.zone}: ${mm(mmUsed)} is deeper than the planned ${mm(planned.depthMm)}${mmUsed > planned.capMm + 1e-9 ? ` and the zone's cap of ${mm(planned.capMm)}` : ''}; recorded as given`);
    zones.push({ zone: planned.zone, depthMm: mmUsed });
  }
  if (zones.length === 0) throw new UserError(`--zone: give the depth used in each zone treated, e.g. --zone ${treated.map((z) => `${z.zone}=${z.depthMm}`).join(',')}`);
  return { zones, warnings };
}

export async function runRecord(clientName: string, options: RecordOptions): Promise<void> {
  const { db, rules: rulesFlag, ...raw } = options;
  const parsed = Flags.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)));
  if (!parsed.success) throw flagIssues(parsed.error, FLAG_NAMES);
  const flags = parsed.data;
  const day = today();
  const amendOnly = flags.zone === undefined && flags.healedDays !== undefined && Object.keys(flags).length === 1;
  if (flags.zone === undefined && !amendOnly)
    throw new UserError(
      flags.healedDays !== undefined
        ? '--healed-days with other session flags records a new session, which needs --zone zone=mm; give --healed-days alone to add the healing time to the last session'
        : '--zone zone=mm is needed to record a session (or --healed-days N alone, to add the healing time to the last session)',
    );
  if (flags.date !== undefined && flags.date > day) throw new UserError(`--date ${flags.date} is after today (${day}): record a session once it is done`);
  const rules = await loadRuleSet(rulesFlag);

  await withRecords(db, (store) => {
    const client = requireClient(store, clientName);
    const course = requireCourse(store, client);
    if (course.plan.status === 'not-eligible' || course.plan.sessions.count === 0)
      throw new UserError(`${client.name}'s saved plan found the client not eligible now, so it has no sessions to record; plan again and save when that has changed`);
    const sessions = store.sessions(course.id);
    const recomputeDue = (all: Parameters<typeof nextFor>[1]) => dueOf(nextFor(course, all, rules, day));

    if (amendOnly) {
      const last = sessions.at(-1);
      if (!last) throw new UserError(`${client.name} has no session recorded yet to add the healing time to; record one with --zone`);
      store.amend(last.id, { field: 'healedDays', value: flags.healedDays!, recordedAt: new Date().toISOString() }, recomputeDue);
      const was = [...last.amendments].reverse().find((a) => a.field === 'healedDays')?.value ?? last.healedDays;
      process.stdout.write(
        `Amended session ${last.number} (${last.date}) of ${client.name}: healed in ${flags.healedDays} days` +
          (was === null ? '' : ` (was ${was}; the original record is kept)`) +
          '\n',
      );
      return;
    }

    const { zones, warnings } = parseZones(flags.zone!, course);
    const date = flags.date ?? day;
    const last = sessions.at(-1);
    if (last && date < last.date) throw new UserError(`--date ${date} is before session ${last.number} (${last.date}); sessions are recorded in the order they were done`);
    const before = nextFor(course, sessions, rules, day);
    if (before.status === 'needs-review') warnings.push(`the course was on hold after session ${before.hold!.session} (${before.hold!.reason}); recording this session lifts the hold`);
    if (before.status === 'complete') warnings.push(`the course planned ${course.plan.sessions.count} sessions; this one is beyond them`);
    else if (before.date && date < before.date) warnings.push(`${date} is earlier than the ${before.date} the course allows (${course.plan.intervalWeeks.min} weeks after the last session)`);
    const untreated = before.zones.filter((z) => !zones.some((x) => x.zone === z.zone)).map((z) => z.zone);
    if (untreated.length && before.status !== 'complete') warnings.push(`no depth given for ${untreated.join(', ')}: recorded as not treated in this session`);
    for (const w of warnings) warn(w);

    const saved = store.addSession(
      course.id,
      {
        date,
        zones,
        passes: flags.passes ?? null,
        reaction: flags.reaction ?? null,
        healedDays: flags.healedDays ?? null,
        adverseEvent: flags.adverseEvent ?? null,
        lot: flags.lot ?? null,
        note: flags.note ?? null,
        rulesSha256: rules.sha256,
        recordedAt: new Date().toISOString(),
      },
      recomputeDue,
    );
    const after = nextFor(course, store.sessions(course.id), rules, day);
    const nextLine =
      after.status === 'due'
        ? `Next: session ${after.session.number} from ${after.date} (needleplan next ${JSON.stringify(client.name)})`
        : after.status === 'needs-review'
          ? `Next: on hold until reviewed (${after.hold!.reason})`
          : after.status === 'complete'
            ? `Course complete; review ${after.review?.date ?? '-'}`
            : '';
    process.stdout.write(
      `Recorded session ${saved.number} of ${course.plan.sessions.count} for ${client.name} on ${date}: ${zones.map((z) => `${z.zone} ${mm(z.depthMm)}`).join(', ')}\n${nextLine}\n`,
    );
  });
}
