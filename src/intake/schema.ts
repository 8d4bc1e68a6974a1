// One intake schema for every front end: flags, prompts and CSV rows all hand in loose
// answers (strings, lists of names) and get back either a valid Intake or a list of
// issues naming the field. The schema is built from the rule set, so the valid ids,
// labels and aliases are always the loaded rules' own. Pure: no I/O.
import { z } from 'zod';
import type { RuleSet } from '../rules/schema.js';
import { PAIN_TOLERANCES, ROMAN, SEVERITIES, type PainTolerance, type Severity } from '../rules/vocabulary.js';
import { nameIndex, nameKey, suggest, type Named } from '../text/names.js';
import { zonesForConcern } from '../rules/applies.js';
import { FIELDS } from './fields.js';
import { wordTable } from '../text/words.js';
import { outsideStartWindow } from './date-window.js';
import { clip } from '../text/clip.js';
import { capIssues } from './issue-cap.js';

export { PAIN_TOLERANCES, ROMAN, type PainTolerance } from '../rules/vocabulary.js';

/** The validated answers the engine plans from. */
export const Intake = z.strictObject({
  client: z.string().nullable(),
  concerns: z.array(z.strictObject({ id: z.string(), severity: z.enum(SEVERITIES) })).min(1),
  zones: z.array(z.string()).min(1),
  fitzpatrick: z.number().int().min(1).max(6),
  painTolerance: z.enum(PAIN_TOLERANCES),
  age: z.number().int().min(0).max(120).nullable(),
  conditions: z.array(z.string()),
  screened: z.boolean(),
  start: z.iso.date().nullable(),
  /** Device id from the rules; null means the rule set's default device. */
  device: z.string().nullable(),
});
export type Intake = z.infer<typeof Intake>;

/** Loose answers as a front end collected them; every field may be missing. */
export interface RawIntake {
  client?: string | null | undefined;
  /** Names or ids, each optionally "=severity" ("acne-scars=severe"). */
  concerns?: readonly string[] | undefined;
  severity?: string | undefined;
  zones?: readonly string[] | undefined;
  fitzpatrick?: string | number | undefined;
  painTolerance?: string | undefined;
  age?: string | number | undefined;
  conditions?: readonly string[] | undefined;
  screened?: boolean | string | undefined;
  start?: string | undefined;
  device?: string | undefined;
}
export type IntakeField = keyof RawIntake;

