// At most a few issues per field: 10,000 unknown --concern values are one problem to fix,
// not 10,000 lines naming every valid id again. Pure.
import type { IntakeIssue } from './schema.js';

/** Issues kept per field before the rest are counted. */
export const ISSUES_PER_FIELD = 5;

export function capIssues(issues: readonly IntakeIssue[], limit = ISSUES_PER_FIELD): IntakeIssue[] {
  const kept: IntakeIssue[] = [];
  const count = new Map<IntakeIssue['field'], number>();
  for (const issue of issues) {
    const n = (count.get(issue.field) ?? 0) + 1;
    count.set(issue.field, n);
    if (n <= limit) kept.push(issue);
  }
  for (const [field, n] of count)
    if (n > limit) {
      const at = kept.findLastIndex((i) => i.field === field);
      kept.splice(at + 1, 0, { field, code: 'invalid', message: `and ${(n - limit).toLocaleString('en-US')} more problems with the same answer` });
    }
  return kept;
}
