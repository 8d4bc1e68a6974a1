// Ids that are the same for the same input, so a rerun gives the same Bundle (all but its
// timestamp) and a receiving system can match resources across exports. Each id is a UUID
// shaped from a sha256 of what identifies the resource: the plan's content for the plan's
// own resources, the client's label for the Patient, the lot for a Device.
import { createHash } from 'node:crypto';
import type { Plan } from '../../engine/types.js';
import { canonicalJson } from '../../rules/load/fingerprint.js';

/** A UUID (version 5 layout, variant 1) from a sha256 of the parts. */
export function stableUuid(...parts: readonly (string | number)[]): string {
  const hex = createHash('sha256').update(parts.map(String).join('\u0000')).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const urn = (id: string) => `urn:uuid:${id}`;

/** What makes this plan this plan: who, when, under which rules, and its whole content. */
export function planKey(plan: Plan): string {
  return stableUuid('plan', plan.client ?? '', plan.plannedOn, plan.rules.sha256, canonicalJson(plan));
}
