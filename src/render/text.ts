// The terminal protocol: a status banner, depth per zone, the course, findings, care and a
// short "why", scannable in an 80-column terminal. Every colour sits on a word that carries
// the meaning by itself, so the output reads the same with NO_COLOR.
import type { Finding, Plan } from '../engine/types.js';
import { fmt, span } from '../text/numbers.js';
import { withoutControls } from '../text/escape.js';
import type { RenderOptions } from './index.js';
import { plain, type Paint } from './paint.js';
import { hang } from './wrap.js';
import { OUTCOME_WORDS, STATUS_WORDS, outcomeRank } from './outcome-words.js';

export interface TextOptions extends RenderOptions {
  /** The colours to use when `color` is on (the shell loads chalk only for a terminal). */
  paint?: Paint;
}

/** Columns when the caller names none (not a terminal). */
const DEFAULT_WIDTH = 80;
/** Width of the label column ("Sessions", "Numbing", ...). */
const LABEL = 12;

/** Rationale fields the short "why" leaves to --explain: ranges, review, skipped findings. */
const DETAIL_FIELD = /(^zones\..*\.depthRangeMm$)|(^review$)|(^findings$)/;

export function renderText(plan: Plan, options: TextOptions): string {
  const paint = options.color && options.paint ? options.paint : plain;
  const width = options.width ?? DEFAULT_WIDTH;
  const out: string[] = [];
  const row = (label: string, text: string) => out.push(...hang(`  ${label.padEnd(LABEL)}`, text, width));
  const heading = (text: string) => out.push('', paint.bold(text));
  const bullets = (items: readonly string[]) => {
    for (const item of items) out.push(...hang('  - ', item, width));
  };

  // Banner: who, when, and the status word that decides everything else.
  // Control characters in a typed name must not reach the terminal as commands.
  const client = plan.client === null ? undefined : withoutControls(plan.client, ' ');
  const title = 'Microneedling plan';
  const header = hang('', `${title}${client ? ` for ${client}` : ''}, planned ${plan.plannedOn}`, width);
  out.push(paint.bold(title) + header[0]!.slice(title.length), ...header.slice(1));
  const status = STATUS_WORDS[plan.status];
  out.push(...hang(`${paint.bold(paint[status.colour](status.word))}  `, status.meaning, width, status.word.length + 2));
  out.push('');
  const who = [`Fitzpatrick ${plan.fitzpatrick}`, `pain tolerance ${plan.painTolerance}`, plan.age === null ? 'age not recorded' : `age ${plan.age}`];
  row('Client', who.join(' · '));
  row('Concerns', plan.concerns.map((c) => `${c.label} (${c.severity})`).join(', '));
  row('Device', `${plan.device.name}: ${fmt(plan.device.depthMm.min)}-${fmt(plan.device.depthMm.max)} mm in ${fmt(plan.device.stepMm)} mm steps`);

  // Each zone with the concerns treated there: they alone set its depth.
  heading('Treatment areas');
  const areaLabel = Math.min(30, Math.max(...plan.zones.map((z) => z.label.length)) + 2);
  for (const zone of plan.zones) {
    const name = zone.label.length > areaLabel - 2 ? `${zone.label.slice(0, areaLabel - 3)}…` : zone.label;
    const first = `  ${name.padEnd(areaLabel - 1)} `;
    out.push(...hang(first, zone.concerns.map((c) => `${c.id} (${c.severity})`).join(', ') + (zone.treated ? '' : ' — held back'), width, first.length, ' '.repeat(areaLabel + 2)));
  }

  heading('Needle depth per zone');
  out.push(...depthTable(plan, width));
  for (const zone of plan.zones)
    if (zone.heldBack) out.push(...hang('  ! ', `${zone.label} held back (${zone.heldBack.code}), not treated now: ${zone.heldBack.message}`, width));
  for (const zone of plan.zones) for (const note of zone.notes) if (zone.treated) out.push(...hang('  * ', `${zone.label}: ${note}`, width));

  heading('Course');
  const interval = `every ${span(plan.intervalWeeks, 'weeks')}`;
  const course = `${span(plan.sessions, 'sessions')} ${interval}`;
  if (plan.status === 'not-eligible') row('Sessions', `none now (not eligible); the course would be ${course}`);
  else row('Sessions', `${plan.sessions.count} (course ${plan.sessions.min}-${plan.sessions.max}), ${interval}`);
  if (plan.earliestStart) row('Earliest', `${plan.earliestStart} (a screening answer defers the first session)`);
  if (plan.suggestedStart) row('Suggested', `${plan.suggestedStart} (the first start every before-care window fits; see Findings)`);
  if (plan.schedule.length) {
    // As many dates a line as fit (four at 80 columns; no word-wrap: the columns line up).
    const dates = plan.schedule.map((s) => `#${s.session} ${s.date}`.padEnd(13));
    const perLine = Math.max(1, Math.floor((width - 2 - LABEL + 3) / 16));
    for (let i = 0; i < dates.length; i += perLine)
      out.push(`  ${(i === 0 ? 'Schedule' : '').padEnd(LABEL)}${dates.slice(i, i + perLine).join('   ').trimEnd()}`);
  } else if (plan.status !== 'not-eligible') row('Schedule', 'not dated (no start date given)');
  if (plan.review) row('Review', `${plan.review.date} (results review)`);
  row('Numbing', plan.numbing.recommended ? `yes: numbing cream ${span(plan.numbing.leadMinutes, 'minutes')} before, removed fully before needling` : 'no numbing cream');
  row('Downtime', `${span(plan.downtimeDays, 'days')} of redness`);
  if (plan.serums.length) row('Serums', plan.serums.join('; '));

  heading('Findings');
  if (plan.findings.length === 0) out.push('  none');
  for (const f of sortFindings(plan.findings)) {
    const o = OUTCOME_WORDS[f.outcome];
    const text = options.explain ? `${f.message} [${f.ruleId}]` : f.message;
    out.push(...hang(`  ${paint[o.colour](o.word)}${' '.repeat(LABEL - o.word.length)}`, text, width, LABEL + 2));
  }

  // A client who is not eligible has no session to prepare for: no steps to act on.
  heading('Before care');
  if (plan.status === 'not-eligible' || plan.beforeCare.length === 0) out.push('  none now (no session is planned)');
  bullets(plan.beforeCare.map((c) => (c.fromDate ? `from ${c.fromDate}: ${c.text}` : c.text)));
  heading('After care');
  if (plan.status === 'not-eligible' || plan.afterCare.length === 0) out.push('  none now (no session is planned)');
  bullets(plan.afterCare.map((c) => c.text));
  heading('Notes');
  bullets([...plan.notes, plan.resultsNote, plan.maintenance]);

  // The short "why" gives a held-back zone only the reason it is held back, never a depth.
  const heldDepth = new Set(plan.zones.filter((z) => !z.treated).map((z) => `zones.${z.zone}.depthMm`));
  const reasons = options.explain
    ? plan.rationale
    : plan.rationale.filter((r) => !DETAIL_FIELD.test(r.field) && !r.ruleId.startsWith('devices/') && !(heldDepth.has(r.field) && !r.ruleId.startsWith('screening/')));
  heading(options.explain ? `Why (all ${reasons.length} reasons, with their rules)` : `Why (--explain lists all ${plan.rationale.length} reasons with their rules)`);
  bullets(reasons.map((r) => (options.explain ? `${r.text} [${r.ruleId}]` : r.text)));

  out.push('');
  const origin = plan.rules.origin === 'built-in' ? '' : ` from ${plan.rules.origin}`;
  out.push(...hang('Rules: ', `${plan.rules.name} ${plan.rules.version}${origin}, sha256 ${plan.rules.sha256.slice(0, 12)}`, width));
  out.push(...hang('', plan.disclaimer, width).map(paint.dim));
  return `${out.join('\n')}\n`;
}

