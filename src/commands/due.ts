// `needleplan due`: clients with a session due by a date (--on, default today) or within
// N days of it, overdue first. One query over the due columns; no plan is read.
// Its two flags are checked by hand, not with zod: loading zod would be a third of the
// command's start-up, and `due` is the one a clinic runs every morning (bench:due).
import { UserError } from '../errors.js';
import { today } from '../shell/today.js';
import { emit } from '../shell/atomic-write.js';
import { addDays, daysBetween } from '../engine/dates.js';
import { withRecords } from '../records/open.js';
import { renderDue, type DueFormat } from '../render/due.js';

export interface DueOptions {
  on?: string;
  within?: string;
  format: DueFormat;
  output?: string;
  db?: string;
}

/** A real calendar date as YYYY-MM-DD (2027-02-30 is not one). */
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && addDays(s, 0) === s;

export async function runDue(options: DueOptions): Promise<void> {
  const problems: string[] = [];
  if (options.on !== undefined && !isDate(options.on.trim())) problems.push(`--on ${options.on}: a date as YYYY-MM-DD`);
  const within = options.within?.trim();
  if (within !== undefined && !(/^\d+$/.test(within) && Number(within) <= 3660)) problems.push(`--within ${options.within}: a whole number of days, at most 3660`);
  if (problems.length) throw new UserError(problems.join('\n'));
  const on = options.on?.trim() ?? today();
  const by = addDays(on, within === undefined ? 0 : Number(within));
  const rows = await withRecords(options.db, (store) => store.due(by));
  const items = rows.map((r) => ({ ...r, daysOverdue: Math.max(0, daysBetween(r.due, on)) }));
  emit(renderDue({ on, by, items }, options.format), options.output);
}
