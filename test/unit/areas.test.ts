// Treatment areas, example by example: the regressions the areas issue was filed for (each
// checked through parseIntake and plan, as every front end does), then the rules around them.
import { describe, expect, it } from 'vitest';
import { parseIntake, type RawIntake } from '../../src/intake/schema.js';
import { plan } from '../../src/engine/plan.js';
import { PlanJson } from '../../src/engine/plan-schema.js';
import { renderText } from '../../src/render/text.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { planCells, PLAN_COLUMNS } from '../../src/batch/output.js';
import { builtinRules, makeIntake, TODAY } from '../helpers/builders.js';

const rules = builtinRules();
const base: RawIntake = { fitzpatrick: 'III', age: 35, screened: true };
const parse = (raw: RawIntake) => parseIntake({ ...base, ...raw }, rules);
function planOf(raw: RawIntake) {
  const r = parse(raw);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  const p = plan(r.intake, rules, TODAY);
  expect(PlanJson.safeParse(p).error).toBeUndefined();
  return p;
}
const issues = (raw: RawIntake) => {
  const r = parse(raw);
  return r.ok ? [] : r.issues;
};
const zone = (p: ReturnType<typeof planOf>, id: string) => p.zones.find((z) => z.zone === id)!;

describe('each zone is planned from its own concerns', () => {
  it('acne scars on the cheeks and texture on the neck: the neck is not needled at 1 mm', () => {
    const p = planOf({ areas: ['cheeks:acne-scars=severe', 'neck:texture=mild'] });
    expect(zone(p, 'cheeks')).toMatchObject({ depthMm: 2, concern: 'acne-scars', concerns: [{ id: 'acne-scars', severity: 'severe' }], treated: true, heldBack: null });
    expect(zone(p, 'neck')).toMatchObject({ depthMm: 0.25, concern: 'texture', concerns: [{ id: 'texture', severity: 'mild' }] });
    // One visit treats every area: the course is the most demanding one.
    expect(p.sessions).toMatchObject({ count: 8, min: 6, max: 8 });
  });

  it('pigmentation on the forehead and décolleté stays at its own depth beside acne scars on the cheeks', () => {
    const p = planOf({ areas: ['cheeks:acne-scars=severe,cheeks:pigmentation=mild', 'forehead:pigmentation=mild', 'decollete:pigmentation=mild'] });
    expect(p.zones.map((z) => [z.zone, z.depthMm])).toEqual([
      ['cheeks', 2],
      ['forehead', 0.25],
      ['decollete', 0.25],
    ]);
    expect(zone(p, 'cheeks').concerns.map((c) => c.id)).toEqual(['acne-scars', 'pigmentation']);
    expect(p.concerns).toEqual([
      { id: 'acne-scars', label: 'Acne scars', severity: 'severe' },
      { id: 'pigmentation', label: 'Pigmentation / discoloration', severity: 'mild' },
    ]);
  });

  it('several concerns and several zones without areas: the pairing is missing, never guessed', () => {
    const found = issues({ concerns: ['acne-scars=severe', 'texture=mild'], zones: ['cheeks', 'neck'] });
    expect(found).toEqual([
      {
        field: 'areas',
        code: 'missing',
        message:
          "2 concerns (acne-scars, texture) and 2 zones (cheeks, neck) don't say which concern is treated in which zone; name each treatment area as zone:concern, e.g. cheeks:acne-scars, neck:acne-scars",
      },
    ]);
  });

  it('one concern, or one zone: every pair that fits is an area', () => {
    const oneConcern = planOf({ concerns: ['texture=mild'], zones: ['cheeks', 'neck'] });
    expect(oneConcern.zones.map((z) => [z.zone, z.concerns.map((c) => c.id)])).toEqual([
      ['cheeks', ['texture']],
      ['neck', ['texture']],
    ]);
    const oneZone = planOf({ concerns: ['acne-scars=severe', 'texture=mild'], zones: ['cheeks'] });
    expect(oneZone.zones[0]!.concerns.map((c) => c.id)).toEqual(['acne-scars', 'texture']);
    // One concern that fits only some zones: those zones; the rest is still an error.
    expect(issues({ concerns: ['stretch-marks=mild'], zones: ['cheeks', 'abdomen'] })).toEqual([
      { field: 'zones', code: 'invalid', message: 'zone cheeks fits none of the chosen concerns (stretch-marks)' },
    ]);
  });

  it('a concern in an area it does not fit, areas with concerns and zones both, and a bare zone are input errors', () => {
    expect(issues({ areas: ['cheeks:stretch-marks=mild'] })).toEqual([
      { field: 'areas', code: 'invalid', message: 'stretch-marks does not apply to cheeks; it applies to decollete, abdomen, thighs, buttocks, arms' },
    ]);
    expect(issues({ areas: ['cheeks:texture=mild'], concerns: ['texture'] })[0]).toMatchObject({ field: 'areas', code: 'invalid' });
    expect(issues({ areas: ['cheeks'] })[0]!.message).toBe('"cheeks" names no concern: write zone:concern, e.g. cheeks:acne-scars=severe');
  });

  it('repeating a zone adds concerns to it; a severity falls back to --severity, else it is missing', () => {
    const r = parse({ areas: ['Cheeks:Acne Scars', 'cheek:texture=mild'], severity: 'moderate' });
    expect(r.ok && r.intake.areas).toEqual([{ zone: 'cheeks', concerns: [{ id: 'acne-scars', severity: 'moderate' }, { id: 'texture', severity: 'mild' }] }]);
    expect(issues({ areas: ['cheeks:acne-scars'] })).toContainEqual(expect.objectContaining({ field: 'severity', code: 'missing' }));
  });
});

