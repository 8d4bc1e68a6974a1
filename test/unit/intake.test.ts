// The one intake schema that flags, prompts and CSV rows all go through.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkAnswer, Intake, parseIntake, type RawIntake } from '../../src/intake/schema.js';
import { ROMAN } from '../../src/rules/vocabulary.js';
import { intakeArb } from '../helpers/intake-arb.js';
import { areaItems } from '../../src/intake/areas.js';
import { builtinRules } from '../helpers/builders.js';

const rules = builtinRules();
const base: RawIntake = { concerns: ['acne-scars'], severity: 'moderate', zones: ['cheeks'], fitzpatrick: 'III' };
const parse = (over: RawIntake) => parseIntake({ ...base, ...over }, rules);
const issues = (over: RawIntake) => {
  const r = parse(over);
  return r.ok ? [] : r.issues;
};

describe('parseIntake', () => {
  it('accepts ids, labels and aliases, in any case and spacing', () => {
    const r = parse({ concerns: [' Acne Scars ', 'PHOTO-AGING=severe'], zones: ['Cheeks'], severity: 'Moderate' });
    expect(r.ok && r.intake).toMatchObject({
      concerns: [{ id: 'acne-scars', severity: 'moderate' }, { id: 'photoaging', severity: 'severe' }],
      zones: ['cheeks'],
    });
    const one = parse({ concerns: ['Fine Lines'], zones: ['Cheeks', 'under eye'] });
    expect(one.ok && one.intake.zones).toEqual(['cheeks', 'periorbital']);
  });

  it('splits comma, pipe and semicolon lists and drops duplicates', () => {
    const r = parse({ concerns: ['texture|pigmentation;texture'], zones: ['cheeks'] });
    expect(r.ok && r.intake.concerns.map((c) => c.id)).toEqual(['texture', 'pigmentation']);
    const z = parse({ concerns: ['texture'], zones: ['cheeks,forehead|cheeks'] });
    expect(z.ok && z.intake.zones).toEqual(['cheeks', 'forehead']);
  });

  it('fills defaults: normal pain tolerance, unscreened, no start, no age', () => {
    const r = parse({});
    expect(r.ok && r.intake).toMatchObject({ painTolerance: 'normal', screened: false, start: null, age: null, conditions: [], client: null });
  });

  it.each([
    ['III', 3],
    ['iv', 4],
    ['6', 6],
    [2, 2],
    ['Type V', 5],
  ])('reads Fitzpatrick %s as %s', (input, expected) => {
    const r = parse({ fitzpatrick: input });
    expect(r.ok && r.intake.fitzpatrick).toBe(expected);
  });

  it('names the unknown id, suggests the near one and lists the valid ones', () => {
    const [issue] = issues({ concerns: ['acne-scar5'] });
    expect(issue).toEqual({
      field: 'concerns',
      code: 'invalid',
      message:
        'unknown concern "acne-scar5" (did you mean acne-scars?); valid: texture, pigmentation, enlarged-pores, fine-lines, deep-wrinkles, photoaging, acne-scars, stretch-marks',
    });
  });

  it('rejects a concern in a zone it does not apply to', () => {
    expect(issues({ concerns: ['stretch-marks'], zones: ['cheeks'] })).toContainEqual({
      field: 'zones',
      code: 'invalid',
      message: 'stretch-marks does not apply to cheeks; it applies to decollete, abdomen, thighs, buttocks, arms',
    });
  });

  it('rejects a zone no chosen concern applies to', () => {
    expect(issues({ concerns: ['acne-scars'], zones: ['cheeks', 'abdomen'] }).map((i) => i.message)).toContain(
      'zone abdomen fits none of the chosen concerns (acne-scars)',
    );
  });

  it('reports every missing answer with code "missing"', () => {
    const r = parseIntake({}, rules);
    expect(r.ok ? [] : r.issues.filter((i) => i.code === 'missing').map((i) => i.field)).toEqual(['concerns', 'zones', 'fitzpatrick']);
    const noSeverity = parseIntake({ concerns: ['texture'], zones: ['cheeks'], fitzpatrick: 'I' }, rules);
    expect(noSeverity.ok ? [] : noSeverity.issues).toEqual([
      { field: 'severity', code: 'missing', message: 'no severity for texture (mild, moderate or severe)' },
    ]);
  });

  it.each([
    [{ age: 'twenty' }, 'age'],
    [{ age: '130' }, 'age'],
    [{ start: '05/01/2027' }, 'start'],
    [{ start: '2027-02-30' }, 'start'],
    [{ screened: 'maybe' }, 'screened'],
    [{ painTolerance: 'extreme' }, 'painTolerance'],
    [{ fitzpatrick: 'VII' }, 'fitzpatrick'],
    [{ conditions: ['pregnnt'] }, 'conditions'],
    [{ device: 'dermaroller' }, 'device'],
  ] as [RawIntake, string][])('rejects %o on field %s', (over, field) => {
    expect(issues(over).map((i) => i.field)).toEqual([field]);
  });

  it('rejects a concern item with two severities, quoting it whole', () => {
    expect(issues({ concerns: ['acne-scars=severe=mild'] })).toEqual([
      { field: 'concerns', code: 'invalid', message: '"acne-scars=severe=mild" has more than one "="; write concern=severity, e.g. acne-scars=severe' },
    ]);
    expect(issues({ concerns: ['=severe'] })[0]!.message).toMatch(/^unknown concern "=severe"/);
  });

  it('reads yes/no words, "none" conditions and loose dates', () => {
    const r = parse({ screened: 'Y', conditions: ['none'], start: '2027/1/5', age: '41 years' });
    expect(r.ok && r.intake).toMatchObject({ screened: true, conditions: [], start: '2027-01-05', age: 41 });
  });
});

describe('checkAnswer (one prompt answer)', () => {
  it('returns undefined for a valid answer and the message otherwise', () => {
    expect(checkAnswer('start', '2027-01-05', rules)).toBeUndefined();
    expect(checkAnswer('start', 'next week', rules)).toBe('start date "next week" must be written YYYY-MM-DD (e.g. 2027-01-05)');
    expect(checkAnswer('age', '17', rules)).toBeUndefined();
  });
});

describe('parseIntake round trip', () => {
  it('gives back, for the answers of any valid intake, that intake, and it satisfies the Intake schema', () => {
    fc.assert(
      fc.property(intakeArb(rules), (intake) => {
        const raw: RawIntake = {
          client: intake.client ?? undefined,
          areas: areaItems(intake.areas),
          fitzpatrick: ROMAN[intake.fitzpatrick - 1],
          painTolerance: intake.painTolerance,
          age: intake.age ?? undefined,
          conditions: intake.conditions.flatMap((id) => intake.conditionZones.find((cz) => cz.id === id)?.zones.map((z) => `${id}@${z}`) ?? [id]),
          screened: intake.screened,
          start: intake.start ?? undefined,
          device: intake.device ?? undefined,
        };
        const r = parseIntake(raw, rules);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(Intake.safeParse(r.intake).success).toBe(true);
        const trimmed = intake.client?.trim() ? intake.client.trim() : null;
        expect(r.intake).toEqual({ ...intake, client: trimmed });
      }),
      { numRuns: 300 },
    );
  });
});
