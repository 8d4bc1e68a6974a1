// What every plan under a rule set shares, worked out once per rule set: batch plans every
// row against the same set, and a profile put a third of a row's time in plan(), most of
// it redoing this (care steps filtered, sorted and spread per row, a course looked up and
// counted per concern, rationale sentences about rules alone formatted again). plan() and
// its helpers read it here and do per row only what depends on the row.
//
// Every object plans share (a finding, a care step) is frozen: a plan is data its readers
// never change, and a frozen part makes a change that would leak into other plans fail at
// once. The lists are copied into each plan, so they are not (V8 copies a frozen array
// the slow way: it was a third of plan()'s own time).
import type { Concern, Condition, Course, Device, RuleSet, Zone } from '../rules/schema.js';
import { ROMAN, type PainTolerance, type Severity } from '../rules/vocabulary.js';
import type { CareStep, Finding } from './types.js';
import { fmt, span } from '../text/numbers.js';
import { lookup } from './lookup.js';
import { addMonths } from './dates.js';
import { Memo } from '../text/memo.js';

/** A concern with its course, session count and rationale wording for each severity. */
export interface PreparedConcern {
  rule: Concern;
  course: Record<Severity, Course>;
  count: Record<Severity, number>;
  ruleId: string;
  /** "acne-scars (severe) asks for 1.5 mm in " (the zone follows). */
  asks: Record<Severity, string>;
  /** "acne-scars (severe) 1.5 mm", as another concern of a zone. */
  also: Record<Severity, string>;
  /** "(severe) takes the standard course of 3-6 sessions": the sessions rationale after the id. */
  takes: Record<Severity, string>;
  /** Its serums and notes, each once. */
  serums: readonly string[];
  notes: readonly string[];
}

export interface PreparedZone {
  rule: Zone;
  depthField: string;
  rangeField: string;
  ruleId: string;
  /** "cheeks is capped at 1.5 mm" (with the assumption note). */
  capped: string;
}

export interface PreparedDevice {
  rule: Device;
  ruleId: string;
  /** Its range and step in thousandths of a mm (see depth.ts). */
  minMilli: number;
  maxMilli: number;
  stepMilli: number;
  /** The device rationale after "<depth> mm", when the depth was raised to the device's floor, and when it was rounded down. */
  raised: string;
  rounded: string;
  /** The device as a plan names it (shared by plans, so frozen). */
  inPlan: Readonly<{ id: string; name: string; stepMm: number; depthMm: Readonly<{ min: number; max: number }> }>;
}

export interface BeforeStep {
  id: string;
  text: string;
  daysBefore: number | undefined;
}

/** The before-care steps for a skin type, with or without numbing, in date order, and the longest window's step. */
export interface BeforeSteps {
  ordered: readonly BeforeStep[];
  longest: number;
  lead: BeforeStep | undefined;
}

export interface PreparedSkinType {
  depthDeltaMm: number;
  depthDeltaRuleId: string | undefined;
  /** "Fitzpatrick IV: -0.25 mm". */
  deltaText: string;
  findings: readonly Finding[];
  before: { withNumbing: BeforeSteps; withoutNumbing: BeforeSteps };
  afterCare: readonly CareStep[];
}

export interface PreparedCondition {
  rule: Condition;
  ruleId: string;
  /** The finding as the rules word it, for a condition nothing about the row changes (no zones, no in-area hold, no deferral). */
  plain: Finding | undefined;
}

export interface PreparedNumbing {
  ruleId: string;
  /** Per pain tolerance: the threshold, and "the 0.5 mm threshold for normal pain tolerance". */
  threshold: Record<PainTolerance, { mm: number; text: string }>;
  /** ": numbing cream 30-60 minutes before". */
  recommendedText: string;
  /** The plan's numbing, when recommended and when not (shared by plans, so frozen). */
  yes: Readonly<{ recommended: true; leadMinutes: Readonly<{ min: number; max: number }> }>;
  no: Readonly<{ recommended: false; leadMinutes: Readonly<{ min: number; max: number }> }>;
}

export interface Prepared {
  concern(id: string): PreparedConcern;
  zone(id: string): PreparedZone;
  device(id: string): PreparedDevice;
  condition(id: string): PreparedCondition;
  skinType(fitzpatrick: number): PreparedSkinType;
  numbing: PreparedNumbing;
  /** Per severity: "moderate sits at 50% of the range: ". */
  sitsAt: Record<Severity, string>;
  sessionCountRuleId: string;
  downtime: readonly { upToMm: number | null; days: { min: number; max: number }; id: string; ruleId: string; text: string }[];
  age: { ruleId: string; missing: Finding; under: Finding; young: Finding };
  unscreened: Finding;
  /** The review: its rationale, and its date for a last session's (remembered; frozen, as plans share it). */
  review: { ruleId: string; text: string; after(lastSession: string): Readonly<{ date: string }> };
  /** The rule set as a plan names it (shared by plans, so frozen). */
  rulesInfo: Readonly<{ version: string; sha256: string; name: string; origin: string }>;
}

