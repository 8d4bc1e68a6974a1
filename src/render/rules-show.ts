// `rules show` as a practitioner reads it: which rule set (name, version, fingerprint),
// then concerns by severity (depth, sessions, interval), zone caps, screening conditions
// grouped by outcome, and the adjustments. Sessions and interval come from the engine's
// own course planner, so the table shows what a plan would say, not a second reading.
import type { RuleSet, Severity } from '../rules/schema.js';
import { zonesForConcern } from '../rules/applies.js';
import { planCourse } from '../engine/course.js';
import { Rationale } from '../engine/rationale.js';
import { fmt, span } from '../text/numbers.js';
import { OUTCOME_WORDS } from './outcome-words.js';
import { OUTCOMES } from '../rules/vocabulary.js';
import { plain, type Paint } from './paint.js';
import { hang, wrapWords } from './wrap.js';

export interface RulesShowOptions {
  paint?: Paint;
  /** Files a clinic folder supplied itself (the rest are built-in). */
  own?: readonly string[];
  /** Columns to wrap to (the terminal's; 80 when not a terminal). */
  width?: number;
}

const SEVERITIES: readonly Severity[] = ['mild', 'moderate', 'severe'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];


/** Left-aligned columns two spaces apart; `style` colours a cell after it is padded. */
function table(header: readonly string[], rows: readonly string[][], paint: Paint, style: (row: number, col: number, text: string) => string = (_r, _c, t) => t): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[], paintCell: (c: number, text: string) => string) =>
    `  ${cells.map((cell, c) => paintCell(c, c === cells.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ')}`.trimEnd();
  return [line(header, (_c, t) => paint.dim(t)), ...rows.map((r, i) => line(r, (c, t) => style(i, c, t)))];
}

/** Where a concern applies, as a practitioner would say it: "face, plus neck, décolleté". */
function whereItApplies(rules: RuleSet, concern: RuleSet['concerns']['concerns'][number]): string {
  const kinds = concern.appliesTo.kinds.map((k) => `${k} zones`);
  const zones = concern.appliesTo.zones.filter((id) => {
    const zone = rules.zones.zones.find((z) => z.id === id);
    return !zone || !concern.appliesTo.kinds.includes(zone.kind);
  });
  return [...kinds, ...zones].join(', ') || '-';
}

/** One concern at one severity through the engine's course planner. */
function course(rules: RuleSet, id: string, severity: Severity) {
  const zone = zonesForConcern(rules, id)[0] ?? '';
  return planCourse([{ zone, concerns: [{ id, severity }] }], rules, new Rationale());
}

