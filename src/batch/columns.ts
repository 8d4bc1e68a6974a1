// Which column of an export holds which intake answer. Clinics' software names columns its
// own way ("Client Name", "Skin Type", "Treatment Areas"), so headers are matched by a key
// that ignores case, spaces and punctuation, against the contract's names and a few common
// aliases; anything else is mapped with --map "Their Header=field".
import type { IntakeField } from '../intake/schema.js';
import { FIELD_IDS, FIELDS } from '../intake/fields.js';
import { UserError } from '../errors.js';
import { nameKey } from '../text/names.js';
import { clip, clipList } from '../text/clip.js';
import { MEDICATION_HEADERS } from './screening-cells.js';

/** "Client Name", "client_name" and "CLIENT-NAME" all become "clientname": the same key rule ids are matched by. */
export const headerKey = nameKey;

/** Columns a file must have: without them every row would be rejected. */
export const REQUIRED_FIELDS: readonly IntakeField[] = FIELD_IDS.filter((f) => FIELDS[f].requiredColumn);

/** How a field is written in messages and in --map: "pain tolerance", not "painTolerance". */
export const fieldName = (field: IntakeField): string => FIELDS[field].name;

const FIELD_BY_KEY = new Map<string, { field: IntakeField; rank: number }>();
for (const field of FIELD_IDS)
  FIELDS[field].headers.forEach((alias, rank) => {
    FIELD_BY_KEY.set(headerKey(alias), { field, rank });
  });
// --map may also name a field as the code does ("painTolerance" has the same key anyway).

/** A --map target that drops a column that would otherwise match an alias. */
const IGNORE = 'ignore';
/** `--map "Their Header=condition:<id>"`: a yes/no column for one screening condition. */
const CONDITION_PREFIX = 'condition:';
/** Columns batch reads beyond the intake's fields (they have no `plan` flag). */
export const DOB_HEADERS = ['dob', 'date of birth', 'birth date', 'birthdate'] as const;
export const BATCH_TARGETS = ['dob', 'medications'] as const;

export type Target =
  | { kind: 'field'; field: IntakeField }
  | { kind: 'condition'; name: string }
  | { kind: 'dob' }
  | { kind: 'medications' }
  | { kind: 'ignore' };

export interface MapEntry {
  /** The header as given: "Last Name", or a join "First Name+Last Name". */
  header: string;
  target: Target;
}

const targetName = (t: Target): string =>
  t.kind === 'field' ? fieldName(t.field) : t.kind === 'condition' ? `${CONDITION_PREFIX}${t.name}` : t.kind;

/** "First Name+Last Name=client" as --map writes it. */
export const mapText = (map: MapEntry): string => `${map.header}=${targetName(map.target)}`;

function parseTarget(value: string, target: string): Target {
  const key = headerKey(target);
  if (key === IGNORE) return { kind: 'ignore' };
  if (target.toLowerCase().startsWith(CONDITION_PREFIX)) {
    const name = target.slice(CONDITION_PREFIX.length).trim();
    if (!name) throw new UserError(`--map "${clip(value)}": name the condition, e.g. --map "Pregnant?=condition:pregnant"`);
    return { kind: 'condition', name };
  }
  if (key === 'dob' || key === 'medications') return { kind: key };
  const found = FIELD_BY_KEY.get(key);
  if (!found || found.rank !== 0)
    throw new UserError(
      `--map "${clip(value)}": unknown field "${clip(target)}"; valid: ${FIELD_IDS.map(fieldName).join(', ')}, ${BATCH_TARGETS.join(', ')}, condition:<id>, ${IGNORE}`,
    );
  return { kind: 'field', field: found.field };
}

/**
 * Parses --map "Their Header=field" values (exit 2 on a malformed one or unknown field).
 * Two maps onto one field are refused: the columns are joined with + instead.
 */
