// plan(intake, rules, today): the whole protocol for one client, as data. A pure
// function: no I/O, no clock (today is an argument), no colour. Renderers print it.
//
// Each treatment area is planned from its own concerns; a zone an in-area condition holds
// back keeps the depth it would take (the contract wants a number) but `treated: false`,
// and nothing else in the plan comes from it: not the course, numbing, downtime or serums.
import type { RuleSet } from '../rules/schema.js';
import type { Intake } from '../intake/schema.js';
import type { CareStep, Finding, Plan } from './types.js';
import { Rationale } from './rationale.js';
import { fmt, span } from '../text/numbers.js';
import { lookup } from './lookup.js';
import { onDeviceStep, planZone } from './depth.js';
import { planCourse } from './course.js';
import { romanType, screen, statusOf } from './screening.js';
import { addDays, addMonths, laterOf } from './dates.js';

interface BeforeStep {
  id: string;
  text: string;
  daysBefore: number | undefined;
}

export function plan(intake: Intake, rules: RuleSet, today: string): Plan {
  const why = new Rationale();
  const find = lookup(rules);
  const device = find.device(intake.device ?? rules.ruleset.device);
  const screening = screen(intake, rules, today, why);
  const findings = [...screening.findings];

  const depthContext = { rules, device, intake, deltaMm: screening.depthDeltaMm, deltaRuleId: screening.depthDeltaRuleId, why };
  const zones = intake.areas.map((area) => planZone(find.zone(area.zone), area.concerns, screening.heldBack.get(area.zone) ?? null, depthContext));
  // What is treated now sets everything else; with nothing treated (not eligible) the
  // plan still says what the course would be.
  const treatedAreas = intake.areas.filter((a) => !screening.heldBack.has(a.zone));
  const basis = treatedAreas.length ? treatedAreas : intake.areas;
  const basisZones = zones.filter((z) => basis.some((a) => a.zone === z.zone));
  const deepestZone = basisZones.reduce((a, b) => (b.depthMm > a.depthMm ? b : a));
  const deepest = deepestZone.depthMm;
  if (treatedAreas.length && treatedAreas.length < intake.areas.length)
    why.add('sessions', 'screening', `held-back zones (${[...screening.heldBack.keys()].filter((z) => intake.zones.includes(z)).join(', ')}) do not set the course, numbing or downtime`);

  const course = planCourse(basis, rules, why);
  findings.push(...course.findings);

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
    `deepest setting ${fmt(deepest)} mm (${deepestZone.zone}) is ${wantsNumbing ? 'above' : 'within'} the ${fmt(threshold)} mm threshold for ${intake.painTolerance} pain tolerance` +
      (numbing.recommended ? `: numbing cream ${span(numbing.leadMinutes, 'minutes')} before` : wantsNumbing ? ', but numbing cream is ruled out by an allergy' : ': no numbing needed'),
  );
  if (wantsNumbing && screening.noNumbingCream) findings.push(numbingRuledOut());

  function numbingRuledOut(): Finding {
    const above = basisZones.filter((z) => z.depthMm > threshold).map((z) => z.zone);
    const within = onDeviceStep(threshold, device);
    const shallower =
      within <= threshold
        ? `At ${fmt(within)} mm or shallower no numbing would be needed.`
        : `No setting of the ${device.name} is within that threshold.`;
    const message =
      `Numbing cream is ruled out (${screening.noNumbingCodes.join(', ')}) and the deepest setting, ${fmt(deepest)} mm (${above.join(', ')}), ` +
      `is above the ${fmt(threshold)} mm threshold for ${intake.painTolerance} pain tolerance: deeper work without numbing is the practitioner's call. ${shallower}`;
    return {
      code: 'numbing-ruled-out',
      outcome: 'caution',
      message,
      zones: above,
      clientMessage: 'Numbing cream cannot be used because of your allergy, so your practitioner will agree with you how deep to work without it.',
      ruleId: `adjustments/${numbingRule.id}`,
    };
  }

  // Downtime: the band of the deepest setting, plus days a condition adds.
  const band = rules.downtime.bands.find((b) => b.upToMm === null || deepest <= b.upToMm)!;
  const downtimeDays = { min: band.days.min + screening.downtimeExtra.min, max: band.days.max + screening.downtimeExtra.max };
  why.add('downtimeDays', `downtime/${band.id}`, `${span(band.days, 'days')} of redness at ${fmt(deepest)} mm (${band.id} band)`);
  if (screening.downtimeExtra.max > 0)
    for (const f of findings) {
      const extra = f.ruleId === `screening/${f.code}` ? find.condition(f.code).downtimeExtraDays : undefined;
      if (extra && extra.max > 0) why.add('downtimeDays', f.ruleId, `${f.code} adds ${span(extra, 'days')}`);
    }

  // Status before the schedule: a not-eligible client gets no sessions and no care steps.
  const eligible = statusOf(findings, intake.screened) !== 'not-eligible';

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

  // Before-care: a client who is not eligible has nothing to prepare for, so no steps are
  // listed; the rest in date order (the earliest window first), undated steps after.
  const skinType = rules.adjustments.fitzpatrick.filter((a) => a.types.includes(intake.fitzpatrick));
  const steps: BeforeStep[] = [
    ...rules.care.before.filter((c) => !c.onlyWithNumbing || numbing.recommended).map((c) => ({ id: c.id, text: c.text, daysBefore: c.daysBefore })),
    ...skinType.flatMap((a) =>
      a.before.map((b, i) => ({ id: `${a.id}-before-${i + 1}`, ...(typeof b === 'string' ? { text: b, daysBefore: undefined } : b) })),
    ),
  ];
  const ordered = steps
    .map((step, i) => ({ step, i }))
    .sort((a, b) => (b.step.daysBefore ?? -1) - (a.step.daysBefore ?? -1) || a.i - b.i)
    .map((x) => x.step);
  const first = schedule[0]?.date;
  const beforeCare: CareStep[] = eligible
    ? ordered.map((s) => ({ id: s.id, text: s.text, fromDate: first && s.daysBefore !== undefined ? addDays(first, -s.daysBefore) : null }))
    : [];
  const afterCare: CareStep[] = eligible
    ? [
        ...rules.care.after.map((c) => ({ id: c.id, text: c.text, fromDate: null })),
        ...skinType.flatMap((a) => a.after.map((text, i) => ({ id: `${a.id}-after-${i + 1}`, text, fromDate: null }))),
      ]
    : [];

  // A window that would have had to open before today: say so, and the first date every window fits.
  let suggestedStart: string | null = null;
  const late = beforeCare.filter((c) => c.fromDate !== null && c.fromDate < today);
  if (first && late.length) {
    const longest = Math.max(...ordered.map((s) => s.daysBefore ?? 0));
    const lead = ordered.find((s) => s.daysBefore === longest)!;
    suggestedStart = laterOf(addDays(today, longest), screening.earliestStart ?? today);
    const steps = late.map((c) => `${c.id} from ${c.fromDate}`).join(', ');
    const message = `Before-care for the first session on ${first} would have had to start before today (${today}): ${steps}. Every window fits from ${suggestedStart}; suggest starting then, or go ahead knowing the preparation is shorter.`;
    findings.push({
      code: 'before-care-late',
      outcome: 'caution',
      message,
      clientMessage: `Some of the preparation below should have started before today. Your practitioner may suggest starting on or after ${suggestedStart} instead.`,
      ruleId: `care/${lead.id}`,
    });
    why.add('suggestedStart', `care/${lead.id}`, `${suggestedStart}: today plus the longest before-care window (${longest} days, ${lead.id})`);
  }
  const status = statusOf(findings, intake.screened);

  const treatedConcerns = [...new Set(basis.flatMap((a) => a.concerns.map((c) => c.id)))].map((id) => find.concern(id));
  return {
    schemaVersion: 1,
    status,
    client: intake.client,
    concerns: intake.concerns.map((c) => ({ id: c.id, label: find.concern(c.id).label, severity: c.severity })),
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
    suggestedStart,
    serums: [...new Set(treatedConcerns.flatMap((c) => c.serums))],
    notes: [...new Set(treatedConcerns.flatMap((c) => c.notes)), rules.care.serumsNote],
    beforeCare,
    afterCare,
    maintenance: followUp.maintenance,
    resultsNote: followUp.resultsNote,
    disclaimer: rules.ruleset.disclaimer,
  };
}
