// The zod schema of `plan --format json` (schemaVersion 1): the contract's fields with
// their exact types, the extras this version adds, and the invariants the contract
// states. Strict objects, so a field leaking into the output unannounced fails the tests.
// Not imported on the CLI's path (zod costs start-up time); tests and tools use it.
import { z } from 'zod';

const IsoDate = z.iso.date();
const MinMax = z.strictObject({ min: z.number(), max: z.number() }).refine((r) => r.min <= r.max, 'min must not exceed max');
const Count = z.number().int().nonnegative();
const Severity = z.enum(['mild', 'moderate', 'severe']);
const Outcome = z.enum(['block', 'clearance', 'defer', 'modify', 'caution']);
export const PLAN_STATUSES = ['ready', 'needs-clearance', 'not-eligible', 'unscreened'] as const;

const CareStep = z.strictObject({ id: z.string(), text: z.string(), fromDate: IsoDate.nullable() });

export const PlanJson = z
  .strictObject({
    // --- the contract (cli-contract.md): names and types fixed ---
    schemaVersion: z.literal(1),
    status: z.enum(PLAN_STATUSES),
    client: z.string().nullable(),
    concerns: z.array(z.strictObject({ id: z.string(), severity: Severity, label: z.string() })).min(1),
    zones: z
      .array(
        z.strictObject({
          zone: z.string(),
          depthMm: z.number().positive(),
          depthRangeMm: MinMax,
          // extras
          label: z.string(),
          capMm: z.number().positive(),
          concern: z.string(),
          notes: z.array(z.string()),
        }),
      )
      .min(1),
    sessions: z.strictObject({ count: Count, min: Count, max: Count }),
    intervalWeeks: MinMax,
    schedule: z.array(z.strictObject({ session: z.number().int().positive(), date: IsoDate })),
    review: z.strictObject({ date: IsoDate }).nullable(),
    numbing: z.strictObject({ recommended: z.boolean(), leadMinutes: MinMax }),
    downtimeDays: MinMax,
    findings: z.array(
      z.strictObject({
        code: z.string().min(1),
        outcome: Outcome,
        message: z.string().min(1),
        // extras
        clientMessage: z.string().min(1),
        ruleId: z.string().min(1),
      }),
    ),
    rationale: z.array(z.strictObject({ ruleId: z.string().min(1), text: z.string().min(1), field: z.string().min(1) })),
    rules: z.strictObject({ version: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), name: z.string(), origin: z.string() }),
    // --- extras in schemaVersion 1 (additions, never renames) ---
    plannedOn: IsoDate,
    fitzpatrick: z.enum(['I', 'II', 'III', 'IV', 'V', 'VI']),
    painTolerance: z.enum(['low', 'normal', 'high']),
    age: z.number().int().nonnegative().nullable(),
    screened: z.boolean(),
    device: z.strictObject({ id: z.string(), name: z.string(), stepMm: z.number().positive(), depthMm: MinMax }),
    earliestStart: IsoDate.nullable(),
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
    });
    const has = (outcome: string) => plan.findings.some((f) => f.outcome === outcome);
    const expected = has('block') ? 'not-eligible' : has('clearance') ? 'needs-clearance' : !plan.screened ? 'unscreened' : 'ready';
    if (plan.status !== expected) issue(`status should be ${expected} (not-eligible > needs-clearance > unscreened > ready)`, ['status']);
  });
export type PlanJson = z.infer<typeof PlanJson>;
