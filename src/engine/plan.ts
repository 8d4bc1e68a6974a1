// plan(intake, rules, today): the whole protocol for one client, as data. A pure
// function: no I/O, no clock (today is an argument), no colour. Renderers print it.
//
// Each treatment area is planned from its own concerns; a zone an in-area condition holds
// back keeps the depth it would take (the contract wants a number) but `treated: false`,
// and nothing else in the plan comes from it: not the course, numbing, downtime or serums.
import type { Device, RuleSet } from '../rules/schema.js';
import type { Intake } from '../intake/schema.js';
import type { AreaAnswer } from '../intake/areas.js';
import type { CareStep, Finding, Plan, ZonePlan } from './types.js';
import { Rationale } from './rationale.js';
import { fmt, span } from '../text/numbers.js';
import { onDeviceStep, planZone } from './depth.js';
import { planCourse } from './course.js';
import { romanType, screen, statusOf, type ScreeningResult } from './screening.js';
import { dayNumber, isoOfDay, laterOf } from './dates.js';
import { prepared, type Prepared, type PreparedSkinType } from './prepared.js';

// Per batch row this is the hot path, so the steps below are plain loops over small arrays
// and read what is the same for every row from prepared(rules) (see prepared.ts); the
// output is byte for byte what the clearer spread-and-filter version gave
// (test/unit/engine-golden.test.ts).
export interface PlanOptions {
  /**
   * false: the rationale is left empty and its sentences are never written (a batch CSV row
   * shows none of it; they were a third of plan()'s time per row). Everything else is the same.
   */
  rationale?: boolean;
}

export function plan(intake: Intake, rules: RuleSet, today: string, options: PlanOptions = {}): Plan {
  const why = new Rationale(options.rationale ?? true);
  const p = prepared(rules);
  const device = p.device(intake.device ?? rules.ruleset.device);
  const skin = p.skinType(intake.fitzpatrick);
  const screening = screen(intake, rules, today, why);
  const findings = screening.findings;
  const { heldBack } = screening;

  const depthContext = { rules, device, skin, why };
  const zones: ZonePlan[] = [];
  for (const area of intake.areas) zones.push(planZone(area.zone, area.concerns, heldBack.get(area.zone) ?? null, depthContext));
  // What is treated now sets everything else; with nothing treated (not eligible) the
  // plan still says what the course would be.
  let basis: readonly AreaAnswer[] = intake.areas;
  let basisZones = zones;
  if (heldBack.size) {
    const treatedAreas = intake.areas.filter((a) => !heldBack.has(a.zone));
    if (treatedAreas.length) {
      basis = treatedAreas;
      basisZones = zones.filter((z) => !heldBack.has(z.zone));
      if (why.on && treatedAreas.length < intake.areas.length)
        why.add('sessions', 'screening', `held-back zones (${[...heldBack.keys()].filter((z) => intake.zones.includes(z)).join(', ')}) do not set the course, numbing or downtime`);
    }
  }
  let deepestZone = basisZones[0]!;
  for (const z of basisZones) if (z.depthMm > deepestZone.depthMm) deepestZone = z;
  const deepest = deepestZone.depthMm;

  const course = planCourse(basis, rules, why);
  for (const f of course.findings) findings.push(f);

  // Numbing: above the client's pain threshold, unless an allergy rules the cream out.
  const threshold = p.numbing.threshold[intake.painTolerance];
  const wantsNumbing = deepest > threshold.mm;
  const recommended = wantsNumbing && !screening.noNumbingCream;
  const numbing = recommended ? p.numbing.yes : p.numbing.no;
  if (why.on)
    why.add(
      'numbing',
      p.numbing.ruleId,
      `deepest setting ${fmt(deepest)} mm (${deepestZone.zone}) is ${wantsNumbing ? 'above' : 'within'} ${threshold.text}` +
        (recommended ? p.numbing.recommendedText : wantsNumbing ? ', but numbing cream is ruled out by an allergy' : ': no numbing needed'),
    );
  if (wantsNumbing && screening.noNumbingCream) findings.push(numbingRuledOut(intake, p, screening, basisZones, deepest, device.rule));

  // Downtime: the band of the deepest setting (the first deep enough; the rules' checks make
  // the last one unbounded), plus days a condition adds.
  let band = p.downtime[p.downtime.length - 1]!;
  for (const b of p.downtime)
    if (b.upToMm === null || deepest <= b.upToMm) {
      band = b;
      break;
    }
  const downtimeDays = { min: band.days.min + screening.downtimeExtra.min, max: band.days.max + screening.downtimeExtra.max };
  if (why.on) why.add('downtimeDays', band.ruleId, `${band.text}${fmt(deepest)} mm (${band.id} band)`);
  if (why.on && screening.downtimeExtra.max > 0)
    for (const f of findings) {
      const extra = f.ruleId === `screening/${f.code}` ? p.condition(f.code).rule.downtimeExtraDays : undefined;
      if (extra && extra.max > 0) why.add('downtimeDays', f.ruleId, `${f.code} adds ${span(extra, 'days')}`);
    }

  // Status before the schedule: a not-eligible client gets no sessions and no care steps.
  const eligible = statusOf(findings, intake.screened) !== 'not-eligible';

  // Dated sessions: from the requested start, moved later when a finding defers it.
  const schedule: Plan['schedule'] = [];
  let review: Plan['review'] = null;
  if (!eligible) {
    if (why.on) why.add('sessions', 'screening', 'not eligible now: no sessions are scheduled');
  } else if (intake.start) {
    const start = screening.earliestStart ? laterOf(intake.start, screening.earliestStart) : intake.start;
    if (why.on && start !== intake.start)
      why.add('schedule', 'screening', `requested start ${intake.start} moved to ${start}, the earliest a screening answer allows`);
    const gapDays = Math.round(course.intervalWeeks.min * 7);
    const startDay = dayNumber(start);
    for (let i = 0; i < course.sessions.count; i++) schedule.push({ session: i + 1, date: isoOfDay(startDay + i * gapDays) });
    if (why.on) why.add('schedule', `courses/${course.courseId}`, `${schedule.length} sessions from ${start}, every ${fmt(course.intervalWeeks.min)} weeks (the shortest interval the course allows)`);
    review = p.review.after(schedule[schedule.length - 1]!.date);
    if (why.on) why.add('review', p.review.ruleId, p.review.text);
  }

  // Before-care: a client who is not eligible has nothing to prepare for, so no steps are
  // listed; the rest in date order (the earliest window first, prepared per skin type),
  // undated steps after.
  const before = recommended ? skin.before.withNumbing : skin.before.withoutNumbing;
  const first = schedule[0]?.date;
  const beforeCare: CareStep[] = eligible ? datedSteps(before.ordered, first) : [];
  const afterCare: CareStep[] = eligible ? skin.afterCare.slice() : [];

  // A window that would have had to open before today: say so, and the first date every window fits.
  let suggestedStart: string | null = null;
  if (first) {
    let late = '';
    for (const c of beforeCare) if (c.fromDate !== null && c.fromDate < today) late += `${late ? ', ' : ''}${c.id} from ${c.fromDate}`;
    if (late) {
      const { longest } = before;
      const lead = before.lead!;
      suggestedStart = laterOf(isoOfDay(dayNumber(today) + longest), screening.earliestStart ?? today);
      const message = `Before-care for the first session on ${first} would have had to start before today (${today}): ${late}. Every window fits from ${suggestedStart}; suggest starting then, or go ahead knowing the preparation is shorter.`;
      findings.push({
        code: 'before-care-late',
        outcome: 'caution',
        message,
        clientMessage: `Some of the preparation below should have started before today. Your practitioner may suggest starting on or after ${suggestedStart} instead.`,
        ruleId: `care/${lead.id}`,
      });
      if (why.on) why.add('suggestedStart', `care/${lead.id}`, `${suggestedStart}: today plus the longest before-care window (${longest} days, ${lead.id})`);
    }
  }
  const status = statusOf(findings, intake.screened);
  const treated = treatedConcerns(basis, p, rules.care.serumsNote);

  const concerns: Plan['concerns'] = [];
  for (const c of intake.concerns) concerns.push({ id: c.id, label: p.concern(c.id).rule.label, severity: c.severity });
  return {
    schemaVersion: 1,
    status,
    client: intake.client,
    concerns,
    zones,
    sessions: eligible ? course.sessions : { ...course.sessions, count: 0 },
    intervalWeeks: course.intervalWeeks,
    schedule,
    review,
    numbing,
    downtimeDays,
    findings,
    rationale: why.entries,
    rules: p.rulesInfo,
    plannedOn: today,
    fitzpatrick: romanType(intake.fitzpatrick),
    painTolerance: intake.painTolerance,
    age: intake.age,
    screened: intake.screened,
    device: device.inPlan,
    earliestStart: screening.earliestStart,
    suggestedStart,
    serums: treated.serums,
    notes: treated.notes,
    beforeCare,
    afterCare,
    maintenance: rules.care.followUp.maintenance,
    resultsNote: rules.care.followUp.resultsNote,
    disclaimer: rules.ruleset.disclaimer,
  };
}

