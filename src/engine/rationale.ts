// Collects the "why" behind every number, each entry naming the rule it came from.
import type { RationaleEntry } from './types.js';

export class Rationale {
  readonly entries: RationaleEntry[] = [];
  add(field: string, ruleId: string, text: string): void {
    this.entries.push({ field, ruleId, text });
  }
}

/** "1.5" not "1.50", for mm and weeks in sentences. */
export const fmt = (n: number): string => String(Math.round(n * 1000) / 1000);
export const span = (r: { min: number; max: number }, unit: string): string =>
  r.min === r.max ? `${fmt(r.min)} ${unit}` : `${fmt(r.min)}-${fmt(r.max)} ${unit}`;
