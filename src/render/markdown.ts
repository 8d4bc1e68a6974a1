// The client's handout as markdown: the plan in plain language, what to expect, care
// before and after, screening findings in the client's words, and a footer tracing the
// plan to its rule set. The HTML handout is this document put through marked.
import type { Plan } from '../engine/types.js';
import type { RenderOptions } from './index.js';
import { escapeMarkdown, tableCell } from './handout-escape.js';
import { dated, forClients, listing, mm, spanInWords } from './handout-format.js';
import { clientFindings, type ClientFinding } from './handout-findings.js';

export const HANDOUT_TITLE = 'Your microneedling plan';

export function renderMarkdown(plan: Plan, _options?: RenderOptions): string {
  // An unscreened plan says so in its banner; the matching finding would repeat it.
  const findings = clientFindings(plan).filter((f) => !(plan.status === 'unscreened' && f.code === 'unscreened'));
  const sections = plan.status === 'not-eligible' ? notEligibleHandout(plan, findings) : handout(plan, findings);
  return `${sections.filter((s) => s !== '').join('\n\n')}\n`;
}

function handout(plan: Plan, findings: readonly ClientFinding[]): string[] {
  return [
    header(plan),
    banner(plan),
    atAGlance(plan),
    whatToExpect(plan),
    findingsSection(findings, 'From your health questions'),
    beforeCare(plan),
    afterCare(plan),
    footer(plan),
  ];
}

/** No plan at a glance, dates or care: only that treatment is not scheduled now, and why. */
function notEligibleHandout(plan: Plan, findings: readonly ClientFinding[]): string[] {
  const reasons = findings.filter((f) => f.outcome === 'block');
  return [
    header(plan),
    notScheduled(reasons),
    findingsSection(findings.filter((f) => f.outcome !== 'block'), 'Also from your health questions'),
    nextSteps(reasons.length),
    footer(plan),
  ];
}

function header(plan: Plan): string {
  const who = plan.client !== null ? `**For:** ${escapeMarkdown(plan.client)} · ` : '';
  return `# ${HANDOUT_TITLE}\n\n${who}**Planned on:** ${dated(plan.plannedOn)}`;
}

/** One line on the status, in the client's terms, so the rest reads in the right light. */
function banner(plan: Plan): string {
  const dates = plan.schedule.length > 0;
  switch (plan.status) {
    case 'ready':
      return `> **Ready to start.** ${dates ? 'Your session dates are below.' : 'Your practitioner will book the session dates with you.'}`;
    case 'needs-clearance':
      return `> **Your doctor's approval comes first.** ${dates ? 'The session dates below are provisional until' : 'Sessions are booked once'} your doctor has approved the treatment (see "From your health questions").`;
    case 'unscreened':
      return `> **Health questions still to complete.** Your practitioner will go through them with you before the first session; the plan may change after that.`;
    case 'not-eligible':
      return '';
  }
}

