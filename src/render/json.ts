// The contract's schemaVersion 1, pretty-printed: the Plan is already in its JSON shape
// (contract fields first, extras after). plan-schema.ts describes it; tests hold it to that.
import type { Plan } from '../engine/types.js';

export function renderJson(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
