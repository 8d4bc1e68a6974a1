// The row stage: CSV records in, output records out. The header row picks the columns
// (and opens the rejects file under the same headers); every later row is read, checked
// through the intake and planned exactly as `plan` does, or rejected with its line and
// reasons. Blank rows are skipped, never counted.
//
// A row's answers take the fast way first (intake/normalise.ts: plain code, then one
// compiled zod schema); only a row it cannot take goes through parseIntake, which gives the
// same intake or the messages the row is rejected with.
import type { IntakeIssue, RawIntake } from '../intake/schema.js';
import { parseIntake } from '../intake/schema.js';
import { normaliser } from '../intake/normalise.js';
import { plan } from '../engine/plan.js';
import type { Plan } from '../engine/types.js';
import type { RuleSet } from '../rules/schema.js';
import { UserError } from '../errors.js';
import type { Columns } from './columns.js';
import type { LineCounter } from './records.js';
import { describeProblems, extraCells, isBlank, issueProblems, rowReader, type RowProblem } from './rows.js';
import { planCells, planJsonLine, PLAN_COLUMNS } from './output.js';
import type { Tally } from './summary.js';
import { exportCells, noScreeningAnswersFinding, type ExportOptions } from './export-cells.js';
import { screeningTable } from './screening-cells.js';

export type RowOutcome = { ok: true; plan: Plan } | { ok: false; issues: IntakeIssue[] };

/** One row's answers -> a plan or the reasons it was rejected: the intake, then plan. */
export function rowPlanner(rules: RuleSet, today: string): (raw: RawIntake) => RowOutcome {
  const fast = normaliser(rules);
  return (raw) => {
    const intake = fast(raw);
    if (intake) return { ok: true, plan: plan(intake, rules, today) };
    const parsed = parseIntake(raw, rules);
    return parsed.ok ? { ok: true, plan: plan(parsed.intake, rules, today) } : parsed;
  };
}

/** A planned row, or the one line saying why it was rejected. */
export type RowResult = { plan: Plan; error?: undefined } | { plan?: undefined; error: string };

/** Everything per file done once: a function from a data row to its plan or its rejection. */
export function rowHandler(columns: Columns, rules: RuleSet, options: ExportOptions): (record: readonly string[]) => RowResult {
  const readRow = rowReader(columns);
  const readExport = exportCells(columns, screeningTable(rules), options);
  const planRow = rowPlanner(rules, options.today);
  return (record) => {
    const extra = extraCells(record, columns.header);
    const raw = readRow(record);
    const extras = readExport(record, raw);
    const outcome = planRow(raw);
    if (!extra && !extras.problems.length && outcome.ok) {
      if (extras.noScreeningAnswers) outcome.plan.findings.push({ ...noScreeningAnswersFinding });
      return { plan: outcome.plan };
    }
    // Every problem of the row together, so one fix of the file fixes it.
    const problems: RowProblem[] = [...(extra ? [extra] : []), ...extras.problems, ...(outcome.ok ? [] : issueProblems(outcome.issues, columns))];
    return { error: describeProblems(problems) };
  };
}

export interface RowStage {
  rules: RuleSet;
  today: string;
  ndjson: boolean;
  dateFormat?: ExportOptions['dateFormat'];
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

export const emptyFile = (source: string) =>
  new UserError(`${source} is empty: no header row (expected a CSV export with columns such as client, concerns, zones, fitzpatrick)`);

/** The stage as an async generator: the plans' header first (CSV), then one record per planned row. */
export async function* planRows(records: AsyncIterable<string[]>, stage: RowStage): AsyncGenerator<string[] | string> {
  let columns: Columns | undefined;
  let handle: ReturnType<typeof rowHandler> | undefined;
  const { lines, tally, ndjson } = stage;
  for await (const record of records) {
    const line = lines.startOf(record);
    if (isBlank(record)) continue;
    if (!columns) {
      columns = stage.onHeader(record);
      handle = rowHandler(columns, stage.rules, { today: stage.today, dateFormat: stage.dateFormat });
      if (!ndjson) yield [...PLAN_COLUMNS];
      continue;
    }
    tally.read++;
    const result = handle!(record);
    if (result.plan) {
      tally.addPlan(result.plan.status);
      yield ndjson ? planJsonLine(result.plan) : planCells(result.plan, line);
    } else {
      const wait = stage.onReject(line, result.error, record);
      if (wait) await wait; // the rejects file is behind: let it drain
    }
    stage.onProgress(tally.read);
  }
  if (!columns) throw emptyFile(stage.source);
}