export function renderRulesText(rules: RuleSet, options: RulesShowOptions = {}): string {
  const paint = options.paint ?? plain;
  const width = options.width ?? 80;
  const out: string[] = [];
  const heading = (text: string) => out.push('', ...wrapWords(text, width).map((line) => paint.bold(line)));
  const device = rules.devices.devices.find((d) => d.id === rules.ruleset.device)!;

  out.push(paint.bold(`${rules.ruleset.name}, rules version ${rules.ruleset.version}`));
  // The hash is one word: on a line of its own when the row would be too wide, never cut.
  const fingerprint = `  Fingerprint  ${rules.sha256}`;
  out.push(...(fingerprint.length <= width ? [fingerprint] : ['  Fingerprint', `    ${rules.sha256}`]));
  const own = options.own ?? [];
  out.push(...hang('  From         ', rules.origin === 'built-in' ? 'the rules built into needleplan' : `${rules.origin}${own.length ? ` (own files: ${own.join(', ')}; the rest built-in)` : ''}`, width));
  for (const d of rules.devices.devices)
    out.push(
      ...hang(
        `  ${d === rules.devices.devices[0] ? 'Devices' : ''}`.padEnd(15),
        `${d.id}: ${d.name}, ${span(d.depthMm, 'mm')} in ${fmt(d.stepMm)} mm steps${d === device ? ' (default)' : ''}`,
        width,
      ),
    );

  heading('Concerns by severity (depth before zone caps and skin-type adjustments)');
  const concernRows: string[][] = [];
  const idWidth = Math.max(...rules.concerns.concerns.map((c) => c.id.length));
  // "Applies to" wraps down the concern's three rows so the table fits the width.
  const appliesWidth = Math.max(20, width - (2 + idWidth + 2 + 8 + 2 + 7 + 2 + 8 + 2 + 9 + 2));
  for (const c of rules.concerns.concerns) {
    const applies = wrapWords(whereItApplies(rules, c), appliesWidth);
    const rows = Math.max(SEVERITIES.length, applies.length);
    for (let i = 0; i < rows; i++) {
      const sev = SEVERITIES[i];
      const plan = sev && course(rules, c.id, sev);
      concernRows.push([
        i === 0 ? c.id : '',
        sev ?? '',
        sev ? `${fmt(c.depthMm[sev])} mm` : '',
        plan ? `${plan.sessions.count} (${span(plan.sessions, '').trim()})` : '',
        plan ? span(plan.intervalWeeks, 'weeks') : '',
        applies[i] ?? '',
      ]);
    }
  }
  out.push(...table(['Concern', 'Severity', 'Depth', 'Sessions', 'Interval', 'Applies to'], concernRows, paint));

  heading(`Zone caps (deepest setting per zone; the device allows ${span(device.depthMm, 'mm')})`);
  out.push(
    ...table(
      ['Zone', 'Label', 'Kind', 'Max depth', 'Source'],
      rules.zones.zones.map((z) => [z.id, z.label, z.kind, `${fmt(z.maxDepthMm)} mm`, z.assumption ? 'project assumption' : z.source ? 'sourced' : 'no source']),
      paint,
    ),
  );

  heading('Screening conditions by outcome');
  const conditionWidth = Math.max(...rules.screening.conditions.map((c) => c.id.length));
  for (const outcome of OUTCOMES) {
    const conditions = rules.screening.conditions.filter((c) => c.outcome === outcome);
    if (!conditions.length) continue;
    const o = OUTCOME_WORDS[outcome];
    out.push(`  ${paint.bold(paint[o.colour](o.word))} (${o.meaning})`);
    for (const c of conditions) {
      const extras = [
        c.deferWeeks !== undefined ? `wait ${fmt(c.deferWeeks)} week${c.deferWeeks === 1 ? '' : 's'}` : '',
        c.onlyZones ? `only for ${c.onlyZones.join(', ')}` : '',
        c.downtimeExtraDays ? `+${span(c.downtimeExtraDays, 'days')} downtime` : '',
        c.noNumbingCream ? 'no numbing cream' : '',
        c.inArea ? `in one area: ${c.id}@<zone> holds back that zone only` : '',
      ].filter(Boolean);
      out.push(...hang(`    ${c.id.padEnd(conditionWidth)}  `, `${c.label}${extras.length ? ` (${extras.join('; ')})` : ''}`, width));
    }
  }

  heading('Adjustments');
  const adj = rules.adjustments;
  const row = (label: string, text: string) => out.push(...hang(`  ${label.padEnd(13)}`, text, width));
  for (const f of adj.fitzpatrick)
    row('Skin type', `Fitzpatrick ${f.types.map((t) => ROMAN[t - 1] ?? t).join(', ')}: ${f.depthDeltaMm === 0 ? 'no depth change' : `${fmt(-f.depthDeltaMm)} mm shallower`} (${f.outcome})`);
  const t = adj.numbing.thresholdsMm;
  row('Numbing', `above ${fmt(t.low)} / ${fmt(t.normal)} / ${fmt(t.high)} mm for low / normal / high pain tolerance, ${span(adj.numbing.leadMinutes, 'minutes')} before`);
  row('Sessions', `within a course's range: mild at ${pct(adj.sessionCount.position.mild)}, moderate at ${pct(adj.sessionCount.position.moderate)}, severe at ${pct(adj.sessionCount.position.severe)} (rounded up)`);
  row('Age', `not eligible under ${adj.age.minYears}; caution under ${adj.age.cautionBelowYears}`);
  row('Downtime', rules.downtime.bands.map((b) => `${b.upToMm === null ? 'deeper' : `up to ${fmt(b.upToMm)} mm`}: ${span(b.days, 'days')}`).join('; '));
  row('Review', `${rules.care.followUp.reviewMonthsAfterLast} months after the last session`);
  return `${out.join('\n')}\n`;
}

const pct = (position: number) => `${Math.round(position * 100)}%`;

/** `rules show --format json`: the resolved set exactly as plans use it. */
export function renderRulesJson(rules: RuleSet): string {
  return `${JSON.stringify(rules, null, 2)}\n`;
}