export function parseMaps(values: readonly string[] | undefined): MapEntry[] {
  const maps = (values ?? []).map((value): MapEntry => {
    const at = value.lastIndexOf('=');
    const header = at > 0 ? value.slice(0, at).trim() : '';
    const target = at > 0 ? value.slice(at + 1).trim() : '';
    if (!header || !target)
      throw new UserError(`--map "${clip(value)}" must be "Their Header=field", e.g. --map "Treatment Areas=zones"`);
    return { header, target: parseTarget(value, target) };
  });
  const byField = new Map<IntakeField, MapEntry>();
  for (const map of maps) {
    if (map.target.kind !== 'field') continue;
    const before = byField.get(map.target.field);
    if (before) {
      const name = fieldName(map.target.field);
      throw new UserError(
        `--map "${mapText(before)}" and --map "${mapText(map)}" both name ${name}; ` +
          `to join the two columns write --map "${before.header}+${map.header}=${name}"`,
      );
    }
    byField.set(map.target.field, map);
  }
  return maps;
}

/**
 * Maps from two sources, the first winning: a map in `over` replaces one in `base` for the
 * same header or the same field (the command line over a saved mapping).
 */
export function mergeMaps(over: readonly MapEntry[], base: readonly MapEntry[]): MapEntry[] {
  const sameField = (a: Target, b: Target) => a.kind === 'field' && b.kind === 'field' && a.field === b.field;
  const kept = base.filter((b) => !over.some((o) => headerKey(o.header) === headerKey(b.header) || sameField(o.target, b.target)));
  return [...kept, ...over];
}

/** Where each field's answer sits in a row. */
export interface Columns {
  /** The header row exactly as in the file. */
  header: readonly string[];
  /** Field -> column index, for the fields the file has (a joined field: its first column). */
  index: Partial<Record<IntakeField, number>>;
  /** Fields read from several columns joined ("First Name+Last Name"). */
  joins: Partial<Record<IntakeField, readonly number[]>>;
  /** Yes/no columns, each for one screening condition. */
  conditionColumns: { at: number; id: string }[];
  /** Free-text medication columns. */
  medications: number[];
  /** The date-of-birth column. */
  dob: number | undefined;
  /** A `conditions` column or a condition column: the file asked the screening questions. */
  screeningAnswers: boolean;
  /** Columns that named a field already taken by a better match: noted, not used. */
  shadowed: { header: string; field: IntakeField; used: string }[];
  /** Columns nothing reads (not a field, not a condition, not ignored by --map). */
  unused: string[];
}

/** What batch needs of the rules to read headers: condition names (see screening-cells.ts). */
export interface HeaderVocabulary {
  conditionByKey: ReadonlyMap<string, string>;
  conditionIds: readonly string[];
}

const MEDICATION_KEYS = new Set(MEDICATION_HEADERS.map(headerKey));
const DOB_KEYS = new Set(DOB_HEADERS.map(headerKey));

/**
 * Matches a header row to fields. Exit 2 when a --map names a missing header or when a
 * required column is missing, with what was found and what was expected.
 */
