// The plan statuses, mildest first (the order summaries count them in). Zod-free: the
// CLI's path imports it; the Plan schema builds its enum from it. Precedence when several
// apply: not-eligible > needs-clearance > unscreened > ready.
export const STATUSES = ['ready', 'needs-clearance', 'unscreened', 'not-eligible'] as const;
export type Status = (typeof STATUSES)[number];