function depthTable(plan: Plan, width: number): string[] {
  const rows = [
    ['Zone', 'Depth', 'Range', 'Cap', 'Set by'],
    // A held-back zone shows no depth: nothing here is a setting to use on it now.
    ...plan.zones.map((z) =>
      z.treated ? [z.label, `${fmt(z.depthMm)} mm`, span(z.depthRangeMm, 'mm'), `${fmt(z.capMm)} mm`, z.concern] : [z.label, 'held back', '-', `${fmt(z.capMm)} mm`, '-'],
    ),
  ];
  const widths = [0, 1, 2, 3, 4].map((col) => Math.max(...rows.map((r) => r[col]!.length)) + 2);
  // The zone label gives way (cut with "…") when a clinic's long names would pass the width.
  widths[0] = Math.max(8, Math.min(widths[0]!, width - 2 - widths.slice(1).reduce((a, b) => a + b, 0) + 2));
  const cut = (text: string, width: number) => (text.length > width - 2 ? `${text.slice(0, width - 3)}…` : text);
  return rows.map((cells) => `  ${cells.map((cell, col) => (col === 0 ? cut(cell, widths[0]!) : cell).padEnd(widths[col]!)).join('')}`.trimEnd());
}

/** Most serious first; the engine's order within one outcome. */
function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings.map((f, i) => ({ f, i })).sort((a, b) => outcomeRank(a.f.outcome) - outcomeRank(b.f.outcome) || a.i - b.i).map((x) => x.f);
}
