// The Plan: what the engine returns and every renderer reads, written once as a zod schema
// (the types come from z.infer, see types.ts). Its JSON form is the contract's
// schemaVersion 1: the contract's fields with their exact types, the extras this version
// adds, and the invariants the contract states. Strict objects, so a field leaking into the
// output unannounced fails the tests. The CLI imports only the types (zod costs start-up
// time); tests and tools validate with the schema.
import { z } from 'zod';
import { OUTCOMES, PAIN_TOLERANCES, ROMAN, SEVERITIES } from '../rules/vocabulary.js';
import { STATUSES } from './statuses.js';

const IsoDate = z.iso.date();
const MinMax = z.strictObject({ min: z.number(), max: z.number() }).refine((r) => r.min <= r.max, 'min must not exceed max');
const Count = z.number().int().nonnegative();
const Severity = z.enum(SEVERITIES);
const Outcome = z.enum(OUTCOMES);

const CareStep = z.strictObject({
  id: z.string(),
  text: z.string(),
  /** Before-care with a lead time: the date it applies from, when the start is known. */
  fromDate: IsoDate.nullable(),
});

const ZonePlan = z.strictObject({
  zone: z.string(),
  /**
   * The depth this zone's own concerns give it. For a held-back zone (treated: false) it is
   * the depth it would take once it can be treated, never a depth to use now: renderers
   * show "held back" instead, and batch CSV leaves it out of depth_mm.
   */
  depthMm: z.number().positive(),
  depthRangeMm: MinMax,
  /** The concerns treated in this zone (its treatment area): they alone set its depth. */
  concerns: z.array(z.strictObject({ id: z.string(), severity: Severity })).min(1),
  treated: z.boolean(),
  /** Why the zone is not treated now (an in-area condition), or null when it is treated. */
  heldBack: z.strictObject({ code: z.string().min(1), message: z.string().min(1) }).nullable(),
  // extras
  label: z.string(),
  capMm: z.number().positive(),
  /** The concern that set the depth in this zone. */
  concern: z.string(),
  notes: z.array(z.string()),
});

const Finding = z.strictObject({
  /** Screening condition id, or the adjustment/rule id that raised it. */
  code: z.string().min(1),
  outcome: Outcome,
  message: z.string().min(1),
  /** The zones it concerns, when it concerns some zones only. */
  zones: z.array(z.string()).min(1).optional(),
  // extras
  /** Plain-language wording for the client's handout. */
  clientMessage: z.string().min(1),
  ruleId: z.string().min(1),
});

const RationaleEntry = z.strictObject({
  ruleId: z.string().min(1),
  text: z.string().min(1),
  /** Which part of the plan this explains, e.g. "zones.cheeks.depthMm" or "sessions". */
  field: z.string().min(1),
});

export const PlanJson = z
  .strictObject({
    // --- the contract (cli-contract.md): names and types fixed ---
    schemaVersion: z.literal(1),
    status: z.enum(STATUSES),
    client: z.string().nullable(),
    concerns: z.array(z.strictObject({ id: z.string(), severity: Severity, label: z.string() })).min(1),
    zones: z.array(ZonePlan).min(1),
    sessions: z.strictObject({ count: Count, min: Count, max: Count }),
    intervalWeeks: MinMax,
    schedule: z.array(z.strictObject({ session: z.number().int().positive(), date: IsoDate })),
    review: z.strictObject({ date: IsoDate }).nullable(),
    numbing: z.strictObject({ recommended: z.boolean(), leadMinutes: MinMax }),
    downtimeDays: MinMax,
    findings: z.array(Finding),
    rationale: z.array(RationaleEntry),
    rules: z.strictObject({ version: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), name: z.string(), origin: z.string() }),
    // --- extras in schemaVersion 1 (additions, never renames) ---
    /** The date the plan was made for (the engine's `today`). */
    plannedOn: IsoDate,
    fitzpatrick: z.enum(ROMAN),
    painTolerance: z.enum(PAIN_TOLERANCES),
    age: z.number().int().nonnegative().nullable(),
    screened: z.boolean(),
    device: z.strictObject({ id: z.string(), name: z.string(), stepMm: z.number().positive(), depthMm: MinMax }),
    /** Earliest allowed first session when a screening answer defers treatment. */
    earliestStart: IsoDate.nullable(),
    /** When a before-care window would open before the planning day: the first date every window fits. */
    suggestedStart: IsoDate.nullable(),
    serums: z.array(z.string()),
    notes: z.array(z.string()),
    beforeCare: z.array(CareStep),
    afterCare: z.array(CareStep),
    maintenance: z.string(),
    resultsNote: z.string(),
    disclaimer: z.string().min(1),
  })
  .superRefine((plan, ctx) => {
    const issue = (message: string, path: PropertyKey[]) => ctx.addIssue({ code: 'custom', message, path });
    // The contract's invariants.
    if (plan.status === 'not-eligible') {
      if (plan.schedule.length) issue('a not-eligible plan has an empty schedule', ['schedule']);
      if (plan.sessions.count !== 0) issue('a not-eligible plan has sessions.count 0', ['sessions', 'count']);
    }
    if ((plan.schedule.length === 0) !== (plan.review === null)) issue('review is null exactly when the schedule is empty', ['review']);
    if (plan.schedule.length && plan.schedule.length !== plan.sessions.count) issue('one dated session per planned session', ['schedule']);
    plan.schedule.forEach((s, i) => {
      if (s.session !== i + 1) issue('sessions are numbered 1, 2, 3, ...', ['schedule', i, 'session']);
      if (i > 0 && s.date <= plan.schedule[i - 1]!.date) issue('session dates rise', ['schedule', i, 'date']);
    });
    plan.zones.forEach((z, i) => {
      if (z.depthMm < z.depthRangeMm.min || z.depthMm > z.depthRangeMm.max) issue('depthMm lies within depthRangeMm', ['zones', i, 'depthMm']);
      if (z.treated !== (z.heldBack === null)) issue('a zone is held back exactly when it is not treated', ['zones', i, 'heldBack']);
      if (!z.concerns.some((c) => c.id === z.concern)) issue('the concern that set the depth is one of the zone\'s own', ['zones', i, 'concern']);
    });
    if (plan.zones.every((z) => !z.treated) && plan.status !== 'not-eligible') issue('a plan with every zone held back is not-eligible', ['status']);
    if (plan.suggestedStart !== null && !plan.findings.some((f) => f.code === 'before-care-late')) issue('suggestedStart comes with a before-care-late finding', ['suggestedStart']);
    const has = (outcome: string) => plan.findings.some((f) => f.outcome === outcome);
    const expected = has('block') ? 'not-eligible' : has('clearance') ? 'needs-clearance' : !plan.screened ? 'unscreened' : 'ready';
    if (plan.status !== expected) issue(`status should be ${expected} (not-eligible > needs-clearance > unscreened > ready)`, ['status']);
  });
export type PlanJson = z.infer<typeof PlanJson>;

export type MinMax = z.infer<typeof MinMax>;
export type CareStep = z.infer<typeof CareStep>;
export type ZonePlan = z.infer<typeof ZonePlan>;
export type Finding = z.infer<typeof Finding>;
export type RationaleEntry = z.infer<typeof RationaleEntry>;
