// The pure next-session function: examples for each rule of domain 8b, then properties
// over generated plans and recorded sessions.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plan } from '../../src/engine/plan.js';
import { nextSession, REACTIONS, type SessionInput } from '../../src/engine/next-session.js';
import { addDays, daysBetween } from '../../src/engine/dates.js';
import { builtinRules, makeIntake, makeRules, TODAY } from '../helpers/builders.js';
import { intakeArb, isoDateArb } from '../helpers/intake-arb.js';
import type { Plan } from '../../src/engine/types.js';

const rules = builtinRules();

/** fine-lines moderate on cheeks: 0.75 mm, 3-6 sessions every 6-8 weeks. */
function finePlan(overrides = {}): Plan {
  return plan(makeIntake({ client: 'Ana', concerns: [{ id: 'fine-lines', severity: 'moderate' }], zones: ['cheeks', 'forehead'], start: '2026-12-01', ...overrides }), rules, TODAY);
}

const session = (number: number, date: string, p: Plan, extra: Partial<SessionInput> = {}): SessionInput => ({
  number,
  date,
  zones: p.zones.map((z) => ({ zone: z.zone, depthMm: z.depthMm })),
  passes: 2,
  reaction: 'none',
  healedDays: null,
  adverseEvent: null,
  ...extra,
});

