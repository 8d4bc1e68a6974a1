// The next session for the practitioner: what, when, how deep, and why anything changed.
import type { NextSession } from '../../engine/next-session.js';
import { STATUS_WORDS, depthWords, type NextRenderOptions } from './index.js';

export function renderNextText(next: NextSession, options?: NextRenderOptions): string {
  const bold = (s: string) => (options?.color ? `\u001b[1m${s}\u001b[22m` : s);
  const who = next.client ?? 'this client';
  const lines: string[] = [];
  const row = (label: string, value: string) => lines.push(`  ${label.padEnd(14)} ${value}`);
  if (next.status === 'complete') {
    lines.push(bold(`${who}: course complete (${next.session.of} of ${next.session.of} sessions done)`));
    if (next.lastSession) row('Last session', `session ${next.lastSession.number} on ${next.lastSession.date}`);
  } else if (next.status === 'not-eligible') {
    lines.push(bold(`${who}: no session planned (the saved plan found the client not eligible now)`));
  } else {
    lines.push(bold(`${who}: session ${next.session.number} of ${next.session.of} (${STATUS_WORDS[next.status]})`));
    if (next.date) row('Earliest date', `${next.date}${next.daysOverdue > 0 ? ` (overdue by ${next.daysOverdue} day${next.daysOverdue === 1 ? '' : 's'})` : ''}`);
    if (next.hold) row('On hold', `session ${next.hold.session} had ${next.hold.reason}`);
    next.zones.forEach((z, i) => row(i === 0 ? 'Depth' : '', `${z.zone} ${depthWords(z)}`));
    row('Last session', next.lastSession ? `session ${next.lastSession.number} on ${next.lastSession.date}` : 'none recorded yet');
  }
  if (next.review) row('Review', `${next.review.date}${next.status === 'due' ? ' (if the rest of the course keeps to the shortest interval)' : ''}`);
  if (next.maintenance) row('Maintenance', next.maintenance.date);
  lines.push('', 'Why:');
  for (const r of next.rationale) lines.push(`  - ${r.text} [${r.ruleId}]`);
  lines.push('', `Rules in force: ${next.rules.version}, sha256 ${next.rules.sha256.slice(0, 12)}; course planned on ${next.plannedOn} with ${next.planRules.version}, sha256 ${next.planRules.sha256.slice(0, 12)}`);
  return `${lines.join('\n')}\n`;
}
