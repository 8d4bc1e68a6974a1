// Needle depth per zone: the deepest need among the concerns treated in that zone (its
// treatment area: never a concern meant for another zone), capped by the zone, adjusted for
// skin type, rounded down to the device's step, clamped to its range.
import type { Device, RuleSet, Zone } from '../rules/schema.js';
import { lookup } from './lookup.js';
import type { Intake } from '../intake/schema.js';
import type { ConcernAnswer } from '../intake/areas.js';
import { ROMAN } from '../rules/vocabulary.js';
import type { ZonePlan } from './types.js';
import type { Rationale } from './rationale.js';
import { fmt } from '../text/numbers.js';

/** Work in thousandths of a mm so 0.1 + 0.2 never drifts off the device's step grid. */
const MILLI = 1000;
const toMilli = (mm: number) => Math.round(mm * MILLI);

export function onDeviceStep(mm: number, device: Device): number {
  const min = toMilli(device.depthMm.min);
  const max = toMilli(device.depthMm.max);
  const step = toMilli(device.stepMm);
  const steps = Math.floor((toMilli(mm) - min) / step);
  const snapped = Math.min(Math.max(min + steps * step, min), max);
  return snapped / MILLI;
}


export interface DepthContext {
  rules: RuleSet;
  device: Device;
  intake: Intake;
  /** Total depth change from skin-type adjustments (mm, <= 0). */
  deltaMm: number;
  deltaRuleId: string | undefined;
  why: Rationale;
}

/** Why a zone is not treated now (an in-area condition), or null. */
export type HeldBack = { code: string; message: string } | null;

export function planZone(zone: Zone, concerns: readonly ConcernAnswer[], heldBack: HeldBack, ctx: DepthContext): ZonePlan {
  const { rules, device, intake, deltaMm, why } = ctx;
  const field = `zones.${zone.id}.depthMm`;
  // The intake guarantees each concern of an area fits its zone.
  const treated = concerns.map((c) => ({ ...c, rule: lookup(rules).concern(c.id) }));
  // The most demanding concern sets the depth; ties go to the first named.
  const lead = treated.reduce((a, b) => (b.rule.depthMm[b.severity] > a.rule.depthMm[a.severity] ? b : a));
  const wanted = lead.rule.depthMm[lead.severity];
  const ceilingWanted = Math.max(...treated.map((c) => c.rule.depthMm.severe));
  const floorWanted = Math.max(...treated.map((c) => c.rule.depthMm.mild));

  const finish = (mm: number) => onDeviceStep(Math.min(mm, zone.maxDepthMm) + deltaMm, device);
  const depthMm = finish(wanted);

  const others = treated.filter((c) => c !== lead).map((c) => `${c.id} (${c.severity}) ${fmt(c.rule.depthMm[c.severity])} mm`);
  why.add(
    field,
    `concerns/${lead.id}`,
    `${lead.id} (${lead.severity}) asks for ${fmt(wanted)} mm in ${zone.id}` + (others.length ? `, the deepest of the concerns treated there (also ${others.join(', ')})` : ''),
  );
  if (wanted > zone.maxDepthMm)
    why.add(field, `zones/${zone.id}`, `${zone.id} is capped at ${fmt(zone.maxDepthMm)} mm${zone.assumption ? ' (project assumption: no sourced cap)' : ''}`);
  if (deltaMm !== 0 && ctx.deltaRuleId)
    why.add(field, `adjustments/${ctx.deltaRuleId}`, `Fitzpatrick ${ROMAN[intake.fitzpatrick - 1]}: ${fmt(deltaMm)} mm`);
  const adjusted = Math.min(wanted, zone.maxDepthMm) + deltaMm;
  const raised = depthMm > adjusted + 1e-9; // the device can't go as shallow as the adjustment asks
  why.add(
    field,
    `devices/${device.id}`,
    (raised
      ? `${fmt(depthMm)} mm: the shallowest setting of the ${device.name}, so the adjustment stops there`
      : `${fmt(depthMm)} mm after rounding down to the ${device.name} step of ${fmt(device.stepMm)} mm within ${fmt(device.depthMm.min)}-${fmt(device.depthMm.max)} mm`) +
      (device.assumption ? ' (device range and step are a project assumption)' : ''),
  );

  const range = { min: Math.min(finish(floorWanted), depthMm), max: Math.max(finish(ceilingWanted), depthMm) };
  why.add(
    `zones.${zone.id}.depthRangeMm`,
    `concerns/${lead.id}`,
    `${zone.id} range ${fmt(range.min)}-${fmt(range.max)} mm: mild to severe settings of the concerns treated there, with the same cap and adjustment`,
  );
  if (heldBack)
    why.add(field, `screening/${heldBack.code}`, `${zone.id} is held back (${heldBack.code}): not treated now, so it has no depth to use today; plan it again once it can be treated`);
  return {
    zone: zone.id,
    depthMm,
    depthRangeMm: range,
    concerns: concerns.map((c) => ({ id: c.id, severity: c.severity })),
    treated: heldBack === null,
    heldBack,
    label: zone.label,
    capMm: zone.maxDepthMm,
    concern: lead.id,
    notes: zone.notes,
  };
}
