// The next session as a short markdown note for the client's file or handout.
import type { NextSession } from '../../engine/next-session.js';
import { escapeMarkdown, tableCell } from '../handout-escape.js';
import { dated } from '../handout-format.js';
import { STATUS_WORDS } from './index.js';

export const NEXT_TITLE = 'Your next microneedling session';

export function renderNextMarkdown(next: NextSession): string {
  const out: string[] = [`# ${NEXT_TITLE}`, ''];
  if (next.client !== null) out.push(`**For:** ${escapeMarkdown(next.client)}`, '');
  if (next.status === 'complete') {
    out.push(`Your course of ${next.session.of} sessions is complete.`, '');
  } else if (next.status === 'not-eligible') {
    out.push('No session is planned now; your practitioner will talk it through with you.', '');
  } else {
    out.push(`**Session ${next.session.number} of ${next.session.of}** (${STATUS_WORDS[next.status]})`, '');
    if (next.date) out.push(`**From:** ${dated(next.date)}`, '');
    if (next.status === 'needs-review') out.push('Your practitioner will review how your skin healed before the next session is booked.', '');
    if (next.zones.length) {
      out.push('| Area | Needle depth | Planned |', '|---|---|---|');
      for (const z of next.zones) out.push(`| ${tableCell(z.label)} | ${z.depthMm} mm | ${z.plannedMm} mm |`);
      out.push('');
    }
  }
  if (next.review) out.push(`- **Results review:** ${dated(next.review.date)}`);
  if (next.maintenance) out.push(`- **Maintenance:** about ${dated(next.maintenance.date)}`);
  if (next.review || next.maintenance) out.push('');
  out.push('## Why', '');
  for (const r of next.rationale) out.push(`- ${escapeMarkdown(r.text)}`);
  out.push('', `_Rules ${escapeMarkdown(next.rules.version)}, fingerprint sha256 \`${next.rules.sha256}\`._`);
  return `${out.join('\n')}\n`;
}
