// Each intake answer described once: how messages name it, the `plan` flag that gives it,
// the CSV headers that hold it, the consultation's question, and what "missing" says.
// Flags, batch columns, prompts and messages all read this table, so they never disagree.
import type { IntakeField } from './schema.js';

export interface FieldInfo {
  /** How messages and --map name it: "pain tolerance", not "painTolerance". */
  name: string;
  /** The `plan` option that gives it. */
  flag: string;
  /**
   * CSV headers that hold it, the contract's own name first. When two columns name the
   * same field, the one earlier here wins (so "Client ID" beats "Client Name"). Left out on
   * purpose: "date of birth" is not an age, "pain" alone may be a pain score.
   */
  headers: readonly string[];
  /** The consultation's question. */
  prompt: string;
  /** What an intake issue says when no answer was given (required answers only). */
  missing?: string;
  /** A CSV export without this column would have every row rejected. */
  requiredColumn?: boolean;
  /** ...unless it has this column instead (an `areas` column replaces concerns and zones). */
  unlessColumn?: IntakeField;
}

export const FIELDS: Readonly<Record<IntakeField, FieldInfo>> = {
  client: {
    name: 'client',
    flag: '--client',
    headers: ['client', 'client id', 'client name', 'name', 'customer', 'customer id', 'customer name', 'patient', 'patient id', 'patient name', 'full name'],
    prompt: 'Client name or id (optional):',
  },
  concerns: {
    name: 'concerns',
    flag: '--concern',
    headers: ['concerns', 'concern', 'skin concerns', 'skin concern', 'treatment concerns', 'treatment concern', 'indications', 'indication'],
    prompt: 'Concerns to treat:',
    missing: 'no concern given',
    requiredColumn: true,
    unlessColumn: 'areas',
  },
  zones: {
    name: 'zones',
    flag: '--zone',
    // "Areas" is the areas column (zone:concern); "Treatment Areas" in exports holds zone names.
    headers: ['zones', 'zone', 'treatment areas', 'treatment area', 'treatment zones', 'treatment zone', 'body areas', 'body area'],
    prompt: 'Zones to treat:',
    missing: 'no zone given',
    requiredColumn: true,
    unlessColumn: 'areas',
  },
  areas: {
    name: 'areas',
    flag: '--area',
    headers: ['areas', 'area', 'zone concerns', 'areas and concerns'],
    prompt: 'Concerns treated in each zone',
    missing: 'which concern is treated in which zone',
  },
  severity: {
    name: 'severity',
    flag: '--severity',
    headers: ['severity', 'overall severity'],
    prompt: 'Severity',
    missing: 'no severity',
  },
  fitzpatrick: {
    name: 'fitzpatrick',
    flag: '--fitzpatrick',
    headers: ['fitzpatrick', 'fitzpatrick type', 'fitzpatrick skin type', 'fitzpatrick scale', 'skin type', 'skin phototype', 'phototype', 'fst'],
    prompt: 'Fitzpatrick skin type:',
    missing: 'no Fitzpatrick skin type given',
    requiredColumn: true,
  },
  painTolerance: {
    name: 'pain tolerance',
    flag: '--pain-tolerance',
    headers: ['pain tolerance', 'pain threshold'],
    prompt: 'Pain tolerance:',
  },
  age: { name: 'age', flag: '--age', headers: ['age', 'age years', 'age in years'], prompt: 'Age in years (optional):' },
  conditions: {
    name: 'conditions',
    flag: '--condition',
    headers: ['conditions', 'condition', 'screening conditions', 'contraindications', 'contraindication', 'medical conditions'],
    prompt: 'which apply?',
  },
  screened: {
    name: 'screened',
    flag: '--screened',
    headers: ['screened', 'screening complete', 'screening completed', 'screening done'],
    prompt: 'Ask the screening questions now? (no: the plan says "unscreened")',
  },
  start: {
    name: 'start',
    flag: '--start',
    headers: ['start', 'start date', 'first session', 'first session date', 'first appointment', 'first appointment date'],
    prompt: 'First session date, YYYY-MM-DD (optional):',
  },
  device: { name: 'device', flag: '--device', headers: ['device', 'needling device', 'device id', 'pen'], prompt: 'Device:' },
};

export const FIELD_IDS = Object.keys(FIELDS) as IntakeField[];