describe('nextSession: examples', () => {
  it('with nothing recorded, session 1 on the planned start at the planned depths', () => {
    const p = finePlan();
    const next = nextSession({ client: 'Ana', plan: p }, [], rules, TODAY);
    expect(next.status).toBe('due');
    expect(next.session).toEqual({ number: 1, of: p.sessions.count });
    expect(next.date).toBe('2026-12-01');
    expect(next.zones.map((z) => [z.zone, z.depthMm, z.plannedMm])).toEqual(p.zones.map((z) => [z.zone, z.depthMm, z.depthMm]));
  });

  it('counts from the last session actually done: a late session moves the rest', () => {
    const p = finePlan();
    const next = nextSession({ client: 'Ana', plan: p }, [session(1, '2026-12-20', p)], rules, TODAY);
    expect(next.date).toBe(addDays('2026-12-20', p.intervalWeeks.min * 7));
    expect(next.rationale.some((r) => r.field === 'date' && r.text.includes('the plan had'))).toBe(true);
  });

  it('slow healing: one step shallower in the zones concerned and one week later, with reasons', () => {
    const p = finePlan();
    const cheeks = p.zones.find((z) => z.zone === 'cheeks')!;
    const forehead = p.zones.find((z) => z.zone === 'forehead')!;
    // 3 days of redness: above the superficial band (max 2) at forehead 0.5, within the medium band at cheeks 0.75.
    const next = nextSession({ client: 'Ana', plan: p }, [session(1, '2026-12-01', p, { healedDays: 3 })], rules, TODAY);
    expect(next.zones.find((z) => z.zone === 'forehead')!.depthMm).toBe(forehead.depthMm - p.device.stepMm);
    expect(next.zones.find((z) => z.zone === 'cheeks')!.depthMm).toBe(cheeks.depthMm);
    expect(next.date).toBe(addDays('2026-12-01', (p.intervalWeeks.min + 1) * 7));
    expect(next.rationale.filter((r) => r.ruleId.startsWith('adaptation/')).map((r) => r.field)).toEqual(['zones.forehead.depthMm', 'date']);
  });

  it('a moderate reaction adapts every zone treated; the next session after it does not go back deeper', () => {
    const p = finePlan();
    const s1 = session(1, '2026-12-01', p, { reaction: 'moderate' });
    const next = nextSession({ client: 'Ana', plan: p }, [s1], rules, TODAY);
    for (const z of next.zones) expect(z.depthMm).toBe(Math.max(z.plannedMm - p.device.stepMm, p.device.depthMm.min));
    const s2 = { ...session(2, next.date!, p), zones: next.zones.map((z) => ({ zone: z.zone, depthMm: z.depthMm })) };
    const after = nextSession({ client: 'Ana', plan: p }, [s1, s2], rules, TODAY);
    expect(after.zones.map((z) => z.depthMm)).toEqual(next.zones.map((z) => z.depthMm));
  });

  it('a fixed interval with no range: the week is added beyond it, and said so', () => {
    const p = plan(makeIntake({ concerns: [{ id: 'acne-scars', severity: 'severe' }], zones: ['cheeks'], start: '2026-12-01' }), rules, TODAY);
    expect(p.intervalWeeks.min).toBe(p.intervalWeeks.max);
    const next = nextSession({ client: null, plan: p }, [session(1, '2026-12-01', p, { healedDays: 20 })], rules, TODAY);
    expect(daysBetween('2026-12-01', next.date!)).toBe((p.intervalWeeks.min + 1) * 7);
    expect(next.rationale.some((r) => r.text.includes('beyond'))).toBe(true);
  });

  it('a severe reaction or an adverse event holds the course', () => {
    const p = finePlan();
    for (const extra of [{ reaction: 'severe' as const }, { adverseEvent: 'blistering' }]) {
      const next = nextSession({ client: 'Ana', plan: p }, [session(1, '2026-12-01', p, extra)], rules, TODAY);
      expect(next.status).toBe('needs-review');
      expect(next.date).toBeNull();
      expect(next.hold?.session).toBe(1);
    }
  });

  it('complete after the last session, with review and maintenance dates', () => {
    const p = finePlan();
    const done = p.schedule.map((s) => session(s.session, s.date, p));
    const next = nextSession({ client: 'Ana', plan: p }, done, rules, TODAY);
    expect(next.status).toBe('complete');
    const last = p.schedule.at(-1)!.date;
    expect(next.review?.date).toBe(p.review?.date);
    expect(next.maintenance!.date > next.review!.date).toBe(true);
    expect(daysBetween(last, next.maintenance!.date)).toBeGreaterThan(360);
  });

  it('reads its numbers from adaptation.json: two steps, and moderate reactions that hold', () => {
    const edited = makeRules((r) => {
      r.adaptation.stepsShallower = 2;
      r.adaptation.reactions.moderate = 'hold';
    });
    const p = finePlan();
    const slow = nextSession({ client: 'Ana', plan: p }, [session(1, '2026-12-01', p, { healedDays: 9 })], edited, TODAY);
    const cheeks = p.zones.find((z) => z.zone === 'cheeks')!;
    expect(slow.zones.find((z) => z.zone === 'cheeks')!.depthMm).toBe(Math.max(cheeks.depthMm - 2 * p.device.stepMm, p.device.depthMm.min));
    expect(nextSession({ client: 'Ana', plan: p }, [session(1, '2026-12-01', p, { reaction: 'moderate' })], edited, TODAY).status).toBe('needs-review');
  });

  it('skips zones a condition held back (treated: false)', () => {
    const p = finePlan();
    (p.zones[1] as unknown as { treated: boolean }).treated = false;
    const next = nextSession({ client: 'Ana', plan: p }, [], rules, TODAY);
    expect(next.zones.map((z) => z.zone)).toEqual([p.zones[0]!.zone]);
  });

  it('a not-eligible plan has no next session', () => {
    const p = plan(makeIntake({ conditions: ['pregnant'] }), rules, TODAY);
    expect(nextSession({ client: null, plan: p }, [], rules, TODAY).status).toBe('not-eligible');
  });
});

// ---------- properties ----------

const eligiblePlan = intakeArb(rules)
  .map((intake) => plan({ ...intake, conditions: [], screened: true }, rules, TODAY))
  .filter((p) => p.status !== 'not-eligible' && p.sessions.count > 0);

