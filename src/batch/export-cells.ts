// What a real export's row says beyond the intake's own columns, folded into the raw
// answers before the intake reads them: joined columns ("First Name+Last Name"), yes/no
// condition columns and medication names (into `conditions`), a date of birth (into `age`),
// day-first or Excel-serial dates. A cell that cannot be read is a problem naming its column;
// a `screened: yes` in a file that never asked a screening question is not read as "no".
import type { IntakeField, RawIntake } from '../intake/schema.js';
import { yesNoWord, NONE_KEYS } from '../intake/normalise.js';
import { nameKey } from '../text/names.js';
import type { Columns } from './columns.js';
import type { RowProblem } from './rows.js';
import { ageOn, readDate, type DateFormat } from './dates.js';
import { Memo } from '../text/memo.js';
import { readConditionCell, readMedications, type ScreeningTable } from './screening-cells.js';

export interface ExportOptions {
  dateFormat: DateFormat | undefined;
  /** The planning day (YYYY-MM-DD), for ages from dates of birth. */
  today: string;
}

export interface RowExtras {
  problems: RowProblem[];
  /** The row said screened yes, but the file has no screening answers: planned unscreened. */
  noScreeningAnswers: boolean;
}

const NONE: RowExtras = { problems: [], noScreeningAnswers: false };
const LIST_FIELDS = new Set<IntakeField>(['concerns', 'zones', 'conditions']);

export const NO_SCREENING_ANSWERS = 'no-screening-answers';

/** The finding a plan gets when its file never asked the screening questions. */
export const noScreeningAnswersFinding = {
  code: NO_SCREENING_ANSWERS,
  outcome: 'caution' as const,
  message:
    'The export has no screening answers (no conditions column and no condition column such as Pregnant): ' +
    '"screened: yes" is not read as every answer being no. Ask every screening question before the first session.',
  clientMessage: 'Your practitioner will complete the health questions before the first session.',
  ruleId: 'screening',
};

/**
 * A function folding a row's export-specific cells into its raw answers (in place), built
 * once per file. Returns NONE (shared, empty) for the common row with nothing to say.
 */
export function exportCells(columns: Columns, table: ScreeningTable, options: ExportOptions): (record: readonly string[], raw: RawIntake) => RowExtras {
  const { header, joins, conditionColumns, medications, dob } = columns;
  const joined = Object.entries(joins) as [IntakeField, number[]][];
  const startAt = columns.index.start;
  const ageAt = columns.index.age;
  const screenedAt = columns.index.screened;
  const conditionsAt = columns.index.conditions;
  const reads = joined.length > 0 || conditionColumns.length > 0 || medications.length > 0 || dob !== undefined || startAt !== undefined || (!columns.screeningAnswers && screenedAt !== undefined);
  if (!reads) return () => NONE;

  // (No closure per row: the bundle's keep-names wraps each one, and this runs per row.)
  // Each date cell's reading, remembered per text (an export repeats its dates).
  const startDate = new Memo((cell: string) => readDate(cell, options.dateFormat, 'start date'));
  const birthDate = new Memo((cell: string) => readDate(cell, options.dateFormat, 'date of birth'));
  let problems: RowProblem[] | undefined;
  const problem = (at: number, message: string) => (problems ??= []).push({ column: header[at]!, message });
  return (record, raw) => {
    problems = undefined;
    const r = raw as Record<string, unknown>;

    for (const [field, ats] of joined) {
      const parts: string[] = [];
      for (const at of ats) {
        const cell = (record[at] ?? '').trim();
        if (cell) parts.push(cell);
      }
      const text = parts.join(LIST_FIELDS.has(field) ? '|' : ' ');
      r[field] = LIST_FIELDS.has(field) ? [text] : text;
    }

    // Screening answers from condition columns and medication names, added to `conditions`.
    let ids: string[] | undefined;
    for (const { at, id } of conditionColumns) {
      const answer = readConditionCell(record[at] ?? '');
      if (answer === true) (ids ??= []).push(id);
      else if (typeof answer === 'object') problem(at, answer.error);
    }
    for (const at of medications) {
      const cell = record[at] ?? '';
      if (!cell.trim()) continue;
      const reading = readMedications(cell, table);
      for (const error of reading.errors) problem(at, error);
      if (reading.ids.length) (ids ??= []).push(...reading.ids);
    }
    if (ids) {
      const own = conditionsAt === undefined ? '' : (raw.conditions ?? []).join('|');
      // "none" in the conditions cell means none of its own; the columns still add theirs.
      const keep = own.trim() && !NONE_KEYS.has(nameKey(own)) ? [own] : [];
      raw.conditions = [...keep, ids.join('|')];
    }

    if (startAt !== undefined) {
      const cell = record[startAt] ?? '';
      if (cell.trim()) {
        const d = startDate.get(cell);
        if ('date' in d) raw.start = d.date;
        else {
          problem(startAt, d.error);
          raw.start = undefined; // said once, here, not again by the intake
        }
      }
    }

    if (dob !== undefined) {
      const cell = record[dob] ?? '';
      if (cell.trim()) {
        const d = birthDate.get(cell);
        if ('error' in d) problem(dob, d.error);
        else if (d.date > options.today) problem(dob, `date of birth ${d.date} is after the planning day (${options.today})`);
        else {
          const age = ageOn(d.date, options.today);
          if (age > 120) problem(dob, `date of birth ${d.date} gives an age of ${age}; check the year`);
          // An age column, where the row has one, wins: it is what the clinic wrote.
          else if (ageAt === undefined || !(record[ageAt] ?? '').trim()) raw.age = String(age);
        }
      }
    }

    let noScreeningAnswers = false;
    if (!columns.screeningAnswers && screenedAt !== undefined && yesNoWord(record[screenedAt] ?? '') === true) {
      raw.screened = false;
      noScreeningAnswers = true;
    }
    return problems || noScreeningAnswers ? { problems: problems ?? [], noScreeningAnswers } : NONE;
  };
}
