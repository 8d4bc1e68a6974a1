// Counting what happened to every row, and the stderr summary a person reads after a batch.
// rows read = planned + rejected, always: every row read is either planned or rejected.
import { STATUSES, type Status } from '../engine/types.js';

export class Tally {
  /** Rows with at least one non-empty cell (counted apart, so the invariant can be checked). */
  read = 0;
  planned = 0;
  rejected = 0;
  readonly byStatus: Record<Status, number> = { ready: 0, 'needs-clearance': 0, unscreened: 0, 'not-eligible': 0 };

  addPlan(status: Status): void {
    this.planned++;
    this.byStatus[status]++;
  }

  addReject(): void {
    this.rejected++;
  }
}

export interface SummaryContext {
  /** Where the rejected rows went, if anywhere. */
  rejectsPath?: string | undefined;
  /** Rejected rows not echoed on stderr (the rejects file has them all). */
  notShown: number;
}

export function formatSummary(tally: Tally, ctx: SummaryContext): string {
  const statuses = STATUSES.map((s) => `${s} ${tally.byStatus[s]}`).join(', ');
  const lines = [`rows read: ${tally.read}`, `planned: ${tally.planned} (${statuses})`];
  let rejected = `rejected: ${tally.rejected}`;
  if (tally.rejected && ctx.rejectsPath) rejected += ` (written to ${ctx.rejectsPath}${ctx.notShown ? `; ${ctx.notShown} not listed above` : ''})`;
  else if (tally.rejected) rejected += ' (listed above; --rejects <file> writes them as CSV to fix and rerun)';
  lines.push(rejected);
  return `${lines.join('\n')}\n`;
}