export interface IntakeIssue {
  field: IntakeField;
  /** "missing" when no answer was given at all; front ends ask or name the flag. */
  code: 'missing' | 'invalid';
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
export function splitList(values: readonly string[] | undefined, separators = /[|,;]/): string[] {
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
      const id = index.get(nameKey(name));
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
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim());
  const iso = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : '';
  if (!ISO_DATE.safeParse(iso).success) {
    ctx.addIssue({
      code: 'custom',
      message: m ? `"${text}" is not a real date` : `start date "${clip(text)}" must be written YYYY-MM-DD (e.g. 2027-01-05)`,
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

function buildParsers(rules: RuleSet) {
  const concerns = rules.concerns.concerns;
  const concernIndex = nameIndex(concerns);
  const concernList = z.array(z.string()).transform((items, ctx) => {
    const out: { id: string; severity: Severity | undefined }[] = [];
    for (const item of splitList(items)) {
      const [name = '', sevText, ...extra] = item.split(/\s*[=:]\s*/);
      if (extra.length) {
        ctx.addIssue({ code: 'custom', message: `"${clip(item)}" has more than one "="; write concern=severity, e.g. acne-scars=severe` });
        continue;
      }
      const id = concernIndex.get(nameKey(name));
      if (id === undefined) {
        ctx.addIssue({ code: 'custom', message: unknownName('concern', name || item, concerns) });
        continue;
      }
      let severity: Severity | undefined;
      if (sevText !== undefined) {
        const sev = severitySchema.safeParse(sevText);
        if (!sev.success) {
          ctx.addIssue({ code: 'custom', message: `${id}: ${sev.error.issues[0]?.message}` });
          continue;
        }
        severity = sev.data;
      }
      const existing = out.find((c) => c.id === id);
      if (existing) existing.severity = severity ?? existing.severity;
      else out.push({ id, severity });
    }
    return out;
  });
  const conditionIds = idList('screening condition', rules.screening.conditions);
  const devices = rules.devices.devices.map((d) => ({ id: d.id, label: d.name, aliases: [] }));
  const deviceIndex = nameIndex(devices);
  return {
    device: z.string().transform((text, ctx) => {
      const id = deviceIndex.get(nameKey(text));
      if (id === undefined) {
        ctx.addIssue({ code: 'custom', message: unknownName('device', text, devices) });
        return z.NEVER;
      }
      return id;
    }),
    concerns: concernList,
    zones: idList('zone', rules.zones.zones),
    conditions: z.array(z.string()).transform((items, ctx) => {
      const list = splitList(items);
      if (list.length === 1 && NONE_WORDS.has(nameKey(list[0]!))) return [];
      const parsed = conditionIds.safeParse(list);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
        return z.NEVER;
      }
      return parsed.data;
    }),
  };
}

export { zonesForConcern } from '../rules/applies.js';

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const blankList = (v: readonly string[] | undefined) => !v || v.every((s) => !/[^\s|,;]/.test(s));

/**
 * Validates loose answers against the rule set. Every problem is reported, each naming
 * its field; missing required answers have code "missing".
 */
export function parseIntake(raw: RawIntake, rules: RuleSet, today?: string): IntakeResult {
  const issues: IntakeIssue[] = [];
  const parsers = intakeParsers(rules);
  const take = <T>(field: IntakeField, schema: z.ZodType<T>, value: unknown): T | undefined => {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    for (const issue of r.error.issues) issues.push({ field, code: 'invalid', message: issue.message });
    return undefined;
  };
  const missing = (field: IntakeField, message: string) => issues.push({ field, code: 'missing', message });

  const concerns = blankList(raw.concerns) ? (missing('concerns', FIELDS.concerns.missing!), undefined) : take('concerns', parsers.concerns, raw.concerns);
  const zones = blankList(raw.zones) ? (missing('zones', FIELDS.zones.missing!), undefined) : take('zones', parsers.zones, raw.zones);
  const severity = blank(raw.severity) ? undefined : take('severity', severitySchema, raw.severity);
  const fitzpatrick = blank(raw.fitzpatrick)
    ? (missing('fitzpatrick', FIELDS.fitzpatrick.missing!), undefined)
    : take('fitzpatrick', fitzpatrickSchema, raw.fitzpatrick);
  const painTolerance = blank(raw.painTolerance) ? 'normal' : take('painTolerance', painToleranceSchema, raw.painTolerance);
  const age = blank(raw.age) ? null : take('age', ageSchema, raw.age);
  const conditions = blankList(raw.conditions) ? [] : take('conditions', parsers.conditions, raw.conditions);
  const screened = blank(raw.screened) ? false : take('screened', screenedSchema, raw.screened);
  const start = blank(raw.start) ? null : take('start', startSchema, raw.start);
  // The planning day bounds the start date (date-window.ts); front ends pass it in.
  const outside = start && today !== undefined ? outsideStartWindow(start, today) : undefined;
  if (outside) issues.push({ field: 'start', code: 'invalid', message: outside });
  const client = blank(raw.client) ? null : String(raw.client).trim();
  const device = blank(raw.device) ? null : take('device', parsers.device, raw.device);

  // Severity: the concern's own, else the shared one; a concern with neither is missing.
  const resolved: { id: string; severity: Severity }[] = [];
  if (concerns) {
    const without = concerns.filter((c) => !c.severity && !severity).map((c) => c.id);
    if (without.length && !issues.some((i) => i.field === 'severity'))
      missing('severity', `${FIELDS.severity.missing} for ${without.join(', ')} (mild, moderate or severe)`);
    for (const c of concerns) if (c.severity ?? severity) resolved.push({ id: c.id, severity: (c.severity ?? severity)! });
  }

  // Every concern must fit one of the zones, and every zone must be treated for a concern.
  if (concerns && zones) {
    for (const c of concerns) {
      const fits = zonesForConcern(rules, c.id);
      if (!zones.some((z) => fits.includes(z)))
        issues.push({ field: 'zones', code: 'invalid', message: `${c.id} does not apply to ${zones.join(', ')}; it applies to ${fits.join(', ')}` });
    }
    // A concern that fits none of the zones already names them; say the zone's side only when not.
    const concernMisfit = issues.some((i) => i.field === 'zones');
    for (const z of concernMisfit ? [] : zones) {
      if (!concerns.some((c) => zonesForConcern(rules, c.id).includes(z)))
        issues.push({
          field: 'zones',
          code: 'invalid',
          message: `zone ${z} fits none of the chosen concerns (${concerns.map((c) => c.id).join(', ')})`,
        });
    }
  }

  if (issues.length) return { ok: false, issues: capIssues(dedupe(issues)) };
  const intake: Intake = {
    client,
    concerns: resolved,
    zones: zones!,
    fitzpatrick: fitzpatrick!,
    painTolerance: painTolerance!,
    age: age ?? null,
    conditions: conditions!,
    screened: screened!,
    start: start ?? null,
    device: device ?? null,
  };
  // Built from validated parts: the Intake schema holds by construction (a property test checks it).
  return { ok: true, intake };
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

/** Validates one field's answer as a prompt would: undefined when valid, else the message. */
export function checkAnswer(field: IntakeField, value: unknown, rules: RuleSet, today?: string): string | undefined {
  const parsers = intakeParsers(rules);
  const schemas: Partial<Record<IntakeField, z.ZodType>> = {
    concerns: parsers.concerns,
    zones: parsers.zones,
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
