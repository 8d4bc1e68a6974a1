// The fields of a plan that carry a number and so must have a rationale entry.
import type { Plan } from '../../src/engine/types.js';

export function numberedFields(p: Plan): string[] {
  const fields = ['sessions', 'intervalWeeks', 'numbing', 'downtimeDays'];
  for (const z of p.zones) fields.push(`zones.${z.zone}.depthMm`, `zones.${z.zone}.depthRangeMm`);
  if (p.schedule.length) fields.push('schedule');
  if (p.review) fields.push('review');
  if (p.suggestedStart) fields.push('suggestedStart');
  return fields;
}
