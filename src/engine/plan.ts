// plan(intake, rules, today): the whole protocol for one client, as data. A pure
// function: no I/O, no clock (today is an argument), no colour. Renderers print it.
import type { RuleSet } from '../rules/schema.js';
import type { Intake } from '../intake/schema.js';
import type { CareStep, Plan } from './types.js';
import { Rationale } from './rationale.js';
import { fmt, span } from '../text/numbers.js';
import { lookup } from './lookup.js';
import { planZone } from './depth.js';
import { planCourse } from './course.js';
import { romanType, screen, statusOf } from './screening.js';
import { addDays, addMonths, laterOf } from './dates.js';

export function plan(intake: Intake, rules: RuleSet, today: string): Plan {
  const why = new Rationale();
  const find = lookup(rules);
  const device = find.device(intake.device ?? rules.ruleset.device);
  const screening = screen(intake, rules, today, why);
  const findings = [...screening.findings];

  const zones = intake.zones.map((id) =>
    planZone(find.zone(id), {
      rules,
      device,
      intake,
      deltaMm: screening.depthDeltaMm,
      deltaRuleId: screening.depthDeltaRuleId,
      why,
    }),
  );
  const deepest = Math.max(...zones.map((z) => z.depthMm));

  const course = planCourse(intake, rules, why);
  findings.push(...course.findings);
  const status = statusOf(findings, intake.screened);
  const eligible = status !== 'not-eligible';

  // Numbing: above the client's pain threshold, unless an allergy rules the cream out.
  const numbingRule = rules.adjustments.numbing;
  const threshold = numbingRule.thresholdsMm[intake.painTolerance];
  const wantsNumbing = deepest > threshold;
  const numbing = {
    recommended: wantsNumbing && !screening.noNumbingCream,
    leadMinutes: wantsNumbing && !screening.noNumbingCream ? { ...numbingRule.leadMinutes } : { min: 0, max: 0 },
  };
  why.add(
    'numbing',
    `adjustments/${numbingRule.id}`,
    `deepest setting ${fmt(deepest)} mm is ${wantsNumbing ? 'above' : 'within'} the ${fmt(threshold)} mm threshold for ${intake.painTolerance} pain tolerance` +
      (numbing.recommended ? `: numbing cream ${span(numbing.leadMinutes, 'minutes')} before` : wantsNumbing ? ', but numbing cream is ruled out by an allergy' : ': no numbing needed'),
  );

  // Downtime: the band of the deepest setting, plus days a condition adds.
  const band = rules.downtime.bands.find((b) => b.upToMm === null || deepest <= b.upToMm)!;
  const downtimeDays = { min: band.days.min + screening.downtimeExtra.min, max: band.days.max + screening.downtimeExtra.max };
  why.add('downtimeDays', `downtime/${band.id}`, `${span(band.days, 'days')} of redness at ${fmt(deepest)} mm (${band.id} band)`);
  if (screening.downtimeExtra.max > 0)
    for (const f of findings) {
      const extra = f.ruleId === `screening/${f.code}` ? find.condition(f.code).downtimeExtraDays : undefined;
      if (extra && extra.max > 0) why.add('downtimeDays', f.ruleId, `${f.code} adds ${span(extra, 'days')}`);
    }

  // Dated sessions: from the requested start, moved later when a finding defers it.
  let schedule: Plan['schedule'] = [];
  let review: Plan['review'] = null;
  const followUp = rules.care.followUp;
  if (!eligible) {
    why.add('sessions', 'screening', 'not eligible now: no sessions are scheduled');
  } else if (intake.start) {
    const start = screening.earliestStart ? laterOf(intake.start, screening.earliestStart) : intake.start;
    if (start !== intake.start)
      why.add('schedule', 'screening', `requested start ${intake.start} moved to ${start}, the earliest a screening answer allows`);
    const gapDays = Math.round(course.intervalWeeks.min * 7);
    schedule = Array.from({ length: course.sessions.count }, (_, i) => ({ session: i + 1, date: addDays(start, i * gapDays) }));
    why.add('schedule', `courses/${course.courseId}`, `${schedule.length} sessions from ${start}, every ${fmt(course.intervalWeeks.min)} weeks (the shortest interval the course allows)`);
    review = { date: addMonths(schedule[schedule.length - 1]!.date, followUp.reviewMonthsAfterLast) };
    why.add('review', `care/${followUp.id}`, `results review ${followUp.reviewMonthsAfterLast} months after the last session`);
  }

  const beforeCare: CareStep[] = [
    ...rules.care.before
      .filter((c) => !c.onlyWithNumbing || numbing.recommended)
      .map((c) => ({ id: c.id, text: c.text, fromDate: schedule[0] && c.daysBefore !== undefined ? addDays(schedule[0].date, -c.daysBefore) : null })),
    ...rules.adjustments.fitzpatrick
      .filter((a) => a.types.includes(intake.fitzpatrick))
      .flatMap((a) => a.before.map((text, i) => ({ id: `${a.id}-before-${i + 1}`, text, fromDate: null }))),
  ];
  const afterCare: CareStep[] = [
    ...rules.care.after.map((c) => ({ id: c.id, text: c.text, fromDate: null })),
    ...rules.adjustments.fitzpatrick
      .filter((a) => a.types.includes(intake.fitzpatrick))
      .flatMap((a) => a.after.map((text, i) => ({ id: `${a.id}-after-${i + 1}`, text, fromDate: null }))),
  ];

  const concernRules = intake.concerns.map((c) => find.concern(c.id));
  return {
    schemaVersion: 1,
    status,
    client: intake.client,
    concerns: intake.concerns.map((c, i) => ({ id: c.id, label: concernRules[i]!.label, severity: c.severity })),
    zones,
    sessions: eligible ? course.sessions : { ...course.sessions, count: 0 },
    intervalWeeks: course.intervalWeeks,
    schedule,
    review,
    numbing,
    downtimeDays,
    findings,
    rationale: why.entries,
    rules: { version: rules.ruleset.version, sha256: rules.sha256, name: rules.ruleset.name, origin: rules.origin },
    plannedOn: today,
    fitzpatrick: romanType(intake.fitzpatrick),
    painTolerance: intake.painTolerance,
    age: intake.age,
    screened: intake.screened,
    device: { id: device.id, name: device.name, stepMm: device.stepMm, depthMm: { ...device.depthMm } },
    earliestStart: screening.earliestStart,
    serums: [...new Set(concernRules.flatMap((c) => c.serums))],
    notes: [...new Set(concernRules.flatMap((c) => c.notes)), rules.care.serumsNote],
    beforeCare,
    afterCare,
    maintenance: followUp.maintenance,
    resultsNote: followUp.resultsNote,
    disclaimer: rules.ruleset.disclaimer,
  };
}
