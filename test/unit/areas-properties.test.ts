// Properties of treatment areas over generated multi-area intakes (fast-check): a zone's
// depth is its own concerns' alone, a held-back zone gives the plan nothing, an in-area
// condition touches no other zone, and the names of the rules can't be confused.
import { numberedFields } from '../helpers/plan-fields.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plan } from '../../src/engine/plan.js';
import { PlanJson } from '../../src/engine/plan-schema.js';
import type { Intake } from '../../src/intake/schema.js';
import { concernsOf, zonesOf, type AreaAnswer } from '../../src/intake/areas.js';
import { looseKey } from '../../src/text/names.js';
import { checkRuleSet, type FileNames } from '../../src/rules/load/checks.js';
import { RULE_FILE_NAMES } from '../../src/rules/load/files.js';
import { planCells, PLAN_COLUMNS } from '../../src/batch/output.js';
import { renderText } from '../../src/render/text.js';
import { intakeArb } from '../helpers/intake-arb.js';
import { makeRules, TODAY } from '../helpers/builders.js';

const rules = makeRules((r) => {
  r.devices.devices.push({ id: 'fine-pen', name: 'Fine pen', depthMm: { min: 0.2, max: 3 }, stepMm: 0.1, source: 'test' });
});
const intakes = intakeArb(rules);
const inArea = new Set(rules.screening.conditions.filter((c) => c.inArea && c.outcome === 'block').map((c) => c.id));

/** The same client with only these areas (and only these conditions). */
function withAreas(intake: Intake, areas: AreaAnswer[], conditions = intake.conditions): Intake {
  const zones = zonesOf(areas);
  return {
    ...intake,
    areas,
    concerns: concernsOf(areas),
    zones,
    conditions,
    conditionZones: intake.conditionZones.filter((cz) => conditions.includes(cz.id)).map((cz) => ({ ...cz, zones: cz.zones.filter((z) => zones.includes(z)) })).filter((cz) => cz.zones.length),
  };
}

