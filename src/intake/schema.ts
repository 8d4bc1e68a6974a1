// One intake schema for every front end: flags, prompts and CSV rows all hand in loose
// answers (strings, lists of names) and get back either a valid Intake or a list of
// issues naming the field. The schema is built from the rule set, so the valid ids,
// labels and aliases are always the loaded rules' own. Pure: no I/O.
import { z } from 'zod';
import type { RuleSet } from '../rules/schema.js';
import { PAIN_TOLERANCES, ROMAN, SEVERITIES, type PainTolerance, type Severity } from '../rules/vocabulary.js';
import { looseIndex as nameIndex, nameKey, namesHolding, suggest, type Named } from '../text/names.js';
import { zonesForConcern } from '../rules/applies.js';
import { addPair, concernsOf, pairEveryFit, zonesOf, type AreaAnswer } from './areas.js';
import { FIELDS } from './fields.js';
import { wordTable } from '../text/words.js';
import { writtenIsoDate } from '../text/dates.js';
import { outsideStartWindow } from './date-window.js';
import { clip } from '../text/clip.js';
import { capIssues } from './issue-cap.js';

export { PAIN_TOLERANCES, ROMAN, type PainTolerance } from '../rules/vocabulary.js';

const ConcernAnswer = z.strictObject({ id: z.string(), severity: z.enum(SEVERITIES) });

/** The validated answers the engine plans from. */
export const Intake = z
  .strictObject({
    client: z.string().nullable(),
    /** Treatment areas: each zone with the concerns treated in it, which alone set its depth. */
    areas: z.array(z.strictObject({ zone: z.string(), concerns: z.array(ConcernAnswer).min(1) })).min(1),
    /** Derived from `areas` (concernsOf): every concern once, at its most severe. */
    concerns: z.array(ConcernAnswer).min(1),
    /** Derived from `areas` (zonesOf): the zones in area order. */
    zones: z.array(z.string()).min(1),
    fitzpatrick: z.number().int().min(1).max(6),
    painTolerance: z.enum(PAIN_TOLERANCES),
    age: z.number().int().min(0).max(120).nullable(),
    /** Every screening condition that applies. */
    conditions: z.array(z.string()),
    /**
     * In-area conditions named with zones (active-acne@cheeks): they hold back those zones
     * only. A condition in `conditions` with no entry here applies to every zone.
     */
    conditionZones: z.array(z.strictObject({ id: z.string(), zones: z.array(z.string()).min(1) })),
    screened: z.boolean(),
    start: z.iso.date().nullable(),
    /** Device id from the rules; null means the rule set's default device. */
    device: z.string().nullable(),
  })
  .superRefine((intake, ctx) => {
    const issue = (message: string, path: PropertyKey[]) => ctx.addIssue({ code: 'custom', message, path });
    if (JSON.stringify(intake.concerns) !== JSON.stringify(concernsOf(intake.areas))) issue('concerns are derived from areas', ['concerns']);
    if (JSON.stringify(intake.zones) !== JSON.stringify(zonesOf(intake.areas))) issue('zones are derived from areas', ['zones']);
    if (new Set(intake.zones).size !== intake.zones.length) issue('each zone is one area', ['areas']);
    for (const cz of intake.conditionZones) {
      if (!intake.conditions.includes(cz.id)) issue(`${cz.id} has zones but is not a condition`, ['conditionZones']);
      for (const z of cz.zones) if (!intake.zones.includes(z)) issue(`${cz.id}@${z}: not a planned zone`, ['conditionZones']);
    }
  });
export type Intake = z.infer<typeof Intake>;

/** Loose answers as a front end collected them; every field may be missing. */
export interface RawIntake {
  client?: string | null | undefined;
  /** Names or ids, each optionally "=severity" ("acne-scars=severe"). */
  concerns?: readonly string[] | undefined;
  severity?: string | undefined;
  zones?: readonly string[] | undefined;
  /** Treatment areas, each "zone:concern" or "zone:concern=severity" ("cheeks:acne-scars=severe"). */
  areas?: readonly string[] | undefined;
  fitzpatrick?: string | number | undefined;
  painTolerance?: string | undefined;
  age?: string | number | undefined;
  /** Names or ids; an in-area condition may name its zone: "active-acne@cheeks". */
  conditions?: readonly string[] | undefined;
  screened?: boolean | string | undefined;
  start?: string | undefined;
  device?: string | undefined;
}
export type IntakeField = keyof RawIntake;

