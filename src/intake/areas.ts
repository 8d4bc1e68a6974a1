// Treatment areas: a zone and the concerns treated in it. Each zone is planned from its own
// concerns only, so the pairing is part of the answers, never inferred where it is unknown.
// Pure: no I/O.
import type { RuleSet } from '../rules/schema.js';
import { SEVERITIES, type Severity } from '../rules/vocabulary.js';
import { zonesForConcern } from '../rules/applies.js';

export interface ConcernAnswer {
  id: string;
  severity: Severity;
}
export interface AreaAnswer {
  zone: string;
  concerns: ConcernAnswer[];
}

const rank = (s: Severity) => SEVERITIES.indexOf(s);

/** Every concern of the areas once, in the order first named, at its most severe. */
export function concernsOf(areas: readonly AreaAnswer[]): ConcernAnswer[] {
  const out: ConcernAnswer[] = [];
  for (const area of areas)
    for (const c of area.concerns) {
      const seen = out.find((o) => o.id === c.id);
      if (!seen) out.push({ ...c });
      else if (rank(c.severity) > rank(seen.severity)) seen.severity = c.severity;
    }
  return out;
}

export const zonesOf = (areas: readonly AreaAnswer[]): string[] => areas.map((a) => a.zone);

/**
 * The pairing -c/-z give when it is known: with one concern or one zone, every concern in
 * every zone it fits. Undefined when there are several of each (the pairing is not known).
 */
export function pairEveryFit(concerns: readonly ConcernAnswer[], zones: readonly string[], rules: RuleSet): AreaAnswer[] | undefined {
  if (concerns.length > 1 && zones.length > 1) return undefined;
  return zones
    .map((zone) => ({ zone, concerns: concerns.filter((c) => zonesForConcern(rules, c.id).includes(zone)).map((c) => ({ ...c })) }))
    .filter((a) => a.concerns.length > 0);
}

/** Adds one zone:concern pair, merging a repeated zone (a later severity wins for a repeated pair). */
export function addPair(areas: AreaAnswer[], zone: string, concern: ConcernAnswer): void {
  let area = areas.find((a) => a.zone === zone);
  if (!area) areas.push((area = { zone, concerns: [] }));
  const existing = area.concerns.find((c) => c.id === concern.id);
  if (existing) existing.severity = concern.severity;
  else area.concerns.push({ ...concern });
}

/** "cheeks:acne-scars=severe" items for a set of areas (what --area and the areas column take). */
export function areaItems(areas: readonly AreaAnswer[]): string[] {
  return areas.flatMap((a) => a.concerns.map((c) => `${a.zone}:${c.id}=${c.severity}`));
}
