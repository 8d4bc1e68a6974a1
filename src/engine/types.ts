// The Plan: what the engine returns and every renderer reads. Its JSON form is the
// contract's schemaVersion 1 (fields beyond the contract are additions, never renames).
import type { Outcome, PainTolerance, Severity } from '../rules/vocabulary.js';

export type Status = 'ready' | 'needs-clearance' | 'not-eligible' | 'unscreened';
export const STATUSES: readonly Status[] = ['ready', 'needs-clearance', 'unscreened', 'not-eligible'];

export interface MinMax {
  min: number;
  max: number;
}

export interface ZonePlan {
  zone: string;
  label: string;
  depthMm: number;
  depthRangeMm: MinMax;
  capMm: number;
  /** The concern that set the depth in this zone. */
  concern: string;
  notes: string[];
}

export interface Finding {
  /** Screening condition id, or the adjustment/rule id that raised it. */
  code: string;
  outcome: Outcome;
  message: string;
  /** Plain-language wording for the client's handout. */
  clientMessage: string;
  ruleId: string;
}

export interface RationaleEntry {
  ruleId: string;
  text: string;
  /** Which part of the plan this explains, e.g. "zones.cheeks.depthMm" or "sessions". */
  field: string;
}

export interface CareStep {
  id: string;
  text: string;
  /** Before-care with a lead time: the date it applies from, when the start is known. */
  fromDate: string | null;
}

export interface Plan {
  schemaVersion: 1;
  status: Status;
  client: string | null;
  concerns: { id: string; label: string; severity: Severity }[];
  zones: ZonePlan[];
  sessions: { count: number; min: number; max: number };
  intervalWeeks: MinMax;
  schedule: { session: number; date: string }[];
  review: { date: string } | null;
  numbing: { recommended: boolean; leadMinutes: MinMax };
  downtimeDays: MinMax;
  findings: Finding[];
  rationale: RationaleEntry[];
  rules: { version: string; sha256: string; name: string; origin: string };
  // Beyond the contract:
  /** The date the plan was made for (the engine's `today`). */
  plannedOn: string;
  fitzpatrick: string;
  painTolerance: PainTolerance;
  age: number | null;
  screened: boolean;
  device: { id: string; name: string; stepMm: number; depthMm: MinMax };
  /** Earliest allowed first session when a screening answer defers treatment. */
  earliestStart: string | null;
  serums: string[];
  notes: string[];
  beforeCare: CareStep[];
  afterCare: CareStep[];
  maintenance: string;
  resultsNote: string;
  disclaimer: string;
}