function atAGlance(plan: Plan): string {
  const lines = ['## Your plan at a glance', ''];
  lines.push(`**Treating:** ${listing(plan.concerns.map((c) => c.label))}`, '');
  // Each area with what is treated there; a held-back area shows no depth at all.
  const concernLabel = (id: string) => plan.concerns.find((c) => c.id === id)?.label ?? id;
  lines.push('| Area | Treating there | Needle depth |', '|---|---|---|');
  for (const z of plan.zones)
    lines.push(`| ${tableCell(z.label)} | ${tableCell(listing(z.concerns.map((c) => concernLabel(c.id))))} | ${z.treated ? mm(z.depthMm) : 'Not treated for now'} |`);
  lines.push('');
  const held = plan.zones.filter((z) => !z.treated);
  if (held.length)
    lines.push(
      `**Not treated for now:** ${escapeMarkdown(listing(held.map((z) => z.label)))}, until the skin there has healed or calmed down (see "From your health questions"). Your practitioner will plan ${held.length > 1 ? 'these areas' : 'this area'} again then.`,
      '',
    );
  if (plan.zones.some((z) => z.zone === 'periorbital' && z.treated))
    lines.push(
      '**Around the eyes:** the needles stay on the skin below the eye, outside the bony rim of the eye socket, and never touch the eyelids. The skin there is the thinnest, so it is treated the most gently.',
      '',
    );
  // The engine dates sessions at the shortest interval; say so when the course allows a range.
  const spaced = plan.schedule.length > 1 && plan.intervalWeeks.min !== plan.intervalWeeks.max;
  lines.push(
    `- **Sessions:** ${plan.sessions.count}, ${spanInWords(plan.intervalWeeks, 'week')} apart` +
      (spaced ? ` (the dates below are ${spanInWords({ min: plan.intervalWeeks.min, max: plan.intervalWeeks.min }, 'week')} apart)` : ''),
  );
  lines.push(
    `- **Numbing cream:** ${plan.numbing.recommended ? `yes, put on ${spanInWords(plan.numbing.leadMinutes, 'minute')} before each session` : 'not planned'}`,
  );
  lines.push(`- **Redness afterwards:** usually ${spanInWords(plan.downtimeDays, 'day')}`);
  if (plan.review) lines.push(`- **Results review:** ${dated(plan.review.date)}`);
  lines.push('');

  if (plan.schedule.length > 0) {
    lines.push('### Session dates', '', '| Session | Date |', '|---|---|');
    for (const s of plan.schedule) lines.push(`| ${s.session} of ${plan.sessions.count} | ${dated(s.date)} |`);
    if (plan.review) lines.push(`| Results review | ${dated(plan.review.date)} |`);
  } else {
    lines.push(
      '**Session dates:** to be booked with your practitioner' +
        (plan.earliestStart ? `; the first session can be on or after ${dated(plan.earliestStart)}.` : '.'),
    );
  }
  return lines.join('\n');
}

function whatToExpect(plan: Plan): string {
  const numbing = plan.numbing.recommended
    ? `A numbing cream goes on ${spanInWords(plan.numbing.leadMinutes, 'minute')} before needling and is removed before the session starts, so arrive in good time.`
    : 'No numbing cream is planned for your sessions.';
  return [
    '## What to expect',
    '',
    `- **Numbing:** ${numbing}`,
    `- **Redness:** expect redness for about ${spanInWords(plan.downtimeDays, 'day')} after each session.`,
    `- **Results:** ${plan.resultsNote}`,
    `- **Afterwards:** ${plan.maintenance}`,
  ].join('\n');
}

function findingsSection(findings: readonly ClientFinding[], title: string): string {
  if (findings.length === 0) return '';
  return [`## ${title}`, '', ...findings.map((f) => `- **${f.label}:** ${f.text}`)].join('\n');
}

function notScheduled(reasons: readonly ClientFinding[]): string {
  return [
    `> **Treatment is not scheduled now.** No sessions are booked, for the ${reasons.length > 1 ? 'reasons' : 'reason'} below.`,
    '',
    '## Why',
    '',
    ...reasons.map((f) => `- ${f.text}`),
  ].join('\n');
}

function nextSteps(reasons: number): string {
  return [
    '## What happens next',
    '',
    `Your practitioner will go through this with you and can plan your treatment again once ${reasons > 1 ? 'the reasons above no longer apply' : 'the reason above no longer applies'}.`,
  ].join('\n');
}

function beforeCare(plan: Plan): string {
  if (plan.beforeCare.length === 0) return '';
  const lines = ['## Before each session', ''];
  for (const step of plan.beforeCare)
    lines.push(`- ${forClients(step.text)}${step.fromDate ? ` **First session: from ${dated(step.fromDate)}.**` : ''}`);
  return lines.join('\n');
}

function afterCare(plan: Plan): string {
  if (plan.afterCare.length === 0) return '';
  return ['## After each session', '', ...plan.afterCare.map((step) => `- ${forClients(step.text)}`)].join('\n');
}

function footer(plan: Plan): string {
  return [
    '---',
    '',
    "*This handout is your practitioner's plan, made with needleplan: decision support for a trained practitioner, not a prescription. Ask your practitioner about anything that is unclear.*",
    '',
    `Planned on ${plan.plannedOn} with the rule set ${escapeMarkdown(plan.rules.name)}, version ${escapeMarkdown(plan.rules.version)}, fingerprint sha256 \`${plan.rules.sha256}\`.`,
  ].join('\n');
}
