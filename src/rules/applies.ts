// Which zones a concern may be treated in: the zone kinds it lists, plus zones it names.
// The one place this rule is written; the engine, intake, checks and `rules show` ask here.
import type { Concern, RuleSet, Zone } from './schema.js';

export function appliesTo(concern: Concern, zone: Zone): boolean {
  return concern.appliesTo.kinds.includes(zone.kind) || concern.appliesTo.zones.includes(zone.id);
}

/** Zone ids a concern may be planned in under these rules (none for an unknown concern). */
export function zonesForConcern(rules: RuleSet, concernId: string): string[] {
  const concern = rules.concerns.concerns.find((c) => c.id === concernId);
  return concern ? rules.zones.zones.filter((z) => appliesTo(concern, z)).map((z) => z.id) : [];
}
