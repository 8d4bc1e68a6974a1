// FHIR R4 renderers: a plan (CarePlan with its Patient, DetectedIssues and consultation
// answers), a course's history (adds a Procedure per session and a Device per cartridge
// lot) and the rule set (PlanDefinition and Questionnaire), each as a collection Bundle.
// Pure like every renderer: no clock (the caller passes the timestamp), no fs, no process.
// docs/fhir.md maps each part of a plan to its FHIR element.
import type { Plan } from '../../engine/types.js';
import type { RuleSet } from '../../rules/schema.js';
import type { RenderOptions } from '../index.js';
import type { Bundle, Entry, Reference, Resource } from './types.js';
import { planKey as keyOf, stableUuid } from './ids.js';
import { collection, entry, fhirJson, midnightUtc, refTo } from './bundle.js';
import { patient } from './patient.js';
import { detectedIssue } from './detected-issues.js';
import { questionnaire, questionnaireResponse } from './questionnaire.js';
import { carePlan, carePlanId, type CarePlanStatus } from './care-plan.js';
import { planDefinition } from './plan-definition.js';
import { cartridge, procedure, procedureId } from './procedure.js';
import { CARE_PLAN_STATUS_OF_COURSE, type FhirHistoryInput } from './history.js';
import { findingsOf, zonesOf } from './plan-view.js';
import { urn } from './ids.js';

export type { FhirHistoryInput, SessionDone, CourseStatus, Reaction } from './history.js';
export type { Bundle } from './types.js';
export type { CarePlanStatus } from './care-plan.js';
export { pruneEmpty } from './prune.js';

export interface FhirOptions extends Partial<RenderOptions> {
  /** Bundle.timestamp, an instant (2026-11-25T10:30:00Z) the caller read from its clock. */
  timestamp?: string | undefined;
  /** CarePlan.status: draft (default) for a plan not yet started; active once saved as a course. */
  status?: CarePlanStatus | undefined;
}

interface PlanEntries {
  key: string;
  entries: Entry[];
  patient: Reference;
  carePlan: Reference;
}

function planEntries(plan: Plan, status: CarePlanStatus, done?: ReadonlyMap<number, Reference>): PlanEntries {
  const key = keyOf(plan);
  const zones = zonesOf(plan);
  const patientEntry = entry(patient(plan.client, key));
  const patientRef = refTo(patientEntry);
  const issues = findingsOf(plan).map((f, i) => entry(detectedIssue(f, i, { planKey: key, patient: patientRef, identified: plan.plannedOn, zones })));
  const answers = entry(questionnaireResponse(plan, { planKey: key, patient: patientRef, zones }));
  const care = entry(
    carePlan(plan, {
      planKey: key,
      status,
      patient: patientRef,
      zones,
      supportingInfo: [...issues.map((e) => refTo(e)), refTo(answers)],
      ...(done ? { done } : {}),
    }),
  );
  return { key, entries: [patientEntry, care, ...issues, answers], patient: patientRef, carePlan: refTo(care) };
}

/** The plan as a FHIR R4 Bundle (an object; `renderFhir` writes it as JSON). */
export function fhirPlanBundle(plan: Plan, options: FhirOptions = {}): Bundle {
  const { key, entries } = planEntries(plan, options.status ?? (options.saved ? 'active' : 'draft'));
  return collection(stableUuid(key, 'Bundle'), entries, options.timestamp ?? midnightUtc(plan.plannedOn));
}

/** The renderer-table entry: `plan -f fhir`. */
export function renderFhir(plan: Plan, options: FhirOptions = {}): string {
  return fhirJson(fhirPlanBundle(plan, options));
}

/** The rule set as a PlanDefinition and the consultation's Questionnaire: `rules show -f fhir`. */
export function fhirRulesBundle(rules: RuleSet, options: Pick<FhirOptions, 'timestamp'> = {}): Bundle {
  return collection(stableUuid('rules', rules.sha256, 'Bundle'), [entry(planDefinition(rules)), entry(questionnaire(rules))], options.timestamp);
}

export function renderRulesFhir(rules: RuleSet, options: Pick<FhirOptions, 'timestamp'> = {}): string {
  return fhirJson(fhirRulesBundle(rules, options));
}

/** A course and its sessions: the plan's Bundle plus a Procedure per session done and a
 * Device per cartridge lot. `history <client> -f fhir`. */
export function fhirHistoryBundle(input: FhirHistoryInput, options: Pick<FhirOptions, 'timestamp'> = {}): Bundle {
  const { plan } = input;
  const key = keyOf(plan);
  const carePlanUrl = urn(carePlanId(key));
  const done = new Map(input.sessions.map((s) => [s.number, { reference: urn(procedureId(key, s.number)) }] as const));
  const base = planEntries(plan, CARE_PLAN_STATUS_OF_COURSE[input.courseStatus], done);
  const zones = zonesOf(plan);
  const devices = new Map<string, Entry>();
  for (const s of input.sessions) {
    const lot = s.lot?.trim();
    if (lot && !devices.has(lot)) devices.set(lot, entry(cartridge(lot, plan.device.name)));
  }
  const procedures = input.sessions.map((s) => {
    const lot = s.lot?.trim();
    const device = lot ? devices.get(lot) : undefined;
    return entry(procedure(s, { planKey: key, patient: base.patient, carePlan: { reference: carePlanUrl }, zones, device: device && refTo(device) }));
  });
  const entries: Entry<Resource>[] = [...base.entries, ...procedures, ...devices.values()];
  return collection(stableUuid(key, 'history', input.courseStatus, JSON.stringify(input.sessions)), entries, options.timestamp ?? midnightUtc(plan.plannedOn));
}

export function renderHistoryFhir(input: FhirHistoryInput, options: Pick<FhirOptions, 'timestamp'> = {}): string {
  return fhirJson(fhirHistoryBundle(input, options));
}
