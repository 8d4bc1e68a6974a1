// One screen after a consultation's plan: the status, the depth per zone, the sessions and
// first dates, and the findings, so the decision is on screen at the save prompt even when
// the full plan has scrolled away. Pure: Plan in, text out.
import type { Plan } from '../engine/types.js';
import { fmt, span } from '../text/numbers.js';
import { withoutControls } from '../text/escape.js';
import { OUTCOME_WORDS, STATUS_WORDS, outcomeRank } from './outcome-words.js';
import { hang } from './wrap.js';

export function renderSummary(plan: Plan, width = 80): string {
  const out: string[] = [];
  const status = STATUS_WORDS[plan.status];
  const who = plan.client === null ? '' : ` for ${withoutControls(plan.client, ' ')}`;
  out.push(...hang('', `Summary${who}: ${status.word} (${status.meaning})`, width, 0, '  '));
  for (const z of plan.zones)
    out.push(
      ...hang(
        `  ${z.label.padEnd(24).slice(0, 24)} `,
        z.treated ? `${fmt(z.depthMm)} mm  (${z.concerns.map((c) => c.id).join(', ')})` : `held back: ${z.heldBack!.code}`,
        width,
      ),
    );
  if (plan.status === 'not-eligible') out.push('  Sessions  none now (not eligible)');
  else {
    const dates = plan.schedule.length ? `; first ${plan.schedule[0]!.date}${plan.schedule[1] ? `, then ${plan.schedule[1].date}` : ''}` : '; not dated';
    out.push(...hang('  Sessions  ', `${plan.sessions.count}, every ${span(plan.intervalWeeks, 'weeks')}${dates}`, width));
  }
  if (plan.suggestedStart) out.push(`  Suggested start ${plan.suggestedStart}`);
  const findings = [...plan.findings].sort((a, b) => outcomeRank(a.outcome) - outcomeRank(b.outcome));
  if (findings.length === 0) out.push('  Findings  none');
  for (const f of findings) {
    const word = OUTCOME_WORDS[f.outcome].word;
    const first = f.message.split(/(?<=[.:])\s/)[0]!;
    out.push(...hang(`  ${word.padEnd(10)}`, first, width));
  }
  return `${out.join('\n')}\n`;
}