describe('screening by zone', () => {
  it('active acne on the cheeks holds back the cheeks only; the forehead is planned', () => {
    const p = planOf({ areas: ['cheeks:acne-scars=severe', 'forehead:pigmentation=mild'], conditions: ['active-acne@cheeks'], start: '2027-01-05' });
    expect(p.status).toBe('ready');
    expect(zone(p, 'cheeks')).toMatchObject({ treated: false, heldBack: { code: 'active-acne' } });
    expect(zone(p, 'forehead')).toMatchObject({ treated: true, heldBack: null, depthMm: 0.25 });
    const finding = p.findings.find((f) => f.code === 'active-acne')!;
    expect(finding).toMatchObject({ outcome: 'modify', zones: ['cheeks'] });
    // Nothing else comes from the held-back zone: course, numbing and downtime are the forehead's.
    expect(p.sessions).toMatchObject({ min: 3, max: 6 });
    expect(p.numbing.recommended).toBe(false);
    expect(p.schedule.length).toBe(p.sessions.count);
    // No renderer gives it a depth to use.
    const text = renderText(p, { color: false, explain: false });
    expect(text).toMatch(/^ {2}Cheeks +held back +- +2 mm +-$/m);
    expect(text).not.toMatch(/Cheeks +2 mm/);
    expect(renderMarkdown(p)).toContain('| Cheeks | Acne scars | Not treated for now |');
    const cells = Object.fromEntries(PLAN_COLUMNS.map((c, i) => [c, planCells(p, 2)[i]]));
    expect(cells).toMatchObject({ depth_mm: 'forehead:0.25', held_back: 'cheeks:active-acne' });
  });

  it('an in-area condition without a zone holds back every zone, and says how to name one', () => {
    const p = planOf({ areas: ['cheeks:acne-scars=severe', 'forehead:pigmentation=mild'], conditions: ['active acne'], start: '2027-01-05' });
    expect(p.status).toBe('not-eligible');
    expect(p.zones.every((z) => !z.treated)).toBe(true);
    expect(p.schedule).toEqual([]);
    expect(p.findings.find((f) => f.code === 'active-acne')!.message).toContain('name it (e.g. active-acne@cheeks) to hold back that zone alone');
  });

  it('an active cold sore named without a zone on an abdomen plan holds it back; naming a zone outside the plan is an error', () => {
    const p = planOf({ concerns: ['stretch-marks=moderate'], zones: ['abdomen'], conditions: ['active cold sore'] });
    expect(p.status).toBe('not-eligible');
    expect(issues({ concerns: ['stretch-marks=moderate'], zones: ['abdomen'], conditions: ['active-infection@perioral'] })).toEqual([
      {
        field: 'conditions',
        code: 'invalid',
        message: 'active-infection@perioral: perioral is not a zone of this plan (zones: abdomen); a condition outside the treated zones does not apply, leave it out',
      },
    ]);
  });

  it('two in-area conditions that together hold back every zone make the plan not-eligible', () => {
    const p = planOf({ areas: ['cheeks:acne-scars=severe', 'forehead:pigmentation=mild'], conditions: ['active-acne@cheeks', 'skin-flare@forehead'] });
    expect(p.status).toBe('not-eligible');
    expect(p.findings.filter((f) => f.outcome === 'block').map((f) => f.code)).toEqual(['active-acne', 'skin-flare']);
  });

  it('@zone on a condition that is not in-area is an input error', () => {
    expect(issues({ concerns: ['texture=mild'], zones: ['cheeks'], conditions: ['pregnant@cheeks'] })[0]).toMatchObject({
      field: 'conditions',
      code: 'invalid',
      message: expect.stringMatching(/^pregnant@cheeks: pregnant is not an in-area condition, so it takes no zone; in-area conditions: active-infection, active-acne, open-wounds, skin-cancer, skin-flare$/),
    });
  });

  it('in-area is a rules field: a clinic can make its own condition in-area', () => {
    const clinic = structuredClone(rules);
    const waxing = { ...clinic.screening.conditions.find((c) => c.id === 'open-wounds')!, id: 'fresh-tattoo', label: 'Fresh tattoo in the area', aliases: [] };
    clinic.screening.conditions.push(waxing);
    const r = parseIntake({ ...base, areas: ['cheeks:texture=mild', 'neck:texture=mild'], conditions: ['fresh-tattoo@neck'] }, clinic);
    expect(r.ok).toBe(true);
    const p = plan(r.ok ? r.intake : (undefined as never), clinic, TODAY);
    expect(p.zones.map((z) => z.treated)).toEqual([true, false]);
  });
});

