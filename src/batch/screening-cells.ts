// Screening answers as clinics' exports hold them: a yes/no column per condition
// ("Pregnant", "Blood thinners") and a free-text medication column ("Warfarin 5mg, Eliquis").
// Both are read through the rules' own condition ids, labels and aliases (drug and brand
// names included), so a clinic that adds an alias to its screening.json is understood here
// too. What cannot be read is never dropped: a cell that is not yes/no, or a medicine the
// rules do not know, rejects the row naming it.
import type { RuleSet } from '../rules/schema.js';
import { nameIndex, nameKey, suggest, type Named } from '../text/names.js';
import { yesNoWord, NONE_KEYS } from '../intake/normalise.js';

/** Headers of a free-text medication column (matched by key, like every header). */
export const MEDICATION_HEADERS = [
  'medications', 'medication', 'current medications', 'current medication', 'medicines', 'medicine',
  'current medicines', 'drugs', 'drug', 'meds', 'current meds', 'medication list', 'prescriptions',
] as const;

/** A medication cell saying "no medicine" as a whole. */
const NO_MEDICATION = new Set([...NONE_KEYS, 'nomedication', 'nomedications', 'nomeds', 'nomedicines', 'nothing', 'nonecurrently', 'noneknown']);

/** Dose and frequency words around a medicine's name: "Warfarin 5 mg daily" is warfarin. */
const DOSE = /\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|ug|g|ml|iu|units?|%)?(?=\s|$)|\b(?:mg|mcg|tablets?|tabs?|caps(?:ules)?|once|twice|daily|a day|per day|weekly|nightly|at night|in the morning|morning|evening|od|bd|bid|tds|tid|qds|qid|qd|prn|nocte|mane|as needed)\b/giu;

export interface ScreeningTable {
  /** Name key (id, label, alias) -> condition id. */
  byKey: Map<string, string>;
  conditions: readonly Named[];
}

const tables = new WeakMap<RuleSet, ScreeningTable>();

/** Built once per rule set. */
export function screeningTable(rules: RuleSet): ScreeningTable {
  let table = tables.get(rules);
  if (!table) {
    const conditions = rules.screening.conditions;
    tables.set(rules, (table = { byKey: nameIndex(conditions), conditions }));
  }
  return table;
}

/** A yes/no condition cell: true, false, undefined when empty, or the message rejecting it. */
export function readConditionCell(cell: string): boolean | undefined | { error: string } {
  const text = cell.trim();
  if (!text) return undefined;
  const b = yesNoWord(text);
  return b ?? { error: `"${text}" is not yes/no (also true/false, y/n, 1/0)` };
}

export interface MedicationReading {
  ids: string[];
  errors: string[];
}

/** The terms of a medication cell: "Warfarin 5mg daily; Eliquis (apixaban)" -> Warfarin, Eliquis, apixaban. */
export function medicationTerms(cell: string): string[] {
  const out: string[] = [];
  for (const part of cell.split(/[,;|/+&()[\]\n\r]|\band\b|\bplus\b/iu)) {
    const term = part.trim();
    if (term && nameKey(term)) out.push(term);
  }
  return out;
}

/**
 * Reads a free-text medication cell through the condition names. Empty, "none" or "no" is
 * no medicine; each term the rules know gives its condition; any other term is an error
 * naming it (a medicine is never dropped).
 */
export function readMedications(cell: string, table: ScreeningTable): MedicationReading {
  const ids: string[] = [];
  const errors: string[] = [];
  const whole = nameKey(cell);
  if (!whole || NO_MEDICATION.has(whole)) return { ids, errors };
  for (const term of medicationTerms(cell)) {
    const key = nameKey(term);
    let id = table.byKey.get(key);
    if (id === undefined) {
      const bare = nameKey(term.replace(DOSE, ' '));
      id = bare ? table.byKey.get(bare) : undefined;
      if (!bare) continue; // a dose alone ("5mg") belongs to the term before it
    }
    if (id !== undefined) {
      if (!ids.includes(id)) ids.push(id);
    } else if (yesNoWord(term) === true) {
      errors.push(`"${term}" does not name the medicine: write its name (e.g. warfarin), or none; a yes/no column is mapped with --map "Header=condition:other-medication"`);
    } else {
      const guess = suggest(term, table.conditions);
      errors.push(
        `unknown medicine "${term}"${guess ? ` (did you mean ${guess}?)` : ''}: the rules do not know it; ` +
          'write other-medication for a medicine without a screening rule of its own, or add the name as an alias in the rules (screening.json)',
      );
    }
  }
  return { ids, errors };
}