function sessionsArb(p: Plan): fc.Arbitrary<SessionInput[]> {
  const one = fc.record({
    gap: fc.integer({ min: 0, max: 120 }),
    reaction: fc.option(fc.constantFrom(...REACTIONS), { nil: null }),
    healedDays: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
    adverseEvent: fc.option(fc.constantFrom('bruising', 'infection'), { freq: 8, nil: null }),
    passes: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    // Depth used: anything the device allows, deeper than the plan too.
    depths: fc.array(fc.integer({ min: 0, max: Math.round((p.device.depthMm.max - p.device.depthMm.min) / p.device.stepMm) }), {
      minLength: p.zones.length,
      maxLength: p.zones.length,
    }),
  });
  return fc.tuple(isoDateArb, fc.array(one, { maxLength: Math.max(0, p.sessions.count - 1) })).map(([start, list]) => {
    let date = start;
    return list.map((s, i) => {
      date = addDays(date, s.gap);
      return {
        number: i + 1,
        date,
        zones: p.zones.map((z, j) => ({ zone: z.zone, depthMm: p.device.depthMm.min + s.depths[j]! * p.device.stepMm })),
        passes: s.passes,
        reaction: s.reaction,
        healedDays: s.healedDays,
        adverseEvent: s.adverseEvent,
      };
    });
  });
}

const courseArb = eligiblePlan.chain((p) => fc.tuple(fc.constant(p), sessionsArb(p), isoDateArb));

describe('nextSession: properties', () => {
  it('never deeper than the plan or the zone cap, never below the device', () => {
    fc.assert(
      fc.property(courseArb, ([p, sessions, today]) => {
        const next = nextSession({ client: p.client, plan: p }, sessions, rules, today);
        for (const z of next.zones) {
          const planned = p.zones.find((x) => x.zone === z.zone)!;
          expect(z.depthMm).toBeLessThanOrEqual(planned.depthMm);
          expect(z.depthMm).toBeLessThanOrEqual(planned.capMm);
          expect(z.depthMm).toBeLessThanOrEqual(rules.zones.zones.find((x) => x.id === z.zone)!.maxDepthMm);
          expect(z.depthMm).toBeGreaterThanOrEqual(Math.min(p.device.depthMm.min, planned.depthMm));
          if (z.lastMm !== null) expect(z.depthMm).toBeLessThanOrEqual(z.lastMm);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never earlier than the last session plus the interval minimum', () => {
    fc.assert(
      fc.property(courseArb, ([p, sessions, today]) => {
        const next = nextSession({ client: p.client, plan: p }, sessions, rules, today);
        const last = sessions.at(-1);
        if (last && next.date !== null) expect(daysBetween(last.date, next.date)).toBeGreaterThanOrEqual(Math.round(p.intervalWeeks.min * 7));
        if (next.date !== null) expect(next.daysOverdue).toBe(Math.max(0, daysBetween(next.date, today)));
      }),
      { numRuns: 300 },
    );
  });

  it('held after a severe reaction or an adverse event at the last session', () => {
    fc.assert(
      fc.property(courseArb, ([p, sessions, today]) => {
        const last = sessions.at(-1);
        fc.pre(last !== undefined && sessions.length < p.sessions.count);
        const held = [...sessions.slice(0, -1), { ...last!, reaction: 'severe' as const }];
        const next = nextSession({ client: p.client, plan: p }, held, rules, today);
        expect(next.status).toBe('needs-review');
        expect(next.date).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it('same records, same result (and the inputs are left as they were)', () => {
    fc.assert(
      fc.property(courseArb, ([p, sessions, today]) => {
        const before = JSON.stringify([p, sessions]);
        const a = nextSession({ client: p.client, plan: p }, sessions, rules, today);
        const b = nextSession({ client: p.client, plan: structuredClone(p) }, structuredClone(sessions).reverse(), rules, today);
        expect(b).toEqual(a);
        expect(JSON.stringify([p, sessions])).toBe(before);
      }),
      { numRuns: 200 },
    );
  });

  it('a rationale entry for every zone whose depth differs from the plan, and for a later date', () => {
    fc.assert(
      fc.property(courseArb, ([p, sessions, today]) => {
        const next = nextSession({ client: p.client, plan: p }, sessions, rules, today);
        for (const z of next.zones)
          if (z.depthMm !== z.plannedMm) expect(next.rationale.some((r) => r.field === `zones.${z.zone}.depthMm` && r.ruleId !== 'plan')).toBe(true);
        const last = sessions.at(-1);
        if (last && next.date && daysBetween(last.date, next.date) > Math.round(p.intervalWeeks.min * 7))
          expect(next.rationale.some((r) => r.field === 'date' && r.ruleId.startsWith('adaptation/'))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
