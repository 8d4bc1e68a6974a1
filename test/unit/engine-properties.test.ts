// Properties the engine must keep for every valid intake, generated with fast-check.
import { numberedFields } from '../helpers/plan-fields.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plan } from '../../src/engine/plan.js';
import { daysBetween } from '../../src/engine/dates.js';
import { zonesForConcern } from '../../src/intake/schema.js';
import { intakeArb } from '../helpers/intake-arb.js';
import { makeRules, TODAY } from '../helpers/builders.js';

// The built-in rules plus a finer device, so rounding is exercised on two step grids.
const rules = makeRules((r) => {
  r.devices.devices.push({ id: 'fine-pen', name: 'Fine pen', depthMm: { min: 0.2, max: 3 }, stepMm: 0.1, source: 'test' });
});

const intakes = intakeArb(rules);

const onStep = (mm: number, min: number, step: number) => {
  const k = (mm - min) / step;
  return Math.abs(k - Math.round(k)) < 1e-9;
};

describe('engine properties', () => {
  it('a plan without its rationale is the same plan, only with the rationale empty', () => {
    // Batch CSV rows are planned so (no column shows the rationale): nothing else may move.
    const days = fc.constantFrom(TODAY, '2024-02-28', '2027-12-31');
    fc.assert(
      fc.property(intakes, days, (intake, today) => {
        const full = plan(intake, rules, today);
        const bare = plan(intake, rules, today, { rationale: false });
        expect(full.rationale.length).toBeGreaterThan(0);
        expect(bare).toEqual({ ...full, rationale: [] });
        expect(JSON.stringify(bare)).toBe(JSON.stringify({ ...full, rationale: [] }));
      }),
      { numRuns: 500 },
    );
  });

  it('depth never exceeds the zone cap, the concern maximum or the device range, and sits on the device step', () => {
    fc.assert(
      fc.property(intakes, (intake) => {
        const p = plan(intake, rules, TODAY);
        const device = rules.devices.devices.find((d) => d.id === p.device.id)!;
        for (const z of p.zones) {
          const zone = rules.zones.zones.find((r) => r.id === z.zone)!;
          const concernMax = Math.max(
            ...intake.concerns
              .filter((c) => zonesForConcern(rules, c.id).includes(z.zone))
              .map((c) => rules.concerns.concerns.find((r) => r.id === c.id)!.depthMm.severe),
          );
          expect(z.depthMm).toBeLessThanOrEqual(zone.maxDepthMm);
          expect(z.depthMm).toBeLessThanOrEqual(concernMax);
          expect(z.depthMm).toBeGreaterThanOrEqual(device.depthMm.min);
          expect(z.depthMm).toBeLessThanOrEqual(device.depthMm.max);
          expect(onStep(z.depthMm, device.depthMm.min, device.stepMm)).toBe(true);
          expect(z.depthRangeMm.min).toBeLessThanOrEqual(z.depthMm);
          expect(z.depthRangeMm.max).toBeGreaterThanOrEqual(z.depthMm);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a not-eligible plan schedules nothing', () => {
    fc.assert(
      fc.property(intakes, (intake) => {
        const p = plan(intake, rules, TODAY);
        if (p.status === 'not-eligible') {
          expect(p.schedule).toEqual([]);
          expect(p.sessions.count).toBe(0);
          expect(p.review).toBeNull();
        } else {
          expect(p.sessions.count).toBeGreaterThanOrEqual(p.sessions.min);
          expect(p.sessions.count).toBeLessThanOrEqual(p.sessions.max);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('schedule dates are exactly the interval apart and never before the (deferred) start', () => {
    fc.assert(
      fc.property(intakes, (intake) => {
        const p = plan(intake, rules, TODAY);
        if (!intake.start || p.status === 'not-eligible') {
          expect(p.schedule).toEqual([]);
          return;
        }
        expect(p.schedule).toHaveLength(p.sessions.count);
        expect(p.schedule[0]!.date >= intake.start).toBe(true);
        if (p.earliestStart) expect(p.schedule[0]!.date >= p.earliestStart).toBe(true);
        const gap = Math.round(p.intervalWeeks.min * 7);
        p.schedule.forEach((s, i) => {
          expect(s.session).toBe(i + 1);
          if (i > 0) expect(daysBetween(p.schedule[i - 1]!.date, s.date)).toBe(gap);
        });
        expect(p.review!.date > p.schedule.at(-1)!.date).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('the same input gives the same plan, and planning changes neither input', () => {
    fc.assert(
      fc.property(intakes, (intake) => {
        const before = structuredClone(intake);
        const rulesBefore = JSON.stringify(rules);
        expect(plan(intake, rules, TODAY)).toEqual(plan(structuredClone(intake), rules, TODAY));
        expect(intake).toEqual(before);
        expect(JSON.stringify(rules)).toBe(rulesBefore);
      }),
      { numRuns: 200 },
    );
  });

  it('every number in the plan has a rationale entry', () => {
    fc.assert(
      fc.property(intakes, (intake) => {
        const p = plan(intake, rules, TODAY);
        const explained = new Set(p.rationale.map((r) => r.field));
        for (const field of numberedFields(p)) expect(explained, field).toContain(field);
        for (const r of p.rationale) expect(r.ruleId).toMatch(/^[a-z]+(\/[a-z0-9-]+)?$/);
      }),
      { numRuns: 300 },
    );
  });
});
