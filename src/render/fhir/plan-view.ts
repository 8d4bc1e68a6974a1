// The parts of a Plan the FHIR builders read, read defensively: treatment areas add
// `concerns`, `treated` and `heldBack` to zones and `zones` to findings, and a plan made
// before them has none of these. One place decides what each absence means.
import type { Plan } from '../../engine/types.js';

export interface ZoneView {
  zone: string;
  label: string;
  depthMm: number;
  concerns: { id: string; label: string; severity: string }[];
  treated: boolean;
  heldBack: { code: string; message: string } | undefined;
}

export interface FindingView {
  code: string;
  outcome: Plan['findings'][number]['outcome'];
  message: string;
  clientMessage: string;
  ruleId: string;
  zones: string[];
}

type LooseZone = Plan['zones'][number] & {
  concerns?: readonly { id: string; severity: string }[];
  treated?: boolean;
  heldBack?: { code: string; message: string } | null;
};
type LooseFinding = Plan['findings'][number] & { zones?: readonly string[] };

export function zonesOf(plan: Plan): ZoneView[] {
  const labelOf = (id: string) => plan.concerns.find((c) => c.id === id)?.label ?? id;
  return (plan.zones as LooseZone[]).map((z) => {
    // Before treatment areas a zone had one concern: the one that set its depth.
    const own = z.concerns ?? plan.concerns.filter((c) => c.id === z.concern);
    return {
      zone: z.zone,
      label: z.label,
      depthMm: z.depthMm,
      concerns: own.map((c) => ({ id: c.id, label: labelOf(c.id), severity: c.severity })),
      treated: z.treated !== false,
      heldBack: z.heldBack ?? undefined,
    };
  });
}

export function findingsOf(plan: Plan): FindingView[] {
  return (plan.findings as LooseFinding[]).map((f) => ({
    code: f.code,
    outcome: f.outcome,
    message: f.message,
    clientMessage: f.clientMessage || f.message,
    ruleId: f.ruleId,
    zones: [...(f.zones ?? [])],
  }));
}

/** Screening conditions that applied: the findings a screening condition raised. */
export function conditionsOf(plan: Plan): string[] {
  return plan.findings.filter((f) => f.ruleId === `screening/${f.code}`).map((f) => f.code);
}
