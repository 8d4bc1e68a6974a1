// Which column of an export holds which intake answer. Clinics' software names columns its
// own way ("Client Name", "Skin Type", "Treatment Areas"), so headers are matched by a key
// that ignores case, spaces and punctuation, against the contract's names and a few common
// aliases; anything else is mapped with --map "Their Header=field".
import type { IntakeField } from '../intake/schema.js';
import { FIELD_IDS, FIELDS } from '../intake/fields.js';
import { UserError } from '../errors.js';
import { nameKey } from '../text/names.js';

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

export interface MapEntry {
  header: string;
  /** The field, or null to ignore the column. */
  field: IntakeField | null;
}

/** Parses --map "Their Header=field" values (exit 2 on a malformed one or unknown field). */
export function parseMaps(values: readonly string[] | undefined): MapEntry[] {
  return (values ?? []).map((value) => {
    const at = value.lastIndexOf('=');
    const header = at > 0 ? value.slice(0, at).trim() : '';
    const target = at > 0 ? value.slice(at + 1).trim() : '';
    if (!header || !target)
      throw new UserError(`--map "${value}" must be "Their Header=field", e.g. --map "Treatment Areas=zones"`);
    if (headerKey(target) === IGNORE) return { header, field: null };
    const found = FIELD_BY_KEY.get(headerKey(target));
    if (!found || found.rank !== 0)
      throw new UserError(`--map "${value}": unknown field "${target}"; valid: ${FIELD_IDS.map(fieldName).join(', ')}, ${IGNORE}`);
    return { header, field: found.field };
  });
}

/** Where each field's answer sits in a row. */
export interface Columns {
  /** The header row exactly as in the file. */
  header: readonly string[];
  /** Field -> column index, for the fields the file has. */
  index: Partial<Record<IntakeField, number>>;
  /** Columns that named a field already taken by a better match: noted, not used. */
  shadowed: { header: string; field: IntakeField; used: string }[];
}

/**
 * Matches a header row to fields. Exit 2 when a --map names a missing header or when a
 * required column is missing, with what was found and what was expected.
 */
export function resolveColumns(header: readonly string[], maps: readonly MapEntry[], source: string): Columns {
  const keys = header.map(headerKey);
  const index: Partial<Record<IntakeField, number>> = {};
  const rankOf: Partial<Record<IntakeField, number>> = {};
  const mapped = new Set<number>();
  const shadowed: Columns['shadowed'] = [];

  for (const map of maps) {
    // An exact header first (a header of punctuation alone has an empty key), then by key.
    const exact = header.indexOf(map.header);
    const key = headerKey(map.header);
    const at = exact >= 0 ? exact : key ? keys.indexOf(key) : -1;
    if (at < 0)
      throw new UserError(`${source}: --map "${map.header}=...": no such column; the header has: ${quoteList(header)}`);
    mapped.add(at);
    if (map.field) {
      index[map.field] = at;
      rankOf[map.field] = -1; // an explicit --map beats every alias
    }
  }

  keys.forEach((key, at) => {
    const found = mapped.has(at) ? undefined : FIELD_BY_KEY.get(key);
    if (!found) return;
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
  return { header, index, shadowed };
}

const quoteList = (header: readonly string[]) => (header.length ? header.map((h) => `"${h}"`).join(', ') : '(nothing)');