export function resolveColumns(header: readonly string[], maps: readonly MapEntry[], source: string, vocabulary?: HeaderVocabulary): Columns {
  const keys = header.map(headerKey);
  const index: Partial<Record<IntakeField, number>> = {};
  const joins: Columns['joins'] = {};
  const rankOf: Partial<Record<IntakeField, number>> = {};
  const mapped = new Set<number>();
  const shadowed: Columns['shadowed'] = [];
  const conditionColumns: Columns['conditionColumns'] = [];
  const medications: number[] = [];
  let dob: number | undefined;

  const find = (name: string, map: MapEntry): number => {
    // An exact header first (a header of punctuation alone has an empty key), then by key.
    const exact = header.indexOf(name);
    const key = headerKey(name);
    const at = exact >= 0 ? exact : key ? keys.indexOf(key) : -1;
    if (at < 0) throw new UserError(`${source}: --map "${clip(map.header)}=...": no such column; the header has: ${quoteList(header)}`);
    return at;
  };
  const conditionId = (name: string, map: MapEntry): string => {
    const id = vocabulary?.conditionByKey.get(headerKey(name));
    if (id === undefined)
      throw new UserError(`--map "${mapText(map)}": unknown screening condition "${name}"; valid: ${vocabulary?.conditionIds.join(', ') ?? '(no rules)'}`);
    return id;
  };

  for (const map of maps) {
    // "First Name+Last Name" is a join, unless the file really has a header spelled so.
    const parts = header.includes(map.header) || !map.header.includes('+') ? [map.header] : map.header.split('+').map((p) => p.trim());
    const ats = parts.map((p) => find(p, map));
    for (const at of ats) mapped.add(at);
    const { target } = map;
    if (ats.length > 1 && target.kind !== 'field' && target.kind !== 'medications' && target.kind !== 'ignore')
      throw new UserError(`--map "${mapText(map)}": a ${target.kind === 'dob' ? 'date' : 'yes/no'} column cannot be joined from several; map one of them`);
    if (target.kind === 'field') {
      index[target.field] = ats[0]!;
      if (ats.length > 1) joins[target.field] = ats;
      rankOf[target.field] = -1; // an explicit --map beats every alias
    } else if (target.kind === 'condition') conditionColumns.push({ at: ats[0]!, id: conditionId(target.name, map) });
    else if (target.kind === 'medications') medications.push(...ats);
    else if (target.kind === 'dob') dob = ats[0];
  }

  const unused: string[] = [];
  keys.forEach((key, at) => {
    if (mapped.has(at)) return;
    const found = FIELD_BY_KEY.get(key);
    if (!found) {
      // Not an intake field: a batch column, a condition named by its header, or nothing.
      if (MEDICATION_KEYS.has(key)) medications.push(at);
      else if (DOB_KEYS.has(key) && dob === undefined) dob = at;
      else if (vocabulary?.conditionByKey.has(key)) conditionColumns.push({ at, id: vocabulary.conditionByKey.get(key)! });
      else unused.push(header[at]!.trim() ? header[at]! : `column ${at + 1} (no header)`);
      return;
    }
    const { field, rank } = found;
    const taken = index[field];
    if (taken === undefined) {
      index[field] = at;
      rankOf[field] = rank;
    } else if (rank >= rankOf[field]!) {
      shadowed.push({ header: header[at]!, field, used: header[taken]! });
    } else {
      shadowed.push({ header: header[taken]!, field, used: header[at]! });
      index[field] = at;
      rankOf[field] = rank;
    }
  });

  const missing = REQUIRED_FIELDS.filter((f) => index[f] === undefined && !(FIELDS[f].unlessColumn && index[FIELDS[f].unlessColumn!] !== undefined));
  if (missing.length) {
    const names = (f: IntakeField) => `${fieldName(f)} (or ${FIELDS[f].headers.slice(1).join(', ')})`;
    const others = FIELD_IDS.filter((f) => !REQUIRED_FIELDS.includes(f)).map(fieldName);
    throw new UserError(
      [
        `${source}: the header has no column for ${missing.map(fieldName).join(', ')}`,
        `found: ${quoteList(header)}`,
        `expected: ${missing.map(names).join('; ')}`,
        ...(missing.some((f) => FIELDS[f].unlessColumn)
          ? [`or, for concerns and zones, one areas column of zone:concern items (e.g. cheeks:acne-scars=severe|forehead:pigmentation)`]
          : []),
        `also read: ${others.join(', ')} (case, spaces, "_" and "-" in headers do not matter)`,
        `name another header with --map "Their Header=${fieldName(missing[0]!)}"`,
      ].join('\n'),
    );
  }
  const screeningAnswers = index.conditions !== undefined || conditionColumns.length > 0;
  return { header, index, joins, conditionColumns, medications, dob, screeningAnswers, shadowed, unused };
}

/** Headers as messages quote them: each clipped, the list capped. */
export const quoteList = (header: readonly string[]): string => (header.length ? clipList(header.map((h) => `"${clip(h, 60)}"`)).join(', ') : '(nothing)');
