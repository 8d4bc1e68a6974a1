// Needle depth per zone: the deepest need among the concerns treated in that zone (its
// treatment area: never a concern meant for another zone), capped by the zone, adjusted for
// skin type, rounded down to the device's step, clamped to its range.
import type { Device, RuleSet } from '../rules/schema.js';
import type { ConcernAnswer } from '../intake/areas.js';
import { prepared, type PreparedDevice, type PreparedSkinType } from './prepared.js';
import type { ZonePlan } from './types.js';
import type { Rationale } from './rationale.js';
import { fmt } from '../text/numbers.js';

/** Work in thousandths of a mm so 0.1 + 0.2 never drifts off the device's step grid. */
const MILLI = 1000;
const toMilli = (mm: number) => Math.round(mm * MILLI);

export function onDeviceStep(mm: number, device: Device): number {
  return onSteps(mm, toMilli(device.depthMm.min), toMilli(device.depthMm.max), toMilli(device.stepMm));
}

function onSteps(mm: number, min: number, max: number, step: number): number {
  const steps = Math.floor((toMilli(mm) - min) / step);
  const snapped = Math.min(Math.max(min + steps * step, min), max);
  return snapped / MILLI;
}

/** A depth asked for, capped by the zone, adjusted for skin type, on the device's steps. */
function finish(mm: number, cap: number, deltaMm: number, device: PreparedDevice): number {
  return onSteps(Math.min(mm, cap) + deltaMm, device.minMilli, device.maxMilli, device.stepMilli);
}

export interface DepthContext {
  rules: RuleSet;
  device: PreparedDevice;
  skin: PreparedSkinType;
  why: Rationale;
}

/** Why a zone is not treated now (an in-area condition), or null. */
export type HeldBack = { code: string; message: string } | null;

export function planZone(zoneId: string, concerns: readonly ConcernAnswer[], heldBack: HeldBack, ctx: DepthContext): ZonePlan {
  const { device, skin, why } = ctx;
  const rules = prepared(ctx.rules);
  const zone = rules.zone(zoneId);
  const cap = zone.rule.maxDepthMm;
  const deltaMm = skin.depthDeltaMm;
  // The most demanding concern sets the depth; ties go to the first named. The ceiling and
  // floor of the range are the deepest severe and mild asks. (One pass: this runs per zone
  // of every batch row.) The intake guarantees each concern of an area fits its zone.
  let leadAt = 0;
  let lead = concerns[0]!;
  let leadRule = rules.concern(lead.id);
  let wanted = leadRule.rule.depthMm[lead.severity];
  let ceilingWanted = leadRule.rule.depthMm.severe;
  let floorWanted = leadRule.rule.depthMm.mild;
  for (let i = 1; i < concerns.length; i++) {
    const c = concerns[i]!;
    const depth = rules.concern(c.id).rule.depthMm;
    if (depth[c.severity] > wanted) {
      leadAt = i;
      lead = c;
      leadRule = rules.concern(c.id);
      wanted = depth[c.severity];
    }
    if (depth.severe > ceilingWanted) ceilingWanted = depth.severe;
    if (depth.mild > floorWanted) floorWanted = depth.mild;
  }

  const depthMm = finish(wanted, cap, deltaMm, device);

  const floor = finish(floorWanted, cap, deltaMm, device);
  const ceiling = finish(ceilingWanted, cap, deltaMm, device);
  const range = { min: floor < depthMm ? floor : depthMm, max: ceiling > depthMm ? ceiling : depthMm };
  // The rationale is all text: only when the plan carries one.
  if (why.on) {
    let asks = leadRule.asks[lead.severity] + zoneId;
    if (concerns.length > 1) {
      const others: string[] = [];
      for (let i = 0; i < concerns.length; i++) if (i !== leadAt) others.push(rules.concern(concerns[i]!.id).also[concerns[i]!.severity]);
      asks += `, the deepest of the concerns treated there (also ${others.join(', ')})`;
    }
    why.add(zone.depthField, leadRule.ruleId, asks);
    if (wanted > cap) why.add(zone.depthField, zone.ruleId, zone.capped);
    if (deltaMm !== 0 && skin.depthDeltaRuleId) why.add(zone.depthField, `adjustments/${skin.depthDeltaRuleId}`, skin.deltaText);
    const adjusted = Math.min(wanted, cap) + deltaMm;
    const raised = depthMm > adjusted + 1e-9; // the device can't go as shallow as the adjustment asks
    why.add(zone.depthField, device.ruleId, fmt(depthMm) + (raised ? device.raised : device.rounded));
    why.add(
      zone.rangeField,
      leadRule.ruleId,
      `${zoneId} range ${fmt(range.min)}-${fmt(range.max)} mm: mild to severe settings of the concerns treated there, with the same cap and adjustment`,
    );
    if (heldBack)
      why.add(zone.depthField, `screening/${heldBack.code}`, `${zoneId} is held back (${heldBack.code}): not treated now, so it has no depth to use today; plan it again once it can be treated`);
  }
  const own: ZonePlan['concerns'] = [];
  for (const c of concerns) own.push({ id: c.id, severity: c.severity });
  return {
    zone: zoneId,
    depthMm,
    depthRangeMm: range,
    concerns: own,
    treated: heldBack === null,
    heldBack,
    label: zone.rule.label,
    capMm: cap,
    concern: lead.id,
    notes: zone.rule.notes,
  };
}
