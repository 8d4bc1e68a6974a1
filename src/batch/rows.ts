// One CSV row -> the loose answers parseIntake takes, and a rejected row's reasons named by
// the file's own column headers.
import type { IntakeField, IntakeIssue, RawIntake } from '../intake/schema.js';
import { fieldName, type Columns } from './columns.js';

/** Blank lines and rows of empty cells (",,,") are not rows. */
export function isBlank(record: readonly string[]): boolean {
  for (const cell of record) if (cell !== '') return false;
  return true;
}

/** List answers go in as one cell: parseIntake splits them on | ; or , itself. */
const LIST_FIELDS = new Set<IntakeField>(['concerns', 'zones', 'areas', 'conditions']);

/** A function from a row to its answers, by the columns the header resolved to. Missing cells are blank. */
export function rowReader(columns: Columns): (record: readonly string[]) => RawIntake {
  const pairs = Object.entries(columns.index) as [IntakeField, number][];
  // Per column once, not per row: its field, its cell, whether it is a list.
  const fields = pairs.map(([field]) => field);
  const cells = pairs.map(([, at]) => at);
  const lists = fields.map((field) => LIST_FIELDS.has(field));
  return (record) => {
    const raw: Record<string, string | string[] | undefined> = {};
    for (let i = 0; i < fields.length; i++) {
      const cell = record[cells[i]!];
      raw[fields[i]!] = cell === undefined ? undefined : lists[i] ? [cell] : cell;
    }
    return raw as RawIntake;
  };
}

export interface RowProblem {
  /** The header as written in the file, or the field's name when the file has no column for it. */
  column: string;
  message: string;
}

/** Cells beyond the header's width that hold something: the row is shifted, not safe to plan. */
export function extraCells(record: readonly string[], header: readonly string[]): RowProblem | undefined {
  if (record.length <= header.length) return undefined;
  for (let at = header.length; at < record.length; at++)
    if (record[at] !== '')
      return {
        column: `column ${at + 1}`,
        message: `the row has ${record.length} cells but the header has ${header.length} (an unquoted delimiter inside a value?)`,
      };
  return undefined;
}

/** parseIntake's issues, each named by the column the answer came from. */
export function issueProblems(issues: readonly IntakeIssue[], columns: Columns): RowProblem[] {
  return issues.map((issue) => {
    const at = columns.index[issue.field];
    const column = at === undefined ? absentColumn(issue.field, columns) : columns.header[at]!;
    return { column, message: issue.message };
  });
}

/** How a problem is placed when the file has no column for its field. */
function absentColumn(field: IntakeField, columns: Columns): string {
  // Concerns and zones that pair ambiguously: the cells at fault, and the column that would say.
  if (field === 'areas') {
    const cells = (['concerns', 'zones'] as const).flatMap((f) => (columns.index[f] === undefined ? [] : [columns.header[columns.index[f]!]!]));
    if (cells.length) return `${cells.join(' + ')} (add an areas column)`;
  }
  return `${fieldName(field)} (no such column)`;
}

/** One line for the rejects file and for stderr: "Areas: stretch-marks does not apply ...". */
export function describeProblems(problems: readonly RowProblem[]): string {
  return problems.map((p) => `${p.column}: ${p.message}`).join(' | ');
}