const built = new WeakMap<RuleSet, Prepared>();
// The last rule set asked for, checked first: plan() and its helpers ask several times a
// row, and a batch asks for one set all along (a WeakMap lookup each time showed in profiles).
let lastRules: RuleSet | undefined;
let lastPrepared: Prepared | undefined;

export function prepared(rules: RuleSet): Prepared {
  if (rules === lastRules) return lastPrepared!;
  let p = built.get(rules);
  if (!p) built.set(rules, (p = prepare(rules)));
  lastRules = rules;
  lastPrepared = p;
  return p;
}

const bySeverity = <T>(make: (s: Severity) => T): Record<Severity, T> => ({ mild: make('mild'), moderate: make('moderate'), severe: make('severe') });
const unique = (items: readonly string[]): string[] => [...new Set(items)];

function cached<T>(make: (id: string) => T): (id: string) => T {
  const map = new Map<string, T>();
  return (id) => {
    let v = map.get(id);
    if (v === undefined) map.set(id, (v = make(id)));
    return v;
  };
}

function prepare(rules: RuleSet): Prepared {
  const find = lookup(rules);
  const { sessionCount } = rules.adjustments;
  const countFor = (course: Course, s: Severity) => course.sessions.min + Math.ceil((course.sessions.max - course.sessions.min) * sessionCount.position[s]);

  const concern = cached((id): PreparedConcern => {
    const rule = find.concern(id);
    const course = bySeverity((s) => find.course(rule.course[s]));
    return {
      rule,
      course,
      count: bySeverity((s) => countFor(course[s], s)),
      ruleId: `concerns/${id}`,
      asks: bySeverity((s) => `${id} (${s}) asks for ${fmt(rule.depthMm[s])} mm in `),
      also: bySeverity((s) => `${id} (${s}) ${fmt(rule.depthMm[s])} mm`),
      takes: bySeverity((s) => `takes the ${course[s].label.toLowerCase()} of ${span(course[s].sessions, 'sessions')}`),
      serums: unique(rule.serums),
      notes: unique(rule.notes),
    };
  });

  const zone = cached((id): PreparedZone => {
    const rule = find.zone(id);
    return {
      rule,
      depthField: `zones.${id}.depthMm`,
      rangeField: `zones.${id}.depthRangeMm`,
      ruleId: `zones/${id}`,
      capped: `${id} is capped at ${fmt(rule.maxDepthMm)} mm${rule.assumption ? ' (project assumption: no sourced cap)' : ''}`,
    };
  });

  const device = cached((id): PreparedDevice => {
    const rule = find.device(id);
    const assumption = rule.assumption ? ' (device range and step are a project assumption)' : '';
    return {
      rule,
      ruleId: `devices/${id}`,
      minMilli: Math.round(rule.depthMm.min * 1000),
      maxMilli: Math.round(rule.depthMm.max * 1000),
      stepMilli: Math.round(rule.stepMm * 1000),
      raised: ` mm: the shallowest setting of the ${rule.name}, so the adjustment stops there${assumption}`,
      rounded: ` mm after rounding down to the ${rule.name} step of ${fmt(rule.stepMm)} mm within ${fmt(rule.depthMm.min)}-${fmt(rule.depthMm.max)} mm${assumption}`,
      inPlan: Object.freeze({ id: rule.id, name: rule.name, stepMm: rule.stepMm, depthMm: Object.freeze({ ...rule.depthMm }) }),
    };
  });

  const condition = cached((id): PreparedCondition => {
    const rule = find.condition(id);
    const ruleId = `screening/${id}`;
    const plain = !rule.onlyZones && !rule.inArea && !(rule.outcome === 'defer' && rule.deferWeeks);
    return {
      rule,
      ruleId,
      plain: plain ? Object.freeze({ code: id, outcome: rule.outcome, message: rule.message, clientMessage: rule.clientMessage ?? rule.message, ruleId }) : undefined,
    };
  });

  const skinTypes = ROMAN.map((_, i) => prepareSkinType(rules, i + 1));
  const { numbing, age } = rules.adjustments;
  const ageRule = `adjustments/${age.id}`;
  const ageFinding = (code: string, outcome: Finding['outcome'], message: string): Finding =>
    Object.freeze({ code, outcome, message, clientMessage: message, ruleId: ageRule });
  const { followUp } = rules.care;
  // Review dates by last session, remembered: batch rows repeat their last dates.
  const reviewDates = new Memo((last: string) => Object.freeze({ date: addMonths(last, followUp.reviewMonthsAfterLast) }));

  return {
    concern,
    zone,
    device,
    condition,
    skinType: (n) => skinTypes[n - 1]!,
    numbing: {
      ruleId: `adjustments/${numbing.id}`,
      threshold: {
        low: { mm: numbing.thresholdsMm.low, text: `the ${fmt(numbing.thresholdsMm.low)} mm threshold for low pain tolerance` },
        normal: { mm: numbing.thresholdsMm.normal, text: `the ${fmt(numbing.thresholdsMm.normal)} mm threshold for normal pain tolerance` },
        high: { mm: numbing.thresholdsMm.high, text: `the ${fmt(numbing.thresholdsMm.high)} mm threshold for high pain tolerance` },
      },
      recommendedText: `: numbing cream ${span(numbing.leadMinutes, 'minutes')} before`,
      yes: Object.freeze({ recommended: true, leadMinutes: Object.freeze({ ...numbing.leadMinutes }) }),
      no: Object.freeze({ recommended: false, leadMinutes: Object.freeze({ min: 0, max: 0 }) }),
    },
    sitsAt: bySeverity((s) => `${s} sits at ${Math.round(sessionCount.position[s] * 100)}% of the range: `),
    sessionCountRuleId: `adjustments/${sessionCount.id}`,
    downtime: rules.downtime.bands.map((b) => ({ upToMm: b.upToMm, days: b.days, id: b.id, ruleId: `downtime/${b.id}`, text: `${span(b.days, 'days')} of redness at ` })),
    age: {
      ruleId: ageRule,
      missing: ageFinding('age-not-recorded', 'caution', age.missingMessage),
      under: ageFinding('age-under-minimum', 'block', age.blockMessage),
      young: ageFinding('age-young-adult', 'caution', age.cautionMessage),
    },
    unscreened: Object.freeze({
      code: 'unscreened',
      outcome: 'caution',
      message: 'Screening not completed: ask every screening question before the first session.',
      clientMessage: 'Your practitioner will complete the health questions before the first session.',
      ruleId: 'screening',
    }),
    review: {
      ruleId: `care/${followUp.id}`,
      text: `results review ${followUp.reviewMonthsAfterLast} months after the last session`,
      after: (last) => reviewDates.get(last),
    },
    rulesInfo: Object.freeze({ version: rules.ruleset.version, sha256: rules.sha256, name: rules.ruleset.name, origin: rules.origin }),
  };
}

