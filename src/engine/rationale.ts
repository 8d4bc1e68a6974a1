// Collects the "why" behind every number, each entry naming the rule it came from. A plan
// that is only ever a batch CSV row shows none of it, so it can be switched off: callers
// build an entry's text only when `on` (the sentences were a third of plan()'s time).
import type { RationaleEntry } from './types.js';

export class Rationale {
  readonly entries: RationaleEntry[] = [];
  constructor(readonly on = true) {}
  add(field: string, ruleId: string, text: string): void {
    this.entries.push({ field, ruleId, text });
  }
}