describe('names that could flip an outcome', () => {
  it('"cold sore" and "cold sores" are asked, never guessed; the two conditions have their own names', () => {
    for (const typed of ['cold sore', 'Cold Sores']) {
      const [issue] = issues({ concerns: ['texture=mild'], zones: ['perioral'], conditions: [typed] });
      expect(issue).toMatchObject({ field: 'conditions', code: 'ambiguous' });
      expect(issue!.message).toContain('could mean active-infection (Active infection or cold sore in the area) or cold-sore-history');
    }
    expect(planOf({ concerns: ['texture=mild'], zones: ['perioral'], conditions: ['cold-sore history'] }).findings.map((f) => f.code)).toContain('cold-sore-history');
    expect(planOf({ concerns: ['texture=mild'], zones: ['perioral'], conditions: ['active cold sore'] }).status).toBe('not-eligible');
  });

  it('drug and brand names reach their condition', () => {
    for (const name of ['warfarin', 'Coumadin', 'apixaban', 'Eliquis', 'Xarelto', 'Pradaxa', 'heparin', 'Clexane', 'Lovenox', 'Plavix', 'Brilinta', 'aspirin'])
      expect(planOf({ concerns: ['texture=mild'], zones: ['cheeks'], conditions: [name] }).status, name).toBe('needs-clearance');
    for (const name of ['Accutane', 'Roaccutane', 'Absorica', 'Claravis', 'Amnesteem'])
      expect(planOf({ concerns: ['texture=mild'], zones: ['cheeks'], conditions: [name] }).findings.map((f) => f.code), name).toContain('isotretinoin-current');
  });
});

