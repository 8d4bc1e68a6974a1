// Rules by id, built once per rule set: batch plans every row against the same set, and a
// linear search per concern, zone and condition was a visible share of each plan.
import type { Concern, Condition, Course, Device, RuleSet, Zone } from '../rules/schema.js';

export interface Lookup {
  concern(id: string): Concern;
  course(id: string): Course;
  zone(id: string): Zone;
  device(id: string): Device;
  condition(id: string): Condition;
}

const built = new WeakMap<RuleSet, Lookup>();

function byId<T extends { id: string }>(items: readonly T[], kind: string): (id: string) => T {
  const map = new Map(items.map((item) => [item.id, item]));
  return (id) => {
    const found = map.get(id);
    // Intake validation guarantees every id; reaching this is a bug, not a user error.
    if (!found) throw new Error(`no ${kind} "${id}" in the rule set`);
    return found;
  };
}

export function lookup(rules: RuleSet): Lookup {
  let index = built.get(rules);
  if (!index) {
    index = {
      concern: byId(rules.concerns.concerns, 'concern'),
      course: byId(rules.concerns.courses, 'course'),
      zone: byId(rules.zones.zones, 'zone'),
      device: byId(rules.devices.devices, 'device'),
      condition: byId(rules.screening.conditions, 'screening condition'),
    };
    built.set(rules, index);
  }
  return index;
}
