// `needleplan due`: clients with a session due by a date (--on, default today) or within
// N days of it, overdue first. One query over the due columns; no plan is read.
import { z } from 'zod';
import { today } from '../cli/today.js';
import { emit } from '../cli/output.js';
import { addDays, daysBetween } from '../engine/dates.js';
import { withRecords } from '../records/open.js';
import { renderDue, type DueFormat } from '../render/due.js';
import { flagIssues } from './records-common.js';

export interface DueOptions {
  on?: string;
  within?: string;
  format: DueFormat;
  output?: string;
  db?: string;
}

const Flags = z.strictObject({
  on: z.iso.date('a date as YYYY-MM-DD').optional(),
  within: z.string().trim().regex(/^\d+$/, 'a whole number of days').transform(Number).pipe(z.number().int().max(3660, 'at most 3660 days')).optional(),
});

export async function runDue(options: DueOptions): Promise<void> {
  const parsed = Flags.safeParse({ on: options.on, within: options.within });
  if (!parsed.success) throw flagIssues(parsed.error, { on: '--on', within: '--within' });
  const on = parsed.data.on ?? today();
  const by = addDays(on, parsed.data.within ?? 0);
  const rows = await withRecords(options.db, (store) => store.due(by));
  const items = rows.map((r) => ({ ...r, daysOverdue: Math.max(0, daysBetween(r.due, on)) }));
  emit(renderDue({ on, by, items }, options.format), options.output);
}
