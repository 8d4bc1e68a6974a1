// The row stage: CSV records in, output records out. The header row picks the columns
// (and opens the rejects file under the same headers); every later row is read, checked
// through the one intake schema and planned exactly as `plan` does, or rejected with its
// line and reasons. Blank rows are skipped, never counted.
import type { IntakeIssue, RawIntake } from '../intake/schema.js';
import { parseIntake } from '../intake/schema.js';
import { plan } from '../engine/plan.js';
import type { Plan } from '../engine/types.js';
import type { RuleSet } from '../rules/schema.js';
import { UserError } from '../errors.js';
import type { Columns } from './columns.js';
import type { LineCounter } from './records.js';
import { describeProblems, extraCells, isBlank, issueProblems, rowReader } from './rows.js';
import { planCells, planJsonLine, PLAN_COLUMNS } from './output.js';
import type { Tally } from './summary.js';

export type RowOutcome = { ok: true; plan: Plan } | { ok: false; issues: IntakeIssue[] };

/** One row's answers -> a plan or the reasons it was rejected: parseIntake then plan. */
export function rowPlanner(rules: RuleSet, today: string): (raw: RawIntake) => RowOutcome {
  return (raw) => {
    const parsed = parseIntake(raw, rules, today);
    return parsed.ok ? { ok: true, plan: plan(parsed.intake, rules, today) } : parsed;
  };
}

export interface RowStage {
  rules: RuleSet;
  today: string;
  ndjson: boolean;
  /** Where the export came from, for the "empty file" message. */
  source: string;
  lines: LineCounter;
  tally: Tally;
  /** The header row: resolve the columns, open the rejects file. */
  onHeader(header: string[]): Columns;
  /** A rejected row; a promise when the rejects file wants the stage to wait for it. */
  onReject(line: number, error: string, record: readonly string[]): Promise<unknown> | undefined;
  onProgress(rowsRead: number): void;
}

/** The stage as an async generator: the plans' header first (CSV), then one record per planned row. */
export async function* planRows(records: AsyncIterable<string[]>, stage: RowStage): AsyncGenerator<string[] | string> {
  let columns: Columns | undefined;
  let readRow: ReturnType<typeof rowReader> | undefined;
  const planRow = rowPlanner(stage.rules, stage.today);
  const { lines, tally, ndjson } = stage;
  for await (const record of records) {
    const line = lines.startOf(record);
    if (isBlank(record)) continue;
    if (!columns) {
      columns = stage.onHeader(record);
      readRow = rowReader(columns);
      if (!ndjson) yield [...PLAN_COLUMNS];
      continue;
    }
    tally.read++;
    const extra = extraCells(record, columns.header);
    const outcome = planRow(readRow!(record));
    if (!extra && outcome.ok) {
      tally.addPlan(outcome.plan.status);
      yield ndjson ? planJsonLine(outcome.plan) : planCells(outcome.plan, line);
    } else {
      // Every problem of the row together, so one fix of the file fixes it.
      const problems = [...(extra ? [extra] : []), ...(outcome.ok ? [] : issueProblems(outcome.issues, columns))];
      const wait = stage.onReject(line, describeProblems(problems), record);
      if (wait) await wait; // the rejects file is behind: let it drain
    }
    stage.onProgress(tally.read);
  }
  if (!columns)
    throw new UserError(`${stage.source} is empty: no header row (expected a CSV export with columns such as client, concerns, zones, fitzpatrick)`);
}
