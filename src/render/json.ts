// The contract's schemaVersion 1, pretty-printed.
import type { Plan } from '../engine/types.js';

export function renderJson(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
