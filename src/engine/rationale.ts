// Collects the "why" behind every number, each entry naming the rule it came from.
import type { RationaleEntry } from './types.js';

export class Rationale {
  readonly entries: RationaleEntry[] = [];
  add(field: string, ruleId: string, text: string): void {
    this.entries.push({ field, ruleId, text });
  }
}