export interface IntakeIssue {
  field: IntakeField;
  /**
   * "missing" when no answer was given at all; front ends ask or name the flag.
   * "ambiguous" when an answer names two things ("cold sore"): asked, or rejected; never guessed.
   */
  code: 'missing' | 'invalid' | 'ambiguous';
  message: string;
}

export type IntakeResult = { ok: true; intake: Intake } | { ok: false; issues: IntakeIssue[] };

const severityWord = wordTable<Severity>({
  mild: 'mild', light: 'mild', low: 'mild',
  moderate: 'moderate', medium: 'moderate', mid: 'moderate',
  severe: 'severe', high: 'severe', advanced: 'severe',
});
const booleanWord = wordTable<boolean>({
  yes: true, y: true, true: true, '1': true, ja: true, oui: true, si: true, x: true,
  no: false, n: false, false: false, '0': false, nein: false, non: false,
});
const NONE_WORDS = new Set(['none', 'no', 'n', 'nil', 'na', 'false', '0']);

/** Splits list answers: "a, b", "a|b", "a;b" and repeated flags all end up as items. */
const LIST_SEPARATORS = /[|,;]/;

export function splitList(values: readonly string[] | undefined, separators = LIST_SEPARATORS): string[] {
  const out: string[] = [];
  for (const value of values ?? [])
    for (const part of value.split(separators)) {
      const item = part.trim();
      if (item) out.push(item);
    }
  return out;
}

const listOf = (items: readonly Named[]): string => items.map((i) => i.id).join(', ');

function unknownName(kind: string, text: string, items: readonly Named[]): string {
  const guess = suggest(text, items);
  return `unknown ${kind} "${clip(text)}"${guess ? ` (did you mean ${guess}?)` : ''}; valid: ${listOf(items)}`;
}

