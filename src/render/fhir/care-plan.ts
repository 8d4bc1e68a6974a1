// The plan as a CarePlan: one activity per session, each with an inline `detail` only (a
// `reference` beside it would break cpl-3), dated when the plan has a start. Depth per
// zone has no core element, so each zone of a session is a needleplan extension holding
// its body site and a UCUM mm depth. Findings are DetectedIssues in `supportingInfo`:
// `addresses` takes Conditions only, and a finding is not a diagnosis.
import type { Plan } from '../../engine/types.js';
import { fmt, span } from '../../text/numbers.js';
import type { Reference, Resource } from './types.js';
import type { ZoneView } from './plan-view.js';
import { CODE_SYSTEM, EXTENSION, planDefinitionUrl, versioned } from './urls.js';
import { concept, microneedling, MICRONEEDLING_TEXT, treatedZone, zoneConcept } from './codes.js';
import { stableUuid } from './ids.js';

/** CarePlan.status: draft for a plan not yet started, active once saved as a course. */
export type CarePlanStatus = 'draft' | 'active' | 'on-hold' | 'revoked' | 'completed';

export interface CarePlanContext {
  planKey: string;
  status: CarePlanStatus;
  patient: Reference;
  zones: readonly ZoneView[];
  /** DetectedIssues and the QuestionnaireResponse: what the plan was made from. */
  supportingInfo: readonly Reference[];
  /** Sessions already done (history): their activity is completed and points to the Procedure. */
  done?: ReadonlyMap<number, Reference>;
}

export const carePlanId = (planKey: string) => stableUuid(planKey, 'CarePlan');

export function carePlan(plan: Plan, ctx: CarePlanContext): Resource {
  const treated = ctx.zones.filter((z) => z.treated);
  const heldBack = ctx.zones.filter((z) => !z.treated);
  const eligible = plan.status !== 'not-eligible' && treated.length > 0;
  const count = eligible ? Math.max(plan.sessions.count, plan.schedule.length) : 0;
  const sessions = Array.from({ length: count }, (_, i) => ({ number: i + 1, date: plan.schedule[i]?.date }));
  const first = plan.schedule[0]?.date;
  const last = plan.schedule[plan.schedule.length - 1]?.date;

  return {
    resourceType: 'CarePlan',
    id: carePlanId(ctx.planKey),
    extension: heldBack.map((z) => ({
      url: EXTENSION.heldBackZone,
      extension: [
        { url: 'bodySite', valueCodeableConcept: zoneConcept(z.zone, z.label) },
        { url: 'code', valueCode: z.heldBack?.code },
        { url: 'message', valueString: z.heldBack?.message },
      ],
    })),
    instantiatesCanonical: [versioned(planDefinitionUrl(plan.rules.sha256), plan.rules.version)],
    status: ctx.status,
    intent: 'plan',
    title: `${MICRONEEDLING_TEXT}${plan.client?.trim() ? ` for ${plan.client.trim()}` : ''}`,
    description: summary(plan, treated),
    subject: ctx.patient,
    period: first ? { start: first, end: last } : undefined,
    created: plan.plannedOn,
    supportingInfo: ctx.supportingInfo,
    activity: sessions.map((s) => {
      const done = ctx.done?.get(s.number);
      return {
        outcomeReference: done ? [done] : undefined,
        detail: {
          extension: [{ url: EXTENSION.sessionNumber, valuePositiveInt: s.number }, ...treated.map(treatedZone)],
          kind: 'ServiceRequest',
          code: microneedling(),
          reasonCode: plan.concerns.map((c) => concept(CODE_SYSTEM.concern, c.id, c.label, `${c.label}, ${c.severity}`)),
          status: done ? 'completed' : s.date ? 'scheduled' : 'not-started',
          scheduledPeriod: s.date ? { start: s.date, end: s.date } : undefined,
          description: `Session ${s.number} of ${count}${s.date ? ` on ${s.date}` : ' (not yet dated)'}: ${treated.map((z) => `${z.label} ${fmt(z.depthMm)} mm`).join(', ')}`,
        },
      };
    }),
    note: notes(plan, heldBack).map((text) => ({ text })),
  };
}

const STATUS_WORDS: Record<Plan['status'], string> = {
  ready: 'ready',
  'needs-clearance': 'needs physician clearance before the first session',
  unscreened: 'screening not completed',
  'not-eligible': 'not eligible now: no sessions are planned',
};

function summary(plan: Plan, treated: readonly ZoneView[]): string {
  const parts = [`Plan status: ${STATUS_WORDS[plan.status]}.`];
  if (plan.status !== 'not-eligible' && treated.length)
    parts.push(
      `${plan.sessions.count} sessions (the course allows ${span(plan.sessions, '').trim()}), every ${span(plan.intervalWeeks, 'weeks')}.`,
      `Depth: ${treated.map((z) => `${z.label} ${fmt(z.depthMm)} mm`).join(', ')}.`,
    );
  parts.push(`Rules: ${plan.rules.name} version ${plan.rules.version} (sha256 ${plan.rules.sha256}).`);
  return parts.join(' ');
}

function notes(plan: Plan, heldBack: readonly ZoneView[]): string[] {
  if (plan.status === 'not-eligible') return [];
  return [
    plan.numbing.recommended ? `Numbing cream ${span(plan.numbing.leadMinutes, 'minutes')} before each session.` : 'No numbing cream.',
    `${span(plan.downtimeDays, 'days')} of redness after each session.`,
    plan.review ? `Results review on ${plan.review.date}.` : '',
    ...heldBack.map((z) => `${z.label} is held back: ${z.heldBack?.message ?? 'not treated in this course'}`),
  ];
}
