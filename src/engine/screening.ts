// Findings from screening answers, age and skin type, and the status they add up to.
import type { RuleSet } from '../rules/schema.js';
import type { Intake } from '../intake/schema.js';
import { ROMAN } from '../rules/vocabulary.js';
import type { Finding, Status } from './types.js';
import { addDays } from './dates.js';
import type { Rationale } from './rationale.js';
import { lookup } from './lookup.js';

export interface ScreeningResult {
  findings: Finding[];
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

  for (const id of intake.conditions) {
    const c = lookup(rules).condition(id);
    if (c.onlyZones && !c.onlyZones.some((z) => intake.zones.includes(z))) {
      why.add('findings', `screening/${c.id}`, `${c.id} applies only with ${c.onlyZones.join(', ')}, which is not planned`);
      continue;
    }
    let message = c.message;
    if (c.outcome === 'defer' && c.deferWeeks) {
      deferWeeks = Math.max(deferWeeks, c.deferWeeks);
      message += ` Earliest start ${addDays(today, Math.round(c.deferWeeks * 7))}.`;
    }
    if (c.noNumbingCream) noNumbingCream = true;
    if (c.downtimeExtraDays) {
      downtimeExtra.min += c.downtimeExtraDays.min;
      downtimeExtra.max += c.downtimeExtraDays.max;
    }
    findings.push({ code: c.id, outcome: c.outcome, message, clientMessage: c.clientMessage ?? c.message, ruleId: `screening/${c.id}` });
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
  return { findings, earliestStart, noNumbingCream, downtimeExtra, depthDeltaMm, depthDeltaRuleId };
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
