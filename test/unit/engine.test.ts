// Examples for the planning engine under the built-in rules: each concern, zone cap,
// adjustment and screening outcome, and the statements the domain file makes.
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/engine/plan.js';
import { builtinRules, makeIntake, makeRules, TODAY } from '../helpers/builders.js';
import type { Severity } from '../../src/rules/schema.js';

const rules = builtinRules();
const depthIn = (zone: string, p: ReturnType<typeof plan>) => p.zones.find((z) => z.zone === zone)!.depthMm;
const planFor = (concern: string, severity: Severity, zone: string, extra = {}) =>
  plan(makeIntake({ concerns: [{ id: concern, severity }], zones: [zone], ...extra }), rules, TODAY);

describe('depth per concern (Fitzpatrick III, uncapped zone)', () => {
  // Cheeks cap at 2.0 mm, abdomen at 2.5: the concern's own default shows through.
  it.each([
    ['texture', 'cheeks', [0.25, 0.5, 0.5]],
    ['pigmentation', 'cheeks', [0.25, 0.5, 0.75]],
    ['enlarged-pores', 'cheeks', [0.5, 0.5, 0.75]],
    ['fine-lines', 'cheeks', [0.5, 0.75, 1.0]],
    ['deep-wrinkles', 'cheeks', [1.0, 1.25, 1.5]],
    ['photoaging', 'cheeks', [0.5, 1.0, 1.5]],
    ['acne-scars', 'cheeks', [1.0, 1.5, 2.0]],
    ['stretch-marks', 'abdomen', [1.5, 2.0, 2.0]],
  ] as const)('%s in %s: mild/moderate/severe', (concern, zone, expected) => {
    const got = (['mild', 'moderate', 'severe'] as const).map((s) => depthIn(zone, planFor(concern, s, zone)));
    expect(got).toEqual(expected);
  });
});