describe('treatment-area properties', () => {
  it('every plan passes the Plan schema (its invariants included)', () => {
    fc.assert(
      fc.property(intakes, (intake) => {
        expect(PlanJson.safeParse(plan(intake, rules, TODAY)).error).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it("each zone's depth equals the depth its own concerns would give it alone", () => {
    fc.assert(
      fc.property(intakes, (intake) => {
        const p = plan(intake, rules, TODAY);
        for (const area of intake.areas) {
          const alone = plan(withAreas(intake, [area], []), rules, TODAY).zones[0]!;
          const z = p.zones.find((x) => x.zone === area.zone)!;
          expect({ depthMm: z.depthMm, depthRangeMm: z.depthRangeMm, concern: z.concern, concerns: z.concerns }).toEqual({
            depthMm: alone.depthMm,
            depthRangeMm: alone.depthRangeMm,
            concern: alone.concern,
            concerns: alone.concerns,
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a held-back zone is never scheduled or given a depth to use: the plan is the plan without it', () => {
    fc.assert(
      fc.property(intakes, (intake) => {
        const p = plan(intake, rules, TODAY);
        const held = p.zones.filter((z) => !z.treated);
        for (const z of held) expect(z.heldBack).not.toBeNull();
        const cells = Object.fromEntries(PLAN_COLUMNS.map((c, i) => [c, planCells(p, 2)[i]!]));
        const text = renderText(p, { color: false, explain: false });
        for (const z of held) {
          expect(cells.depth_mm!.split('|').map((d) => d.split(':')[0])).not.toContain(z.zone);
          expect(cells.held_back).toContain(`${z.zone}:`);
          const row = text.split('\n').find((l) => l.startsWith(`  ${z.label.slice(0, 6)}`) && /\sheld back\s+-\s/.test(l));
          expect(row, z.zone).toBeDefined();
        }
        if (held.length === 0 || held.length === p.zones.length) return;
        // The treated areas alone, without the conditions that held the others back.
        const rest = intake.areas.filter((a) => !held.some((z) => z.zone === a.zone));
        const q = plan(withAreas(intake, rest, intake.conditions.filter((c) => !inArea.has(c))), rules, TODAY);
        const course = (x: typeof p) => [x.sessions, x.intervalWeeks, x.numbing, x.downtimeDays, x.schedule, x.review, x.beforeCare, x.afterCare, x.serums, x.status];
        expect(course(p)).toEqual(course(q));
      }),
      { numRuns: 400 },
    );
  });

  it('an in-area condition never changes another zone', () => {
    fc.assert(
      fc.property(intakes, fc.constantFrom(...inArea), fc.nat(), (intake, condition, pick) => {
        const zone = intake.zones[pick % intake.zones.length]!;
        const others = intake.conditions.filter((c) => c !== condition);
        const without = withAreas(intake, intake.areas, others);
        const withIt: Intake = {
          ...without,
          conditions: [...others, condition],
          conditionZones: [...without.conditionZones, { id: condition, zones: [zone] }],
        };
        const a = plan(without, rules, TODAY);
        const b = plan(withIt, rules, TODAY);
        expect(b.zones.find((z) => z.zone === zone)!.treated).toBe(false);
        for (const z of a.zones) if (z.zone !== zone) expect(b.zones.find((x) => x.zone === z.zone)).toEqual(z);
      }),
      { numRuns: 300 },
    );
  });

  it('a not-eligible plan schedules nothing and lists no care steps', () => {
    fc.assert(
      fc.property(intakes, (intake) => {
        const p = plan(intake, rules, TODAY);
        if (p.zones.every((z) => !z.treated)) expect(p.status).toBe('not-eligible');
        if (p.status !== 'not-eligible') return;
        expect([p.schedule, p.review, p.sessions.count, p.beforeCare, p.afterCare, p.suggestedStart]).toEqual([[], null, 0, [], [], null]);
      }),
      { numRuns: 300 },
    );
  });

  it('every number has a rationale entry, held-back zones and suggested starts included', () => {
    fc.assert(
      fc.property(intakes, (intake) => {
        const p = plan(intake, rules, TODAY);
        const explained = new Set(p.rationale.map((r) => r.field));
        for (const field of numberedFields(p)) expect(explained, field).toContain(field);
        for (const z of p.zones.filter((x) => !x.treated))
          expect(p.rationale.some((r) => r.field === `zones.${z.zone}.depthMm` && r.ruleId === `screening/${z.heldBack!.code}`)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a before-care window before today comes with before-care-late and the first date every window fits', () => {
    fc.assert(
      fc.property(intakes, (intake) => {
        const p = plan(intake, rules, TODAY);
        const late = p.beforeCare.some((c) => c.fromDate !== null && c.fromDate < TODAY);
        expect(p.findings.some((f) => f.code === 'before-care-late')).toBe(late);
        expect(p.suggestedStart !== null).toBe(late);
        if (p.suggestedStart) {
          const shifted = plan({ ...intake, start: p.suggestedStart }, rules, TODAY);
          expect(shifted.beforeCare.every((c) => c.fromDate === null || c.fromDate >= TODAY)).toBe(true);
        }
        const dated = p.beforeCare.filter((c) => c.fromDate).map((c) => c.fromDate!);
        expect(dated).toEqual([...dated].sort());
      }),
      { numRuns: 300 },
    );
  });
});

describe('names', () => {
  it('no two built-in conditions (zones, concerns) share a name once case, punctuation and plurals are ignored', () => {
    for (const list of [rules.screening.conditions, rules.zones.zones, rules.concerns.concerns]) {
      const owner = new Map<string, string>();
      for (const item of list)
        for (const name of [item.id, item.label, ...item.aliases]) {
          const other = owner.get(looseKey(name));
          expect(other === undefined || other === item.id, `${item.id} / ${other}: "${name}"`).toBe(true);
          owner.set(looseKey(name), item.id);
        }
    }
  });

  it('the rules check rejects "cold sore" and "cold sores" on two conditions', () => {
    const clinic = makeRules((r) => {
      r.screening.conditions.find((c) => c.id === 'active-infection')!.aliases.push('cold sore');
      r.screening.conditions.find((c) => c.id === 'cold-sore-history')!.aliases.push('Cold-Sores');
    });
    const files = Object.fromEntries(RULE_FILE_NAMES.map((f) => [f, f])) as FileNames;
    const problems = checkRuleSet(clinic, files).filter((p) => p.code === 'unambiguousNames');
    expect(problems).toEqual([
      expect.objectContaining({
        level: 'error',
        file: 'screening.json',
        message: '"cold-sore-history" is called "Cold-Sores" and "active-infection" "cold sore": the same name once case, punctuation and plurals are ignored; rename one',
      }),
    ]);
    expect(checkRuleSet(rules, files).filter((p) => p.level === 'error')).toEqual([]);
  });
});
