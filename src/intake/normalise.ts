// The fast way to an Intake, for batch: the words people type (names, aliases, yes/no,
// Roman numerals, dates, lists) are normalised by plain code against tables built once per
// rule set, then one zod object schema without transforms (intakeShape) validates the
// result. zod 4 compiles such a schema to straight-line code; today's per-field transform
// schemas in schema.ts never get that, and cost ten times as much per row.
//
// It decides only "valid, and here is the intake". Anything it cannot take (a typo, a
// concern in the wrong zone, a field it does not know) returns undefined, and the caller
// asks parseIntake, which gives the same intake or the messages. So parseIntake stays the
// one place an answer's wording is judged, and a rejected row alone pays for the slow path;
// a property test checks that every intake made here equals parseIntake's.
import { z } from 'zod';
import type { RuleSet } from '../rules/schema.js';
import { PAIN_TOLERANCES, ROMAN, SEVERITIES, type PainTolerance, type Severity } from '../rules/vocabulary.js';
import { nameIndex, nameKey } from '../text/names.js';
import { zonesForConcern } from '../rules/applies.js';
import { wordTable } from '../text/words.js';
import { writtenIsoDate } from '../text/dates.js';
import { Memo } from '../text/memo.js';
import { blank, hasListItem, splitList, type Intake, type RawIntake } from './schema.js';
import { concernsOf as concernsOfAreas, zonesOf as zonesOfAreas } from './areas.js';

/** yes/no words, as parseIntake reads `screened` (lower-cased, trimmed). */
export const yesNoWord = ((table) => (text: string) => table(text.trim().toLowerCase()))(
  wordTable<boolean>({
    yes: true, y: true, true: true, '1': true, ja: true, oui: true, si: true, x: true,
    no: false, n: false, false: false, '0': false, nein: false, non: false,
  }),
);

/** A list cell meaning "nothing" (by name key). */
export const NONE_KEYS: ReadonlySet<string> = new Set(['none', 'no', 'n', 'nil', 'na', 'false', '0']);

const severityWord = wordTable<Severity>({
  mild: 'mild', light: 'mild', low: 'mild',
  moderate: 'moderate', medium: 'moderate', mid: 'moderate',
  severe: 'severe', high: 'severe', advanced: 'severe',
});

/**
 * The plain shape of a valid intake's answers, ids from the rules: no transforms, so zod
 * compiles it. Concerns and zones are not in it: they are read off the validated areas
 * (each area's zone and concerns are checked here), and a copy zod made of them was a third
 * of its time per row.
 */
export function intakeShape(rules: RuleSet) {
  const ids = <T extends { id: string }>(items: readonly T[]) => items.map((i) => i.id) as [string, ...string[]];
  const concern = z.object({ id: z.enum(ids(rules.concerns.concerns)), severity: z.enum(SEVERITIES) });
  return z.object({
    client: z.string().nullable(),
    areas: z.array(z.object({ zone: z.enum(ids(rules.zones.zones)), concerns: z.array(concern).min(1) })).min(1),
    fitzpatrick: z.number().int().min(1).max(6),
    painTolerance: z.enum(PAIN_TOLERANCES),
    age: z.number().int().min(0).max(120).nullable(),
    conditions: z.array(z.enum(ids(rules.screening.conditions))),
    screened: z.boolean(),
    start: z.iso.date().nullable(),
    device: z.enum(ids(rules.devices.devices)).nullable(),
  });
}

/** The fields normalise knows; a raw intake with any other goes the slow way. */
const KNOWN = new Set<string>(['client', 'concerns', 'severity', 'zones', 'fitzpatrick', 'painTolerance', 'age', 'conditions', 'screened', 'start', 'device']);

const FAIL = null;
type Parsed<T> = T | typeof FAIL;

export interface Normaliser {
  /** The intake when every answer is valid; undefined: ask parseIntake. */
  (raw: RawIntake): Intake | undefined;
}

