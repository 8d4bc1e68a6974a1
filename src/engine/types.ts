// The Plan's types, from its one zod schema (plan-schema.ts). Type-only re-exports, so the
// CLI's path loads no zod for them.
import type { PlanJson } from './plan-schema.js';

export type { CareStep, Finding, MinMax, RationaleEntry, ZonePlan } from './plan-schema.js';
export { STATUSES, type Status } from './statuses.js';

export type Plan = PlanJson;
