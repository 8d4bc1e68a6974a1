// Which zones a concern may be treated in: the zone kinds it lists, plus zones it names.
// The one place this rule is written; the engine, intake, checks and `rules show` ask here.
import type { Concern, RuleSet, Zone } from './schema.js';

export function appliesTo(concern: Concern, zone: Zone): boolean {
  return concern.appliesTo.kinds.includes(zone.kind) || concern.appliesTo.zones.includes(zone.id);
}

const fitting = new WeakMap<RuleSet, Map<string, readonly string[]>>();
const NONE: readonly string[] = Object.freeze([]);

/**
 * Zone ids a concern may be planned in under these rules (none for an unknown concern).
 * Worked out once per rule set and concern (a rejected batch row asks many times), so the
 * list is frozen: it is shared.
 */
export function zonesForConcern(rules: RuleSet, concernId: string): readonly string[] {
  let byConcern = fitting.get(rules);
  if (!byConcern) fitting.set(rules, (byConcern = new Map()));
  let zones = byConcern.get(concernId);
  if (!zones) {
    const concern = rules.concerns.concerns.find((c) => c.id === concernId);
    if (!concern) return NONE; // not remembered: only the rules' own ids are
    zones = Object.freeze(rules.zones.zones.filter((z) => appliesTo(concern, z)).map((z) => z.id));
    byConcern.set(concernId, zones);
  }
  return zones;
}