describe('numbing ruled out', () => {
  it('an anaesthetic allergy above a low-tolerance threshold is a caution naming the setting that needs no numbing', () => {
    const p = planOf({ concerns: ['acne-scars=severe'], zones: ['cheeks'], painTolerance: 'low', conditions: ['anesthetic-allergy'] });
    expect(p.numbing.recommended).toBe(false);
    const f = p.findings.find((x) => x.code === 'numbing-ruled-out')!;
    expect(f).toMatchObject({ outcome: 'caution', zones: ['cheeks'] });
    expect(f.message).toContain("deeper work without numbing is the practitioner's call");
    expect(f.message).toContain('At 0.25 mm or shallower no numbing would be needed.');
    // Within the threshold there is nothing to warn about.
    expect(planOf({ concerns: ['texture=mild'], zones: ['cheeks'], painTolerance: 'low', conditions: ['anesthetic-allergy'] }).findings.map((x) => x.code)).not.toContain('numbing-ruled-out');
  });
});

describe('before-care against the planning day', () => {
  it('a first session 2 days away: before-care-late, a suggested start, steps in date order', () => {
    const p = planOf({ concerns: ['texture=mild'], zones: ['cheeks'], start: '2026-11-27' });
    const f = p.findings.find((x) => x.code === 'before-care-late')!;
    expect(f.outcome).toBe('caution');
    expect(f.message).toContain('avoid-sun from 2026-11-13');
    expect(p.suggestedStart).toBe('2026-12-09');
    const dated = p.beforeCare.filter((c) => c.fromDate).map((c) => c.fromDate!);
    expect(dated).toEqual([...dated].sort());
    expect(p.beforeCare.findIndex((c) => !c.fromDate)).toBeGreaterThan(p.beforeCare.findLastIndex((c) => c.fromDate));
    // Far enough away: no finding, no suggestion.
    const early = planOf({ concerns: ['texture=mild'], zones: ['cheeks'], start: '2027-01-05' });
    expect(early.suggestedStart).toBeNull();
    expect(early.findings.map((x) => x.code)).not.toContain('before-care-late');
  });

  it('for Fitzpatrick IV-VI the sun-protection window is dated and counts', () => {
    const p = planOf({ concerns: ['texture=mild'], zones: ['cheeks'], fitzpatrick: 'V', start: '2027-01-05' });
    expect(p.beforeCare.find((c) => c.id === 'fitzpatrick-iv-vi-before-1')!.fromDate).toBe('2026-12-22');
  });

  it('a not-eligible client on isotretinoin gets no step to act on, least of all "stop retinoids"', () => {
    const p = planOf({ concerns: ['acne-scars=severe'], zones: ['cheeks'], conditions: ['isotretinoin-current'], start: '2027-01-05' });
    expect(p.status).toBe('not-eligible');
    expect(p.beforeCare).toEqual([]);
    expect(p.afterCare).toEqual([]);
    const text = renderText(p, { color: false, explain: false });
    expect(text).not.toMatch(/stop retinoid/i);
    expect(text).toContain('Before care\n  none now (no session is planned)');
  });

  it('no rule text tells a client to stop a prescribed medicine on their own', () => {
    const texts = [
      ...rules.care.before.map((c) => c.text),
      ...rules.care.after.map((c) => c.text),
      ...rules.screening.conditions.flatMap((c) => [c.message, c.clientMessage ?? '']),
      ...rules.adjustments.fitzpatrick.flatMap((a) => [a.message, ...a.before.map((b) => (typeof b === 'string' ? b : b.text)), ...a.after]),
    ];
    const stopping = /\b(stop|pause|no|avoid|don't use)\b[^.;]*\b(retinoids?|isotretinoin|medicines?|medications?|blood thinners?|aspirin|tablets?)\b/i;
    for (const text of texts) if (stopping.test(text)) expect(text, text).toMatch(/prescriber|physician's approval|doctor's approval|ask your/i);
  });
});

describe('the handout', () => {
  it('gives the eye-area note, writes PIH out, and says decision support, not a prescription', () => {
    const p = plan(makeIntake({ concerns: [{ id: 'fine-lines', severity: 'mild' }], zones: ['periorbital'], fitzpatrick: 5, start: '2027-01-05' }), rules, TODAY);
    const md = renderMarkdown(p);
    expect(md).toContain('**Around the eyes:** the needles stay on the skin below the eye, outside the bony rim of the eye socket, and never touch the eyelids.');
    expect(md).not.toContain('PIH');
    expect(md).toContain('dark marks after inflammation');
    expect(md).toContain('decision support for a trained practitioner, not a prescription');
  });
});
