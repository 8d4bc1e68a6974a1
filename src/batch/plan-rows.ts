// The row stage: one data row in, its plan or the reason it was rejected out, planned
// exactly as `plan` does (for a CSV row without the rationale, which it has no column for).
// Everything that is the same for every row (columns, tables, the compiled intake schema)
// is built once per file by rowHandler.
//
// A row's answers take the fast way first (intake/normalise.ts: plain code, then one
// compiled zod schema); only a row it cannot take goes through parseIntake, which gives the
// same intake or the messages the row is rejected with.
import type { IntakeResult, RawIntake } from '../intake/schema.js';
import { parseIntake } from '../intake/schema.js';
import { normaliser } from '../intake/normalise.js';
import { inWindow, startWindow } from '../intake/date-window.js';
import { plan } from '../engine/plan.js';
import type { Plan } from '../engine/types.js';
import type { RuleSet } from '../rules/schema.js';
import { UserError } from '../errors.js';
import type { Columns } from './columns.js';
import { describeProblems, extraCells, issueProblems, rowReader, type RowProblem } from './rows.js';
import { exportCells, noScreeningAnswersFinding, type ExportOptions } from './export-cells.js';
import { screeningTable } from './screening-cells.js';

/** One row's answers -> the intake, or the reasons it was rejected. */
export function rowIntake(rules: RuleSet, today: string): (raw: RawIntake) => IntakeResult {
  const fast = normaliser(rules);
  const window = startWindow(today);
  return (raw) => {
    const intake = fast(raw);
    // A start outside the planning window goes the slow way, which says so.
    if (intake && (intake.start === null || inWindow(intake.start, window))) return { ok: true, intake };
    return parseIntake(raw, rules, today);
  };
}

/** A planned row, or the one line saying why it was rejected. */
export type RowResult = { plan: Plan; error?: undefined } | { plan?: undefined; error: string };

export interface RowOptions extends ExportOptions {
  /** Whether plans carry their rationale: NDJSON writes it; a CSV row has no column for it. */
  rationale: boolean;
}

/** Everything per file done once: a function from a data row to its plan or its rejection. */
export function rowHandler(columns: Columns, rules: RuleSet, options: RowOptions): (record: readonly string[]) => RowResult {
  const readRow = rowReader(columns);
  const readExport = exportCells(columns, screeningTable(rules), options);
  const intakeOf = rowIntake(rules, options.today);
  const planOptions = { rationale: options.rationale };
  return (record) => {
    const extra = extraCells(record, columns.header);
    const raw = readRow(record);
    const extras = readExport(record, raw);
    const read = intakeOf(raw);
    if (!extra && !extras.problems.length && read.ok) {
      const planned = plan(read.intake, rules, options.today, planOptions);
      if (extras.noScreeningAnswers) planned.findings.push({ ...noScreeningAnswersFinding });
      return { plan: planned };
    }
    // Every problem of the row together, so one fix of the file fixes it (a row with one is not planned).
    const problems: RowProblem[] = [...(extra ? [extra] : []), ...extras.problems, ...(read.ok ? [] : issueProblems(read.issues, columns))];
    return { error: describeProblems(problems) };
  };
}

export const emptyFile = (source: string) =>
  new UserError(`${source} is empty: no header row (expected a CSV export with columns such as client, concerns, zones, fitzpatrick)`);