/** The before-care steps with the date each opens on, when the first session is dated. */
function datedSteps(ordered: PreparedSkinType['before']['withNumbing']['ordered'], first: string | undefined): CareStep[] {
  const out: CareStep[] = [];
  const firstDay = first ? dayNumber(first) : 0;
  for (const s of ordered) out.push({ id: s.id, text: s.text, fromDate: first && s.daysBefore !== undefined ? isoOfDay(firstDay - s.daysBefore) : null });
  return out;
}

/**
 * The serums and notes of the concerns treated now, each once in the order first named,
 * then the rules' note on serums. (Arrays with includes, not Sets: the lists are short,
 * and this runs for every batch row.)
 */
function treatedConcerns(basis: readonly AreaAnswer[], p: Prepared, serumsNote: string): { serums: string[]; notes: string[] } {
  const ids: string[] = [];
  for (const a of basis) for (const c of a.concerns) if (!ids.includes(c.id)) ids.push(c.id);
  if (ids.length === 1) {
    const only = p.concern(ids[0]!);
    const notes = only.notes.slice();
    notes.push(serumsNote);
    return { serums: only.serums.slice(), notes };
  }
  const serums: string[] = [];
  const notes: string[] = [];
  for (const id of ids) {
    const c = p.concern(id);
    for (const s of c.serums) if (!serums.includes(s)) serums.push(s);
    for (const n of c.notes) if (!notes.includes(n)) notes.push(n);
  }
  notes.push(serumsNote);
  return { serums, notes };
}

/** The finding when the deepest setting wants numbing but an allergy rules the cream out. */
function numbingRuledOut(intake: Intake, p: Prepared, screening: ScreeningResult, basisZones: readonly ZonePlan[], deepest: number, device: Device): Finding {
  const threshold = p.numbing.threshold[intake.painTolerance].mm;
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
    ruleId: p.numbing.ruleId,
  };
}