const built = new WeakMap<RuleSet, Normaliser>();

export function normaliser(rules: RuleSet): Normaliser {
  let n = built.get(rules);
  if (!n) built.set(rules, (n = buildNormaliser(rules)));
  return n;
}

function buildNormaliser(rules: RuleSet): Normaliser {
  const shape = intakeShape(rules);
  const concernIndex = nameIndex(rules.concerns.concerns);
  const zoneIndex = nameIndex(rules.zones.zones);
  const conditionIndex = nameIndex(rules.screening.conditions);
  const deviceIndex = nameIndex(rules.devices.devices.map((d) => ({ id: d.id, label: d.name, aliases: [] })));
  const fitsZone = new Map(rules.concerns.concerns.map((c) => [c.id, new Set(zonesForConcern(rules, c.id))]));

  type ConcernItem = { id: string; severity: Severity | undefined };
  const concernsOf = (text: string): Parsed<ConcernItem[]> => {
    const out: ConcernItem[] = [];
    for (const item of splitList([text])) {
      const parts = item.split(/\s*[=:]\s*/);
      if (parts.length > 2) return FAIL;
      const id = concernIndex.get(nameKey(parts[0] ?? ''));
      if (id === undefined) return FAIL;
      let severity: Severity | undefined;
      if (parts[1] !== undefined) {
        severity = severityWord(nameKey(parts[1]));
        if (!severity) return FAIL;
      }
      const existing = out.find((c) => c.id === id);
      if (existing) existing.severity = severity ?? existing.severity;
      else out.push({ id, severity });
    }
    return out.length ? out : FAIL;
  };
  const idsOf = (index: Map<string, string>) => (text: string) => {
    const ids: string[] = [];
    for (const item of splitList([text])) {
      const id = index.get(nameKey(item));
      if (id === undefined) return FAIL;
      if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  };
  // Each cell's reading is remembered per text (an export repeats a few hundred of them).
  const concernsMemo = new Memo(concernsOf);
  const zonesMemo = new Memo(idsOf(zoneIndex));
  const severityMemo = new Memo((t: string): Parsed<Severity> => severityWord(nameKey(t)) ?? FAIL);
  const conditionIdsOf = idsOf(conditionIndex);
  // "none" alone means no conditions.
  const conditionsMemo = new Memo((text: string) => {
    const items = splitList([text]);
    return items.length === 1 && NONE_KEYS.has(nameKey(items[0]!)) ? [] : conditionIdsOf(text);
  });
  const fitzMemo = new Memo((t: string): Parsed<number> => {
    const s = t.trim().toUpperCase().replace(/^(FITZPATRICK|TYPE|FST)\s*/, '');
    const roman = (ROMAN as readonly string[]).indexOf(s);
    return roman >= 0 ? roman + 1 : /^[1-6]$/.test(s) ? Number(s) : FAIL;
  });
  const painMemo = new Memo((t: string): Parsed<PainTolerance> => {
    const key = nameKey(t);
    const value = key === 'medium' || key === 'average' ? 'normal' : key;
    return (PAIN_TOLERANCES as readonly string[]).includes(value) ? (value as PainTolerance) : FAIL;
  });
  const ageMemo = new Memo((t: string): Parsed<number> => {
    const digits = t.trim().replace(/\s*(years?|yrs?|y)$/i, '');
    return /^\d{1,3}$/.test(digits) ? Number(digits) : FAIL;
  });
  const startMemo = new Memo((t: string): Parsed<string> => {
    return writtenIsoDate(t) ?? FAIL;
  });
  const deviceMemo = new Memo((t: string): Parsed<string> => deviceIndex.get(nameKey(t)) ?? FAIL);

  /** One list answer as a single string (batch hands in one cell; flags may hand several). */
  const joined = (v: readonly string[] | undefined): string | undefined => (v === undefined ? undefined : v.length === 1 ? v[0] : v.join('|'));
  const blankList = (t: string | undefined) => t === undefined || !hasListItem(t);

  return (raw) => {
    for (const key in raw) if (!KNOWN.has(key)) return undefined;
    const concernText = joined(raw.concerns);
    const zoneText = joined(raw.zones);
    if (blankList(concernText) || blankList(zoneText) || blank(raw.fitzpatrick)) return undefined;
    const concerns = concernsMemo.get(concernText!);
    const zones = zonesMemo.get(zoneText!);
    if (!concerns || !zones) return undefined;
    let severity: Severity | undefined;
    if (!blank(raw.severity)) {
      const sev = severityMemo.get(String(raw.severity));
      if (sev === FAIL) return undefined;
      severity = sev;
    }
    const resolved: Intake['concerns'] = [];
    for (const c of concerns) {
      const sev = c.severity ?? severity;
      if (!sev) return undefined;
      resolved.push({ id: c.id, severity: sev });
    }
    // Every concern fits one of the zones; every zone is treated for one of the concerns.
    for (const c of resolved) {
      const fits = fitsZone.get(c.id)!;
      if (!zones.some((z) => fits.has(z))) return undefined;
    }
    for (const z of zones) if (!resolved.some((c) => fitsZone.get(c.id)!.has(z))) return undefined;
    // Several concerns and several zones: the pairing is not known; parseIntake says so.
    if (resolved.length > 1 && zones.length > 1) return undefined;
    const areas = zones.map((zone) => ({ zone, concerns: resolved.filter((c) => fitsZone.get(c.id)!.has(zone)) }));

    const fitzpatrick = typeof raw.fitzpatrick === 'number' ? raw.fitzpatrick : fitzMemo.get(String(raw.fitzpatrick));
    if (fitzpatrick === FAIL) return undefined;

    let painTolerance: PainTolerance = 'normal';
    if (!blank(raw.painTolerance)) {
      const pain = painMemo.get(raw.painTolerance!);
      if (pain === FAIL) return undefined;
      painTolerance = pain;
    }

    let age: number | null = null;
    if (!blank(raw.age)) {
      const years = typeof raw.age === 'number' ? raw.age : ageMemo.get(String(raw.age));
      if (years === FAIL) return undefined;
      age = years;
    }

    let conditions: string[] = [];
    const conditionText = joined(raw.conditions);
    if (!blankList(conditionText)) {
      const ids = conditionsMemo.get(conditionText!);
      if (!ids) return undefined;
      conditions = ids;
    }

    let screened = false;
    if (!blank(raw.screened)) {
      const b = typeof raw.screened === 'boolean' ? raw.screened : yesNoWord(raw.screened!);
      if (b === undefined) return undefined;
      screened = b;
    }

    let start: string | null = null;
    if (!blank(raw.start)) {
      start = startMemo.get(raw.start!);
      if (start === FAIL) return undefined;
    }

    let device: string | null = null;
    if (!blank(raw.device)) {
      device = deviceMemo.get(raw.device!);
      if (device === FAIL) return undefined;
    }

    // zod has the last word on every row: ids from the rules, ranges, real dates.
    const checked = shape.safeParse({
      client: blank(raw.client) ? null : String(raw.client).trim(),
      areas,
      fitzpatrick,
      painTolerance,
      age,
      conditions,
      screened,
      start,
      device,
    });
    if (!checked.success) return undefined;
    const a = checked.data;
    return {
      client: a.client,
      areas: a.areas,
      concerns: concernsOfAreas(a.areas),
      zones: zonesOfAreas(a.areas),
      fitzpatrick: a.fitzpatrick,
      painTolerance: a.painTolerance,
      age: a.age,
      conditions: a.conditions,
      // An in-area condition named with a zone ("active-acne@cheeks") is no known name here: the slow path takes it.
      conditionZones: [],
      screened: a.screened,
      start: a.start,
      device: a.device,
    };
  };
}
