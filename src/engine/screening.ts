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
import { prepared, type PreparedCondition } from './prepared.js';

/** "Cheeks, Forehead and Neck" */
function listing(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export interface ScreeningResult {
  findings: Finding[];
  /** Zones an in-area condition holds back: not treated now, whatever their depth. */
  heldBack: ReadonlyMap<string, { code: string; message: string }>;
  /** Conditions that rule numbing cream out. */
  noNumbingCodes: string[];
  earliestStart: string | null;
  noNumbingCream: boolean;
  downtimeExtra: { min: number; max: number };
  depthDeltaMm: number;
  depthDeltaRuleId: string | undefined;
}

/** The zones an in-area condition was named with ("active-acne@cheeks"), if any. */
function namedZones(intake: Intake, id: string): string[] | undefined {
  for (const cz of intake.conditionZones) if (cz.id === id) return cz.zones;
  return undefined;
}

const NO_HOLDS: ReadonlyMap<string, { code: string; message: string }> = new Map();

export function screen(intake: Intake, rules: RuleSet, today: string, why: Rationale): ScreeningResult {
  const p = prepared(rules);
  const findings: Finding[] = [];
  let deferWeeks = 0;
  let noNumbingCream = false;
  const downtimeExtra = { min: 0, max: 0 };
  const conditions: PreparedCondition[] = [];
  for (const id of intake.conditions) conditions.push(p.condition(id));

  // Held back first: whether any zone is left decides how every in-area finding reads.
  // (A map only when something is held back: most rows hold nothing back.)
  let holds: Map<string, { code: string; message: string }> | undefined;
  for (const { rule: c } of conditions) {
    if (!(c.inArea && c.outcome === 'block')) continue;
    holds ??= new Map();
    for (const zone of namedZones(intake, c.id) ?? intake.zones) if (!holds.has(zone)) holds.set(zone, { code: c.id, message: c.message });
  }
  const heldBack = holds ?? NO_HOLDS;
  const treated = heldBack.size === 0 ? intake.zones : intake.zones.filter((z) => !heldBack.has(z));
  const noneLeft = treated.length === 0;

  const noNumbingCodes: string[] = [];
  for (const { rule: c, ruleId, plain } of conditions) {
    // Most conditions read as the rules word them, whatever the row: one shared finding.
    let finding = plain;
    if (!finding) {
      const named = namedZones(intake, c.id);
      let zones: string[] | undefined;
      if (c.onlyZones) {
        const planned = (noneLeft ? intake.zones : treated).filter((z) => c.onlyZones!.includes(z));
        if (planned.length === 0) {
          if (why.on) why.add('findings', ruleId, `${c.id} applies only with ${c.onlyZones.join(', ')}, which is not ${noneLeft ? 'planned' : 'treated'}`);
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
          const held = listing(zones!.map((zone) => p.zone(zone).rule.label));
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
      finding = zones ? { code: c.id, outcome, message, zones, clientMessage, ruleId } : { code: c.id, outcome, message, clientMessage, ruleId };
    }
    if (c.noNumbingCream) {
      noNumbingCream = true;
      noNumbingCodes.push(c.id);
    }
    if (c.downtimeExtraDays) {
      downtimeExtra.min += c.downtimeExtraDays.min;
      downtimeExtra.max += c.downtimeExtraDays.max;
    }
    findings.push(finding);
  }

  const age = rules.adjustments.age;
  if (intake.age === null) findings.push(p.age.missing);
  else if (intake.age < age.minYears) findings.push(p.age.under);
  else if (intake.age < age.cautionBelowYears) findings.push(p.age.young);

  const skin = p.skinType(intake.fitzpatrick);
  for (const f of skin.findings) findings.push(f);

  if (intake.start !== null && intake.start < today) {
    const message = `The start date ${intake.start} is before today (${today}): check it; sessions are dated from it as given.`;
    findings.push({ code: 'start-in-past', outcome: 'caution', message, clientMessage: message, ruleId: 'screening' });
  }

  if (!intake.screened) findings.push(p.unscreened);

  const earliestStart = deferWeeks > 0 ? addDays(today, Math.round(deferWeeks * 7)) : null;
  return { findings, heldBack, noNumbingCodes, earliestStart, noNumbingCream, downtimeExtra, depthDeltaMm: skin.depthDeltaMm, depthDeltaRuleId: skin.depthDeltaRuleId };
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
