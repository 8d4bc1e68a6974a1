// A session done as a Procedure based on the CarePlan, and each cartridge lot as a Device
// (`lotNumber`) the Procedure used. Depth per zone and passes have no core element, so they
// are needleplan extensions as on the plan's activities; the reaction is the `outcome`,
// and a reaction other than none is also a `complication`.
import type { Reference, Resource } from './types.js';
import type { Reaction, SessionDone } from './history.js';
import type { ZoneView } from './plan-view.js';
import { CODE_SYSTEM, EXTENSION } from './urls.js';
import { concept, days, microneedling, treatedZone, zoneConcept } from './codes.js';
import { stableUuid } from './ids.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** performedDateTime: a day, or a time with its zone (FHIR: a time always has a zone). */
export function performed(date: string): string {
  if (DATE.test(date)) return date;
  const m = DATE_TIME.exec(date);
  if (!m) throw new Error(`session date "${date}" is neither YYYY-MM-DD nor a date-time with an offset`);
  return m[1] ? date : date.replace(/(Z|[+-]\d{2}:\d{2})$/, ':00$1');
}

const REACTION_TEXT: Record<Reaction, string> = {
  none: 'No reaction beyond the expected redness',
  mild: 'Mild reaction',
  moderate: 'Moderate reaction',
  severe: 'Severe reaction',
};

export const deviceId = (lot: string) => stableUuid('Device', lot.trim());

export function cartridge(lot: string, deviceName: string): Resource {
  return {
    resourceType: 'Device',
    id: deviceId(lot),
    lotNumber: lot.trim(),
    deviceName: [{ name: `${deviceName} needle cartridge`, type: 'user-friendly-name' }],
    type: { text: 'Microneedling needle cartridge' },
  };
}

export function procedure(
  s: SessionDone,
  ctx: { planKey: string; patient: Reference; carePlan: Reference; zones: readonly ZoneView[]; device: Reference | undefined },
): Resource {
  const labelOf = (id: string) => ctx.zones.find((z) => z.zone === id)?.label;
  const reaction = s.reaction ?? undefined;
  return {
    resourceType: 'Procedure',
    id: procedureId(ctx.planKey, s.number),
    extension: [
      { url: EXTENSION.sessionNumber, valuePositiveInt: s.number },
      s.passes === null || s.passes < 1 ? undefined : { url: EXTENSION.passes, valuePositiveInt: s.passes },
      s.healedDays === null ? undefined : { url: EXTENSION.healingTime, valueQuantity: days(s.healedDays) },
      ...s.zones.map((z) => treatedZone({ zone: z.zone, label: labelOf(z.zone), depthMm: z.depthMm })),
    ],
    basedOn: [ctx.carePlan],
    status: 'completed',
    code: microneedling(),
    subject: ctx.patient,
    performedDateTime: performed(s.date),
    bodySite: s.zones.map((z) => zoneConcept(z.zone, labelOf(z.zone))),
    outcome: reaction ? concept(CODE_SYSTEM.reaction, reaction, REACTION_TEXT[reaction]) : undefined,
    complication: reaction && reaction !== 'none' ? [concept(CODE_SYSTEM.reaction, reaction, REACTION_TEXT[reaction])] : undefined,
    usedReference: ctx.device ? [ctx.device] : undefined,
    note: s.note ? [{ text: s.note }] : undefined,
  };
}

export const procedureId = (planKey: string, number: number) => stableUuid(planKey, 'Procedure', number);