describe('zone caps', () => {
  it.each([
    ['forehead', 0.5],
    ['periorbital', 0.25],
    ['nose', 0.5],
    ['cheeks', 2.0],
    ['perioral', 0.5],
    ['chin-jaw', 1.5],
    ['neck', 1.0],
    ['decollete', 1.0],
    ['hands', 0.5],
  ])('severe acne scars in %s stop at %s mm', (zone, cap) => {
    expect(depthIn(zone, planFor('acne-scars', 'severe', zone))).toBe(cap);
  });

  it.each(['abdomen', 'thighs', 'buttocks', 'arms'])('severe stretch marks in %s go to 2.0 mm (cap 2.5)', (zone) => {
    expect(depthIn(zone, planFor('stretch-marks', 'severe', zone))).toBe(2.0);
  });

  it('says when a cap is a project assumption', () => {
    const p = planFor('acne-scars', 'severe', 'neck');
    const why = p.rationale.filter((r) => r.field === 'zones.neck.depthMm').map((r) => r.text);
    expect(why.join(' ')).toMatch(/capped at 1 mm \(project assumption/);
  });

  it('keeps the orbital-rim warning on the under-eye zone', () => {
    expect(planFor('fine-lines', 'mild', 'periorbital').zones[0]!.notes.join(' ')).toMatch(/orbital rim/);
  });
});

describe('adjustments', () => {
  it.each([4, 5, 6])('Fitzpatrick %s: one 0.25 mm step shallower, with a modify finding', (type) => {
    const p = planFor('acne-scars', 'moderate', 'cheeks', { fitzpatrick: type });
    expect(depthIn('cheeks', p)).toBe(1.25);
    expect(p.findings).toContainEqual(expect.objectContaining({ code: 'fitzpatrick-iv-vi', outcome: 'modify' }));
    expect(p.beforeCare.map((c) => c.text).join(' ')).toMatch(/sun protection/i);
  });

  it('Fitzpatrick I-III: no adjustment', () => {
    for (const type of [1, 2, 3]) {
      const p = planFor('acne-scars', 'moderate', 'cheeks', { fitzpatrick: type });
      expect(depthIn('cheeks', p)).toBe(1.5);
      expect(p.findings.map((f) => f.code)).not.toContain('fitzpatrick-iv-vi');
    }
  });

  it('never goes below the device minimum on darker skin', () => {
    const p = planFor('fine-lines', 'mild', 'periorbital', { fitzpatrick: 6 });
    expect(depthIn('periorbital', p)).toBe(0.25);
  });

  it.each([
    ['low', 0.5, true],
    ['normal', 0.5, false],
    ['normal', 0.75, true],
    ['high', 1.0, false],
    ['high', 1.25, true],
  ] as const)('pain tolerance %s at %s mm: numbing %s', (painTolerance, depth, numb) => {
    // fine lines / deep wrinkles on the cheeks give exact depths to test the thresholds with
    const byDepth: Record<number, [string, Severity]> = {
      0.5: ['fine-lines', 'mild'],
      0.75: ['fine-lines', 'moderate'],
      1.0: ['fine-lines', 'severe'],
      1.25: ['deep-wrinkles', 'moderate'],
    };
    const [concern, severity] = byDepth[depth]!;
    const p = planFor(concern, severity, 'cheeks', { painTolerance });
    expect(depthIn('cheeks', p)).toBe(depth);
    expect(p.numbing.recommended).toBe(numb);
    expect(p.numbing.leadMinutes).toEqual(numb ? { min: 30, max: 60 } : { min: 0, max: 0 });
  });

  it('under 18 is not eligible; 18-21 is a caution; no age is a caution', () => {
    expect(planFor('texture', 'mild', 'cheeks', { age: 17 }).status).toBe('not-eligible');
    const young = planFor('texture', 'mild', 'cheeks', { age: 19 });
    expect(young.status).toBe('ready');
    expect(young.findings).toContainEqual(expect.objectContaining({ code: 'age-young-adult', outcome: 'caution' }));
    expect(planFor('texture', 'mild', 'cheeks', { age: 22 }).findings.map((f) => f.code)).not.toContain('age-young-adult');
    expect(planFor('texture', 'mild', 'cheeks', { age: null }).findings.map((f) => f.code)).toContain('age-not-recorded');
  });
});

describe('sessions and interval', () => {
  it('intensive concerns get 6-8 sessions at 6 weeks, rising with severity', () => {
    for (const concern of ['acne-scars', 'deep-wrinkles']) {
      const counts = (['mild', 'moderate', 'severe'] as const).map((s) => planFor(concern, s, 'cheeks').sessions.count);
      expect(counts).toEqual([6, 7, 8]);
      expect(planFor(concern, 'mild', 'cheeks').intervalWeeks).toEqual({ min: 6, max: 6 });
    }
    expect(planFor('stretch-marks', 'mild', 'thighs').sessions).toEqual({ count: 6, min: 6, max: 8 });
    expect(planFor('photoaging', 'severe', 'cheeks').sessions).toEqual({ count: 8, min: 6, max: 8 });
  });

  it('general concerns get 3-6 sessions at 6-8 weeks', () => {
    for (const concern of ['texture', 'pigmentation', 'enlarged-pores', 'fine-lines']) {
      const p = planFor(concern, 'mild', 'cheeks');
      expect(p.sessions).toEqual({ count: 3, min: 3, max: 6 });
      expect(p.intervalWeeks).toEqual({ min: 6, max: 8 });
    }
    expect(planFor('photoaging', 'moderate', 'cheeks').sessions.count).toBe(5);
    expect(planFor('texture', 'severe', 'cheeks').sessions.count).toBe(6);
  });

  it('with several concerns the most demanding count wins and the interval suits all', () => {
    const p = plan(
      makeIntake({ concerns: [{ id: 'texture', severity: 'mild' }, { id: 'acne-scars', severity: 'moderate' }], zones: ['cheeks'] }),
      rules,
      TODAY,
    );
    expect(p.sessions.count).toBe(7);
    expect(p.intervalWeeks).toEqual({ min: 6, max: 6 });
    expect(depthIn('cheeks', p)).toBe(1.5);
  });

  it('flags courses that share no interval', () => {
    const r = makeRules((r) => {
      r.concerns.courses.find((c) => c.id === 'intensive')!.intervalWeeks = { min: 4, max: 4 };
    });
    const p = plan(makeIntake({ concerns: [{ id: 'texture', severity: 'mild' }, { id: 'acne-scars', severity: 'mild' }] }), r, TODAY);
    expect(p.findings).toContainEqual(expect.objectContaining({ code: 'interval-conflict', outcome: 'caution' }));
  });
});

describe('schedule and review', () => {
  it('dates sessions one interval apart from the start, review 6 months after the last', () => {
    const p = planFor('acne-scars', 'mild', 'cheeks', { start: '2027-01-05' });
    expect(p.schedule.map((s) => s.date)).toEqual([
      '2027-01-05', '2027-02-16', '2027-03-30', '2027-05-11', '2027-06-22', '2027-08-03',
    ]);
    expect(p.review).toEqual({ date: '2028-02-03' });
  });

  it('no start: no schedule and no review', () => {
    const p = planFor('acne-scars', 'mild', 'cheeks');
    expect(p.schedule).toEqual([]);
    expect(p.review).toBeNull();
  });

  it('before-care carries the date it applies from', () => {
    const p = planFor('texture', 'mild', 'cheeks', { start: '2027-01-05' });
    expect(p.beforeCare.find((c) => c.id === 'stop-retinoids')!.fromDate).toBe('2026-12-31');
    expect(p.beforeCare.find((c) => c.id === 'avoid-sun')!.fromDate).toBe('2026-12-22');
  });
});

describe('screening outcomes', () => {
  const withCondition = (condition: string, extra = {}) =>
    planFor('texture', 'moderate', 'perioral', { conditions: [condition], start: '2026-12-01', ...extra });

  it.each(['pregnant', 'isotretinoin-current', 'active-infection', 'active-acne', 'open-wounds', 'skin-cancer', 'bleeding-disorder', 'metal-allergy', 'skin-flare'])(
    '%s blocks: not eligible, nothing scheduled',
    (condition) => {
      const p = withCondition(condition);
      expect(p.status).toBe('not-eligible');
      expect(p.schedule).toEqual([]);
      expect(p.sessions.count).toBe(0);
      expect(p.review).toBeNull();
      expect(p.findings).toContainEqual(expect.objectContaining({ code: condition, outcome: 'block' }));
    },
  );

  it.each(['isotretinoin-recent', 'blood-thinners', 'keloid-history', 'immunosuppressed', 'uncontrolled-diabetes'])(
    '%s needs clearance but still plans',
    (condition) => {
      const p = withCondition(condition);
      expect(p.status).toBe('needs-clearance');
      expect(p.schedule.length).toBe(p.sessions.count);
      expect(p.findings).toContainEqual(expect.objectContaining({ code: condition, outcome: 'clearance' }));
    },
  );

  it('blood thinners: never stop a prescribed medicine, and more downtime', () => {
    const p = withCondition('blood-thinners');
    const f = p.findings.find((f) => f.code === 'blood-thinners')!;
    expect(f.message).toMatch(/never stop or change a prescribed medicine without the prescriber's approval/i);
    expect(p.downtimeDays).toEqual({ min: 2, max: 4 }); // 1-2 superficial + 1-2 for bruising
    expect(p.rationale).toContainEqual({ field: 'downtimeDays', ruleId: 'screening/blood-thinners', text: 'blood-thinners adds 1-2 days' });
  });

  it.each([
    ['recent-sunburn', '2026-12-09'],
    ['recent-resurfacing', '2026-12-23'],
    ['recent-injectables', '2026-12-09'],
  ])('%s defers the earliest start to %s', (condition, earliest) => {
    const p = withCondition(condition);
    expect(p.status).toBe('ready');
    expect(p.earliestStart).toBe(earliest);
    expect(p.schedule[0]!.date).toBe(earliest);
    expect(p.findings).toContainEqual(expect.objectContaining({ code: condition, outcome: 'defer' }));
  });

  it('a start later than the deferral is kept', () => {
    expect(withCondition('recent-sunburn', { start: '2027-03-01' }).schedule[0]!.date).toBe('2027-03-01');
  });

  it('anaesthetic allergy: no numbing cream even when deep', () => {
    const p = planFor('acne-scars', 'severe', 'cheeks', { conditions: ['anesthetic-allergy'] });
    expect(p.numbing.recommended).toBe(false);
    expect(p.findings).toContainEqual(expect.objectContaining({ code: 'anesthetic-allergy', outcome: 'modify' }));
  });

  it('other medication and cold sores (perioral) are cautions', () => {
    const p = withCondition('other-medication');
    expect(p.status).toBe('ready');
    expect(p.findings).toContainEqual(expect.objectContaining({ code: 'other-medication', outcome: 'caution' }));
    expect(withCondition('cold-sore-history').findings).toContainEqual(expect.objectContaining({ code: 'cold-sore-history', outcome: 'caution' }));
    const cheeks = planFor('texture', 'mild', 'cheeks', { conditions: ['cold-sore-history'] });
    expect(cheeks.findings.map((f) => f.code)).not.toContain('cold-sore-history');
  });

  it('status precedence: not-eligible > needs-clearance > unscreened > ready', () => {
    expect(withCondition('pregnant', { conditions: ['pregnant', 'blood-thinners'], screened: false }).status).toBe('not-eligible');
    expect(withCondition('blood-thinners', { screened: false }).status).toBe('needs-clearance');
    expect(planFor('texture', 'mild', 'cheeks', { screened: false }).status).toBe('unscreened');
    expect(planFor('texture', 'mild', 'cheeks').status).toBe('ready');
  });
});

describe("the brief's own statements hold under the default rules", () => {
  it('deep acne scars plan deeper than pigmentation or enlarged pores in the same zone', () => {
    for (const severity of ['mild', 'moderate', 'severe'] as const) {
      const scars = depthIn('cheeks', planFor('acne-scars', severity, 'cheeks'));
      expect(scars).toBeGreaterThan(depthIn('cheeks', planFor('pigmentation', severity, 'cheeks')));
      expect(scars).toBeGreaterThan(depthIn('cheeks', planFor('enlarged-pores', severity, 'cheeks')));
    }
  });

  it('superficial work needs no numbing and deeper work does', () => {
    expect(planFor('texture', 'mild', 'cheeks').numbing.recommended).toBe(false);
    expect(planFor('acne-scars', 'moderate', 'cheeks').numbing.recommended).toBe(true);
  });

  it('downtime is 1-2 days superficial, 2-4 at medium depth, 4-7 deep', () => {
    expect(planFor('texture', 'mild', 'cheeks').downtimeDays).toEqual({ min: 1, max: 2 });
    expect(planFor('acne-scars', 'moderate', 'cheeks').downtimeDays).toEqual({ min: 2, max: 4 });
    expect(planFor('acne-scars', 'severe', 'cheeks').downtimeDays).toEqual({ min: 4, max: 7 });
  });

  it('acne scars carry the ice-pick caveat with its adjuncts', () => {
    expect(planFor('acne-scars', 'mild', 'cheeks').notes.join(' ')).toMatch(/ice-pick.*TCA CROSS.*subcision/i);
  });

  it('serums follow the concerns', () => {
    expect(planFor('pigmentation', 'mild', 'cheeks').serums).toContain('tranexamic acid');
  });
});

describe('devices', () => {
  it('a finer device rounds down to its own step', () => {
    const r = makeRules((r) => {
      r.devices.devices.push({ id: 'fine-pen', name: 'Fine pen', depthMm: { min: 0.2, max: 3 }, stepMm: 0.1, source: 'test' });
    });
    const p = plan(makeIntake({ concerns: [{ id: 'acne-scars', severity: 'moderate' }], zones: ['cheeks'], fitzpatrick: 5, device: 'fine-pen' }), r, TODAY);
    expect(depthIn('cheeks', p)).toBe(1.2); // 1.5 - 0.25 = 1.25, down to the 0.1 step
    expect(p.device.id).toBe('fine-pen');
  });
});

describe('rationale', () => {
  it('says when the device minimum stops a skin-type adjustment', () => {
    const p = planFor('fine-lines', 'mild', 'periorbital', { fitzpatrick: 5 });
    const why = p.rationale.filter((r) => r.field === 'zones.periorbital.depthMm').map((r) => r.text);
    expect(why.at(-1)).toMatch(/^0\.25 mm: the shallowest setting of the E-dermastamp pen .*, so the adjustment stops there/);
  });
});

describe('start dates', () => {
  it('a start before today is kept as given, with a caution', () => {
    const p = planFor('texture', 'mild', 'cheeks', { start: '2026-01-05' });
    expect(p.schedule[0]!.date).toBe('2026-01-05');
    expect(p.findings).toContainEqual(expect.objectContaining({ code: 'start-in-past', outcome: 'caution' }));
    expect(planFor('texture', 'mild', 'cheeks', { start: TODAY }).findings.map((f) => f.code)).not.toContain('start-in-past');
  });
});