/** Resolves names to ids with zod issues for the unknown ones. */
function idList(kind: string, items: readonly Named[]) {
  const index = nameIndex(items);
  return z.array(z.string()).transform((names, ctx) => {
    const ids: string[] = [];
    for (const name of splitList(names)) {
      const id = index.get(name);
      if (id === undefined) ctx.addIssue({ code: 'custom', message: unknownName(kind, name, items) });
      else if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  });
}

export const severitySchema = z.string().transform((text, ctx): Severity => {
  const sev = severityWord(nameKey(text));
  if (!sev) {
    ctx.addIssue({ code: 'custom', message: `unknown severity "${clip(text)}"; valid: ${SEVERITIES.join(', ')}` });
    return z.NEVER;
  }
  return sev;
});

export const fitzpatrickSchema = z.union([z.string(), z.number()]).transform((value, ctx): number => {
  const text = String(value).trim().toUpperCase().replace(/^(FITZPATRICK|TYPE|FST)\s*/, '');
  const roman = (ROMAN as readonly string[]).indexOf(text);
  const n = roman >= 0 ? roman + 1 : /^[1-6]$/.test(text) ? Number(text) : NaN;
  if (Number.isNaN(n)) {
    ctx.addIssue({ code: 'custom', message: `Fitzpatrick type "${clip(String(value))}" is not I-VI (or 1-6)` });
    return z.NEVER;
  }
  return n;
});

export const painToleranceSchema = z.string().transform((text, ctx): PainTolerance => {
  const key = nameKey(text);
  const value = key === 'medium' || key === 'average' ? 'normal' : key;
  if (!(PAIN_TOLERANCES as readonly string[]).includes(value)) {
    ctx.addIssue({ code: 'custom', message: `unknown pain tolerance "${clip(text)}"; valid: ${PAIN_TOLERANCES.join(', ')}` });
    return z.NEVER;
  }
  return value as PainTolerance;
});

export const ageSchema = z.union([z.string(), z.number()]).transform((value, ctx): number => {
  const text = String(value).trim().replace(/\s*(years?|yrs?|y)$/i, '');
  if (!/^\d{1,3}$/.test(text) || Number(text) > 120) {
    ctx.addIssue({ code: 'custom', message: `age "${clip(String(value))}" is not a whole number of years (0-120)` });
    return z.NEVER;
  }
  return Number(text);
});

export const screenedSchema = z.union([z.boolean(), z.string()]).transform((value, ctx): boolean => {
  if (typeof value === 'boolean') return value;
  const b = booleanWord(value.trim().toLowerCase());
  if (b === undefined) {
    ctx.addIssue({ code: 'custom', message: `"${clip(value)}" is not yes/no (also true/false, y/n, 1/0)` });
    return z.NEVER;
  }
  return b;
});

const ISO_DATE = z.iso.date();

/** A real calendar date, written YYYY-MM-DD (YYYY/MM/DD and single digits are accepted). */
export const startSchema = z.string().transform((text, ctx): string => {
  const iso = writtenIsoDate(text) ?? '';
  if (!ISO_DATE.safeParse(iso).success) {
    ctx.addIssue({
      code: 'custom',
      message: iso ? `"${text}" is not a real date` : `start date "${clip(text)}" must be written YYYY-MM-DD (e.g. 2027-01-05)`,
    });
    return z.NEVER;
  }
  return iso;
});

const parsersByRules = new WeakMap<RuleSet, ReturnType<typeof buildParsers>>();

/** The rule-dependent field parsers (built once per rule set: batch calls this per row). */
export function intakeParsers(rules: RuleSet) {
  let parsers = parsersByRules.get(rules);
  if (!parsers) parsersByRules.set(rules, (parsers = buildParsers(rules)));
  return parsers;
}

/** A concern as typed, with its own severity when it has one. */
export interface NamedConcern {
  id: string;
  severity: Severity | undefined;
}
/** A zone:concern pair as typed (--area, the areas column). */
export interface NamedPair extends NamedConcern {
  zone: string;
}
/** A condition as typed; `zone` when it was named with one ("active-acne@cheeks"). */
export interface NamedCondition {
  id: string;
  zone: string | undefined;
}

type AddIssue = (message: string, ambiguous?: boolean) => void;

function buildParsers(rules: RuleSet) {
  const concerns = rules.concerns.concerns;
  const concernIndex = nameIndex(concerns);
  const zoneIndex = nameIndex(rules.zones.zones);
  const conditions = rules.screening.conditions;
  const conditionIndex = nameIndex(conditions);
  const adder = (ctx: z.RefinementCtx): AddIssue => (message, ambiguous) =>
    ctx.addIssue({ code: 'custom', message, ...(ambiguous ? { params: { ambiguous: true } } : {}) });

  /** "acne-scars" or "acne-scars=severe" -> the concern, or undefined after an issue. */
  const concernItem = (item: string, add: AddIssue): NamedConcern | undefined => {
    const [name = '', sevText, ...extra] = item.split(/\s*[=:]\s*/);
    if (extra.length) {
      add(`"${clip(item)}" has more than one "="; write concern=severity, e.g. acne-scars=severe`);
      return undefined;
    }
    const id = concernIndex.get(name);
    if (id === undefined) {
      add(unknownName('concern', name || item, concerns));
      return undefined;
    }
    let severity: Severity | undefined;
    if (sevText !== undefined) {
      const sev = severitySchema.safeParse(sevText);
      if (!sev.success) {
        add(`${id}: ${sev.error.issues[0]?.message}`);
        return undefined;
      }
      severity = sev.data;
    }
    return { id, severity };
  };

  const concernList = z.array(z.string()).transform((items, ctx) => {
    const out: NamedConcern[] = [];
    for (const item of splitList(items)) {
      const c = concernItem(item, adder(ctx));
      if (!c) continue;
      const existing = out.find((o) => o.id === c.id);
      if (existing) existing.severity = c.severity ?? existing.severity;
      else out.push(c);
    }
    return out;
  });

  /** "cheeks:acne-scars=severe" items -> pairs; the concern must fit the zone. */
  const areaList = z.array(z.string()).transform((items, ctx) => {
    const add = adder(ctx);
    const out: NamedPair[] = [];
    for (const item of splitList(items)) {
      const at = item.indexOf(':');
      if (at < 0) {
        add(`"${clip(item)}" names no concern: write zone:concern, e.g. cheeks:acne-scars=severe`);
        continue;
      }
      const zoneText = item.slice(0, at).trim();
      const zone = zoneIndex.get(zoneText);
      if (zone === undefined) {
        add(unknownName('zone', zoneText || item, rules.zones.zones));
        continue;
      }
      const c = concernItem(item.slice(at + 1).trim(), add);
      if (!c) continue;
      const fits = zonesForConcern(rules, c.id);
      if (!fits.includes(zone)) {
        add(`${c.id} does not apply to ${zone}; it applies to ${fits.join(', ')}`);
        continue;
      }
      out.push({ zone, ...c });
    }
    return out;
  });

  const conditionList = z.array(z.string()).transform((items, ctx) => {
    const add = adder(ctx);
    const list = splitList(items);
    if (list.length === 1 && NONE_WORDS.has(nameKey(list[0]!))) return [];
    const out: NamedCondition[] = [];
    for (const item of list) {
      const at = item.lastIndexOf('@');
      const name = (at < 0 ? item : item.slice(0, at)).trim();
      const zoneText = at < 0 ? undefined : item.slice(at + 1).trim();
      const id = conditionIndex.get(name);
      if (id === undefined) {
        const holding = namesHolding(name, conditions);
        if (holding.length > 1) {
          const label = (c: string) => `${c} (${conditions.find((x) => x.id === c)!.label})`;
          add(`"${clip(name)}" could mean ${holding.map(label).join(' or ')}; name the one that applies`, true);
        } else add(unknownName('screening condition', name || item, conditions));
        continue;
      }
      let zone: string | undefined;
      if (zoneText !== undefined) {
        zone = zoneIndex.get(zoneText);
        if (zone === undefined) {
          add(`${id}@${zoneText}: ${unknownName('zone', zoneText, rules.zones.zones)}`);
          continue;
        }
      }
      if (!out.some((o) => o.id === id && o.zone === zone)) out.push({ id, zone });
    }
    return out;
  });
  const devices = rules.devices.devices.map((d) => ({ id: d.id, label: d.name, aliases: [] }));
  const deviceIndex = nameIndex(devices);
  return {
    device: z.string().transform((text, ctx) => {
      const id = deviceIndex.get(text);
      if (id === undefined) {
        ctx.addIssue({ code: 'custom', message: unknownName('device', text, devices) });
        return z.NEVER;
      }
      return id;
    }),
    concerns: concernList,
    zones: idList('zone', rules.zones.zones),
    areas: areaList,
    conditions: conditionList,
  };
}

export { zonesForConcern } from '../rules/applies.js';

/** No answer: missing, null, or only spaces. */
export const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
/** Something other than spaces and list separators (one RegExp: a literal in an arrow makes one per call). */
const HAS_ITEM = /[^\s|,;]/;
export const hasListItem = (text: string): boolean => HAS_ITEM.test(text);
const blankList = (v: readonly string[] | undefined) => {
  if (v) for (const s of v) if (hasListItem(s)) return false;
  return true;
};

/** One answer's reading by its schema: the value, or the issues (without the field). */
interface Answer {
  value: unknown;
  issues: readonly { code: 'invalid' | 'ambiguous'; message: string }[];
}

function readAnswer(schema: z.ZodType, value: unknown): Answer {
  const r = schema.safeParse(value);
  if (r.success) return { value: Array.isArray(r.data) ? Object.freeze(r.data) : r.data, issues: [] };
  const issues = r.error.issues.map((issue) => {
    const ambiguous = issue.code === 'custom' && (issue.params as { ambiguous?: boolean } | undefined)?.ambiguous === true;
    return { code: ambiguous ? ('ambiguous' as const) : ('invalid' as const), message: issue.message };
  });
  return { value: undefined, issues };
}

/**
 * Each schema's reading of an answer, remembered per answer text: a batch export repeats
 * the same cells (and the same typos) on many rows, and a rejected row paid zod's transforms
 * and its error objects for every one. The schemas are pure and built per rule set, so the
 * same text always reads the same; bounded, so memory stays flat on all-different cells.
 */
const answers = new WeakMap<z.ZodType, Map<string, Answer>>();
const ANSWERS_PER_SCHEMA = 4096;

function answerOf(schema: z.ZodType, value: unknown): Answer {
  // The first character tells the kinds apart; a batch cell comes as a one-item list.
  const key =
    typeof value === 'string'
      ? `s${value}`
      : typeof value === 'number' || typeof value === 'boolean'
        ? `${typeof value}${String(value)}`
        : !Array.isArray(value)
          ? undefined
          : value.length === 1 && typeof value[0] === 'string'
            ? `1${value[0]}`
            : value.every((v) => typeof v === 'string')
              ? `a${JSON.stringify(value)}`
              : undefined;
  if (key === undefined) return readAnswer(schema, value);
  let memo = answers.get(schema);
  if (!memo) answers.set(schema, (memo = new Map()));
  let answer = memo.get(key);
  if (!answer) {
    answer = readAnswer(schema, value);
    if (memo.size >= ANSWERS_PER_SCHEMA) memo.clear();
    memo.set(key, answer);
  }
  return answer;
}

/**
 * Validates loose answers against the rule set. Every problem is reported, each naming
 * its field; missing required answers have code "missing".
 */
export function parseIntake(raw: RawIntake, rules: RuleSet, today?: string): IntakeResult {
  const issues: IntakeIssue[] = [];
  const parsers = intakeParsers(rules);
  const take = <T>(field: IntakeField, schema: z.ZodType<T>, value: unknown): T | undefined => {
    const r = answerOf(schema, value);
    for (const issue of r.issues) issues.push({ field, code: issue.code, message: issue.message });
    return r.value as T | undefined;
  };
  const missing = (field: IntakeField, message: string) => issues.push({ field, code: 'missing', message });
  const invalid = (field: IntakeField, message: string) => issues.push({ field, code: 'invalid', message });

  // Treatment areas, or concerns and zones to pair: one or the other, never both.
  const byArea = !blankList(raw.areas);
  let concerns: NamedConcern[] | undefined;
  let zones: string[] | undefined;
  let pairs: NamedPair[] | undefined;
  if (byArea) {
    pairs = take('areas', parsers.areas, raw.areas);
    if (!blankList(raw.concerns) || !blankList(raw.zones))
      invalid('areas', 'give treatment areas (zone:concern) or concerns and zones, not both: every concern belongs to an area');
  } else {
    concerns = blankList(raw.concerns) ? (missing('concerns', FIELDS.concerns.missing!), undefined) : take('concerns', parsers.concerns, raw.concerns);
    zones = blankList(raw.zones) ? (missing('zones', FIELDS.zones.missing!), undefined) : take('zones', parsers.zones, raw.zones);
  }
  const severity = blank(raw.severity) ? undefined : take('severity', severitySchema, raw.severity);
  const fitzpatrick = blank(raw.fitzpatrick)
    ? (missing('fitzpatrick', FIELDS.fitzpatrick.missing!), undefined)
    : take('fitzpatrick', fitzpatrickSchema, raw.fitzpatrick);
  const painTolerance = blank(raw.painTolerance) ? 'normal' : take('painTolerance', painToleranceSchema, raw.painTolerance);
  const age = blank(raw.age) ? null : take('age', ageSchema, raw.age);
  const named = blankList(raw.conditions) ? [] : take('conditions', parsers.conditions, raw.conditions);
  const screened = blank(raw.screened) ? false : take('screened', screenedSchema, raw.screened);
  const start = blank(raw.start) ? null : take('start', startSchema, raw.start);
  // The planning day bounds the start date (date-window.ts); front ends pass it in.
  const outside = start && today !== undefined ? outsideStartWindow(start, today) : undefined;
  if (outside) issues.push({ field: 'start', code: 'invalid', message: outside });
  const client = blank(raw.client) ? null : String(raw.client).trim();
  const device = blank(raw.device) ? null : take('device', parsers.device, raw.device);

  // Severity: the concern's own, else the shared one; a concern with neither is missing.
  const typed: NamedConcern[] | undefined = pairs ?? concerns;
  const severityOf = (c: NamedConcern): Severity | undefined => c.severity ?? severity;
  if (typed) {
    const without: string[] = [];
    for (const c of typed) if (!severityOf(c) && !without.includes(c.id)) without.push(c.id);
    if (without.length && !issues.some((i) => i.field === 'severity'))
      missing('severity', `${FIELDS.severity.missing} for ${without.join(', ')} (mild, moderate or severe)`);
  }

  let areas: AreaAnswer[] | undefined;
  if (pairs) {
    areas = [];
    for (const p of pairs) {
      const sev = severityOf(p);
      if (sev) addPair(areas, p.zone, { id: p.id, severity: sev });
    }
  } else if (concerns && zones) {
    // Every concern must fit one of the zones, and every zone must be treated for a concern.
    for (const c of concerns) {
      const fits = zonesForConcern(rules, c.id);
      if (!zones.some((z) => fits.includes(z)))
        invalid('zones', `${c.id} does not apply to ${zones.join(', ')}; it applies to ${fits.join(', ')}`);
    }
    // A concern that fits none of the zones already names them; say the zone's side only when not.
    const concernMisfit = issues.some((i) => i.field === 'zones');
    for (const z of concernMisfit ? [] : zones) {
      if (!concerns.some((c) => zonesForConcern(rules, c.id).includes(z)))
        invalid('zones', `zone ${z} fits none of the chosen concerns (${concerns.map((c) => c.id).join(', ')})`);
    }
    const resolved: Intake['concerns'] = [];
    for (const c of concerns) {
      const severity = severityOf(c);
      if (severity) resolved.push({ id: c.id, severity });
    }
    if (!issues.some((i) => i.field === 'zones')) {
      areas = pairEveryFit(resolved, zones, rules);
      if (!areas) missing('areas', unpairedMessage(concerns.map((c) => c.id), zones, rules));
    }
  }

  // Conditions: an in-area one may name a zone of this plan; no other condition takes one.
  const conditions: string[] = [];
  const conditionZones: { id: string; zones: string[] }[] = [];
  if (named) {
    const planned = areas ? zonesOf(areas) : (zones ?? pairs?.map((p) => p.zone) ?? []);
    for (const c of named) if (!conditions.includes(c.id)) conditions.push(c.id);
    for (const id of conditions) {
      const rule = rules.screening.conditions.find((r) => r.id === id)!;
      const given = named.filter((c) => c.id === id);
      const zoned = given.flatMap((c) => (c.zone ? [c.zone] : []));
      if (zoned.length && !rule.inArea) {
        const inArea = rules.screening.conditions.filter((r) => r.inArea).map((r) => r.id);
        invalid('conditions', `${id}@${zoned[0]}: ${id} is not an in-area condition, so it takes no zone; in-area conditions: ${inArea.join(', ') || 'none in these rules'}`);
        continue;
      }
      const outside = zoned.filter((z) => !planned.includes(z));
      if (outside.length && planned.length) {
        invalid('conditions', `${id}@${outside[0]}: ${outside[0]} is not a zone of this plan (zones: ${planned.join(', ')}); a condition outside the treated zones does not apply, leave it out`);
        continue;
      }
      // Named once without a zone: it holds back every zone (the conservative reading).
      if (zoned.length && given.every((c) => c.zone)) conditionZones.push({ id, zones: [...new Set(zoned)] });
    }
  }

  if (issues.length || !areas) return { ok: false, issues: capIssues(dedupe(issues)) };
  const intake: Intake = {
    client,
    areas,
    concerns: concernsOf(areas),
    zones: zonesOf(areas),
    fitzpatrick: fitzpatrick!,
    painTolerance: painTolerance!,
    age: age ?? null,
    conditions,
    conditionZones,
    screened: screened!,
    start: start ?? null,
    device: device ?? null,
  };
  // Built from validated parts: the Intake schema holds by construction (a property test checks it).
  return { ok: true, intake };
}

/** Several concerns and several zones: which concern goes where is not known. */
function unpairedMessage(concerns: readonly string[], zones: readonly string[], rules: RuleSet): string {
  const example = zones
    .map((z) => [z, concerns.find((c) => zonesForConcern(rules, c).includes(z))] as const)
    .filter(([, c]) => c)
    .map(([z, c]) => `${z}:${c}`)
    .join(', ');
  return (
    `${concerns.length} concerns (${concerns.join(', ')}) and ${zones.length} zones (${zones.join(', ')}) don't say which concern is treated in which zone; ` +
    `name each treatment area as zone:concern, e.g. ${example}`
  );
}

function dedupe(issues: IntakeIssue[]): IntakeIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.field}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The conditions a typed name could mean when it names none exactly and several hold it ("cold sore"). */
export function ambiguousCondition(text: string, rules: RuleSet): string[] {
  const conditions = rules.screening.conditions;
  if (nameIndex(conditions).get(text) !== undefined) return [];
  return namesHolding(text, conditions);
}

/** Validates one field's answer as a prompt would: undefined when valid, else the message. */
export function checkAnswer(field: IntakeField, value: unknown, rules: RuleSet, today?: string): string | undefined {
  const parsers = intakeParsers(rules);
  const schemas: Partial<Record<IntakeField, z.ZodType>> = {
    concerns: parsers.concerns,
    zones: parsers.zones,
    areas: parsers.areas,
    conditions: parsers.conditions,
    severity: severitySchema,
    fitzpatrick: fitzpatrickSchema,
    painTolerance: painToleranceSchema,
    age: ageSchema,
    screened: screenedSchema,
    start: startSchema,
    device: parsers.device,
  };
  const schema = schemas[field];
  if (!schema) return undefined;
  const r = schema.safeParse(value);
  if (r.success && field === 'start' && today !== undefined) return outsideStartWindow(r.data as string, today);
  return r.success ? undefined : r.error.issues.map((i) => i.message).join('; ');
}