function prepareSkinType(rules: RuleSet, fitzpatrick: number): PreparedSkinType {
  const adjustments = rules.adjustments.fitzpatrick.filter((a) => a.types.includes(fitzpatrick));
  let depthDeltaMm = 0;
  let depthDeltaRuleId: string | undefined;
  for (const adj of adjustments) {
    depthDeltaMm += adj.depthDeltaMm;
    depthDeltaRuleId = adj.id;
  }
  const findings = adjustments.map(
    (adj): Finding =>
      Object.freeze({
        code: adj.id,
        outcome: adj.outcome,
        message: adj.message,
        // The client's wording is the adjustment's care steps; a before step may carry a lead time.
        clientMessage: [...adj.before.map((b) => (typeof b === 'string' ? b : b.text)), ...adj.after].join(' ') || adj.message,
        ruleId: `adjustments/${adj.id}`,
      }),
  );

  const beforeSteps = (numbing: boolean): BeforeSteps => {
    const steps: BeforeStep[] = [
      ...rules.care.before.filter((c) => !c.onlyWithNumbing || numbing).map((c) => ({ id: c.id, text: c.text, daysBefore: c.daysBefore })),
      ...adjustments.flatMap((a) =>
        a.before.map((b, i) => ({ id: `${a.id}-before-${i + 1}`, ...(typeof b === 'string' ? { text: b, daysBefore: undefined } : b) })),
      ),
    ];
    // The earliest window first, undated steps after; the rules' order among equals.
    const ordered = steps
      .map((step, i) => ({ step, i }))
      .sort((a, b) => (b.step.daysBefore ?? -1) - (a.step.daysBefore ?? -1) || a.i - b.i)
      .map((x) => Object.freeze(x.step));
    const longest = Math.max(...ordered.map((s) => s.daysBefore ?? 0));
    return { ordered, longest, lead: ordered.find((s) => s.daysBefore === longest) };
  };

  const afterCare = [
    ...rules.care.after.map((c) => ({ id: c.id, text: c.text, fromDate: null })),
    ...adjustments.flatMap((a) => a.after.map((text, i) => ({ id: `${a.id}-after-${i + 1}`, text, fromDate: null }))),
  ].map((c) => Object.freeze(c));

  return {
    depthDeltaMm,
    depthDeltaRuleId,
    deltaText: `Fitzpatrick ${ROMAN[fitzpatrick - 1]}: ${fmt(depthDeltaMm)} mm`,
    findings,
    before: { withNumbing: beforeSteps(true), withoutNumbing: beforeSteps(false) },
    afterCare,
  };
}
