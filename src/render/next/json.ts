// The next session as JSON: the contract's fields (client, session, date, zones with
// depthMm and plannedMm, rationale) first, then status and the rest.
import type { NextSession } from '../../engine/next-session.js';

export function renderNextJson(next: NextSession): string {
  const { client, session, date, zones, rationale, status, ...rest } = next;
  const out = {
    schemaVersion: 1,
    client,
    session,
    date,
    zones: zones.map((z) => ({ zone: z.zone, depthMm: z.depthMm, plannedMm: z.plannedMm, label: z.label, lastMm: z.lastMm })),
    rationale,
    status,
    ...rest,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
