// Findings from screening answers, age and skin type, and the status they add up to. An
// in-area condition (active acne, a flare, ...) named with zones holds back those zones
// only; named without one it holds back every zone, and a plan with no zone left to treat
// is not eligible.
import type { RuleSet } from '../rules/schema.js';
import type { Intake } from '../intake/schema.js';
import { ROMAN } from '../rules/vocabulary.js';
import type { Finding, Status } from './types.js';
import { addDays } from './dates.js';
import type { Rationale } from './rationale.js';
import { lookup } from './lookup.js';

/** "Cheeks, Forehead and Neck" */
function listing(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export interface ScreeningResult {
  findings: Finding[];
  /** Zones an in-area condition holds back: not treated now, whatever their depth. */
  heldBack: Map<string, { code: string; message: string }>;
  /** Conditions that rule numbing cream out. */
  noNumbingCodes: string[];
  earliestStart: string | null;
  noNumbingCream: boolean;
  downtimeExtra: { min: number; max: number };
  depthDeltaMm: number;
  depthDeltaRuleId: string | undefined;
}

export function screen(intake: Intake, rules: RuleSet, today: string, why: Rationale): ScreeningResult {
  const findings: Finding[] = [];
  let deferWeeks = 0;
  let noNumbingCream = false;
  const downtimeExtra = { min: 0, max: 0 };

  const conditions = intake.conditions.map((id) => lookup(rules).condition(id));
  const label = (zone: string) => lookup(rules).zone(zone).label;
  const zonesFor = (id: string) => intake.conditionZones.find((cz) => cz.id === id)?.zones;

  // Held back first: whether any zone is left decides how every in-area finding reads.
  const heldBack = new Map<string, { code: string; message: string }>();
  const holds = conditions.filter((c) => c.inArea && c.outcome === 'block');
  for (const c of holds)
    for (const zone of zonesFor(c.id) ?? intake.zones) if (!heldBack.has(zone)) heldBack.set(zone, { code: c.id, message: c.message });
  const treated = intake.zones.filter((z) => !heldBack.has(z));
  const noneLeft = treated.length === 0;

  const noNumbingCodes: string[] = [];
  for (const c of conditions) {
    const named = zonesFor(c.id);
    let zones: string[] | undefined;
    if (c.onlyZones) {
      const planned = (noneLeft ? intake.zones : treated).filter((z) => c.onlyZones!.includes(z));
      if (planned.length === 0) {
        why.add('findings', `screening/${c.id}`, `${c.id} applies only with ${c.onlyZones.join(', ')}, which is not ${noneLeft ? 'planned' : 'treated'}`);
        continue;
      }
      zones = planned;
    }
    if (c.inArea) zones = named ?? [...intake.zones];
    let outcome = c.outcome;
    let message = c.message;
    let clientMessage = c.clientMessage ?? c.message;
    if (c.inArea && c.outcome === 'block') {
      if (!noneLeft) {
        // Some zones are still treated: for the plan this is a change, not a block.
        outcome = 'modify';
        const held = listing(zones!.map(label));
        message = `${message} Held back: ${held} (not treated now); the other zones are planned.`;
        clientMessage = `${clientMessage} ${held}: not treated for now; the other areas go ahead as planned.`;
      } else if (!named && intake.zones.length > 1) {
        const example = `${c.id}@${intake.zones[0]}`;
        message = `${message} Every zone is held back because no zone was named; if it is in one area only, name it (e.g. ${example}) to hold back that zone alone.`;
      }
    }
    if (c.outcome === 'defer' && c.deferWeeks) {
      deferWeeks = Math.max(deferWeeks, c.deferWeeks);
      message += ` Earliest start ${addDays(today, Math.round(c.deferWeeks * 7))}.`;
    }
    if (c.noNumbingCream) {
      noNumbingCream = true;
      noNumbingCodes.push(c.id);
    }
    if (c.downtimeExtraDays) {
      downtimeExtra.min += c.downtimeExtraDays.min;
      downtimeExtra.max += c.downtimeExtraDays.max;
    }
    findings.push({ code: c.id, outcome, message, ...(zones ? { zones } : {}), clientMessage, ruleId: `screening/${c.id}` });
  }

  const age = rules.adjustments.age;
  const ageRule = `adjustments/${age.id}`;
  if (intake.age === null)
    findings.push({ code: 'age-not-recorded', outcome: 'caution', message: age.missingMessage, clientMessage: age.missingMessage, ruleId: ageRule });
  else if (intake.age < age.minYears)
    findings.push({ code: 'age-under-minimum', outcome: 'block', message: age.blockMessage, clientMessage: age.blockMessage, ruleId: ageRule });
  else if (intake.age < age.cautionBelowYears)
    findings.push({ code: 'age-young-adult', outcome: 'caution', message: age.cautionMessage, clientMessage: age.cautionMessage, ruleId: ageRule });

  let depthDeltaMm = 0;
  let depthDeltaRuleId: string | undefined;
  for (const adj of rules.adjustments.fitzpatrick) {
    if (!adj.types.includes(intake.fitzpatrick)) continue;
    depthDeltaMm += adj.depthDeltaMm;
    depthDeltaRuleId = adj.id;
    findings.push({
      code: adj.id,
      outcome: adj.outcome,
      message: adj.message,
      clientMessage: [...adj.before, ...adj.after].join(' ') || adj.message,
      ruleId: `adjustments/${adj.id}`,
    });
  }

  if (intake.start !== null && intake.start < today) {
    const message = `The start date ${intake.start} is before today (${today}): check it; sessions are dated from it as given.`;
    findings.push({ code: 'start-in-past', outcome: 'caution', message, clientMessage: message, ruleId: 'screening' });
  }

  if (!intake.screened) {
    const message = 'Screening not completed: ask every screening question before the first session.';
    findings.push({ code: 'unscreened', outcome: 'caution', message, clientMessage: 'Your practitioner will complete the health questions before the first session.', ruleId: 'screening' });
  }

  const earliestStart = deferWeeks > 0 ? addDays(today, Math.round(deferWeeks * 7)) : null;
  return { findings, heldBack, noNumbingCodes, earliestStart, noNumbingCream, downtimeExtra, depthDeltaMm, depthDeltaRuleId };
}

/** not-eligible > needs-clearance > unscreened > ready (the contract's precedence). */
export function statusOf(findings: readonly Finding[], screened: boolean): Status {
  if (findings.some((f) => f.outcome === 'block')) return 'not-eligible';
  if (findings.some((f) => f.outcome === 'clearance')) return 'needs-clearance';
  if (!screened) return 'unscreened';
  return 'ready';
}

/** The intake holds 1-6 (checked there), so the index is always in range. */
export const romanType = (n: number): (typeof ROMAN)[number] => ROMAN[n - 1]!;
