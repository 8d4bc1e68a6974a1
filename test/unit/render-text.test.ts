// The terminal protocol: the words carry the meaning (colour only underlines them), every
// line fits 80 columns, and the short "why" grows to the full rationale with --explain.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plan } from '../../src/engine/plan.js';
import { renderText } from '../../src/render/text.js';
import type { Paint } from '../../src/render/paint.js';
import { chalkPaint } from '../../src/shell/color.js';
import { useColor } from '../../src/shell/color.js';
import { builtinRules, makeIntake, makeRules, TODAY } from '../helpers/builders.js';
import { intakeArb } from '../helpers/intake-arb.js';

const rules = builtinRules();
const text = (over: Parameters<typeof makeIntake>[0] = {}, options: { explain?: boolean; color?: boolean; paint?: Paint } = {}) =>
  renderText(plan(makeIntake(over), rules, TODAY), { color: false, explain: false, ...options });
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;

/** A paint that marks each colour visibly, so a test can see which word got which. */
const tags: Paint = {
  bold: (t) => `<b>${t}</b>`,
  dim: (t) => `<dim>${t}</dim>`,
  red: (t) => `<red>${t}</red>`,
  yellow: (t) => `<yellow>${t}</yellow>`,
  green: (t) => `<green>${t}</green>`,
  cyan: (t) => `<cyan>${t}</cyan>`,
};

describe('renderText', () => {
  it.each([
    [{}, 'READY', 'green'],
    [{ conditions: ['pregnant'] }, 'NOT ELIGIBLE', 'red'],
    [{ conditions: ['blood-thinners'] }, 'NEEDS CLEARANCE', 'yellow'],
    [{ screened: false }, 'UNSCREENED', 'yellow'],
  ])('banner for %j says %s, coloured %s only when colour is on', (over, word, colour) => {
    const lines = text(over).split('\n');
    expect(lines[1]!.startsWith(`${word}  `)).toBe(true);
    expect(text(over, { color: true, paint: tags }).split('\n')[1]).toContain(`<b><${colour}>${word}</${colour}></b>`);
    // A paint without colour on is ignored: the shell decides, the renderer obeys.
    expect(text(over, { color: false, paint: tags })).not.toContain('<');
  });

  it('writes each finding with its outcome word, most serious first', () => {
    const out = text({ conditions: ['other-medication', 'pregnant', 'anesthetic-allergy'], fitzpatrick: 5 });
    const words = out.split('\n').filter((l) => /^ {2}(BLOCK|CLEARANCE|DEFER|MODIFY|CAUTION) /.test(l)).map((l) => l.trim().split(/\s+/)[0]);
    expect(words).toEqual(['BLOCK', 'MODIFY', 'MODIFY', 'CAUTION']);
    expect(out).toContain('Pregnant or breastfeeding: not eligible');
  });

  it('has the depth table, the dated schedule, numbing, downtime and the ice-pick caveat', () => {
    const out = text({ concerns: [{ id: 'acne-scars', severity: 'severe' }], zones: ['cheeks', 'forehead'], start: '2027-01-05' });
    expect(out).toMatch(/^ {2}Cheeks +2 mm +1-2 mm +2 mm +acne-scars$/m);
    expect(out).toMatch(/^ {2}Forehead +0\.5 mm +0\.5 mm +0\.5 mm +acne-scars$/m);
    expect(out).toMatch(/^ {2}Schedule +#1 2027-01-05 +#2 2027-02-16 +#3 2027-03-30 +#4 2027-05-11$/m);
    expect(out).toMatch(/^ {14}#5 2027-06-22 +#6 2027-08-03 +#7 2027-09-14 +#8 2027-10-26$/m);
    expect(out).toContain('Review      2028-04-26');
    expect(out).toContain('Numbing     yes: numbing cream 30-60 minutes before');
    expect(out).toContain('Downtime    4-7 days of redness');
    expect(out).toContain('Ice-pick scars respond poorly');
    expect(out).toContain('from 2026-12-31: Stop retinoid');
  });

  it('says when sessions are not dated, and schedules nothing for a not-eligible client', () => {
    expect(text()).toContain('Schedule    not dated (no start date given)');
    const blocked = text({ conditions: ['pregnant'], start: '2027-01-05' });
    expect(blocked).toContain('Sessions    none now (not eligible)');
    expect(blocked).not.toContain('Schedule');
  });

  it('shows a short why, and every reason with its rule under --explain', () => {
    const p = plan(makeIntake({ zones: ['cheeks', 'forehead'] }), rules, TODAY);
    const short = renderText(p, { color: false, explain: false });
    const full = renderText(p, { color: false, explain: true });
    const whyLines = (out: string) => out.slice(out.indexOf('\nWhy')).split('\n').filter((l) => l.startsWith('  - ')).length;
    expect(whyLines(short)).toBeLessThan(p.rationale.length);
    expect(whyLines(full)).toBe(p.rationale.length);
    expect(full).toContain(`[${p.rationale[0]!.ruleId}]`);
    expect(short).toContain(`--explain lists all ${p.rationale.length} reasons`);
  });

  it('fits 80 columns and has no escape codes without colour, for any plan', () => {
    fc.assert(
      fc.property(intakeArb(rules), fc.boolean(), (intake, explain) => {
        const out = renderText(plan(intake, rules, TODAY), { color: false, explain });
        for (const line of out.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
        expect(out).not.toMatch(ANSI);
      }),
      { numRuns: 150 },
    );
  });

  it('colours with chalk when given its paint', async () => {
    const out = text({ conditions: ['pregnant'] }, { color: true, paint: await chalkPaint() });
    expect(out).toMatch(ANSI);
    expect(out.replace(/\u001b\[[0-9;]*m/g, '')).toBe(text({ conditions: ['pregnant'] }));
  });
});

describe('renderText with awkward client names', () => {
  it('wraps a long name, cuts an endless word, and drops control characters', () => {
    const out = text({ client: `${'x'.repeat(120)} \u001b[31mred\u0007` });
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(out).not.toMatch(ANSI);
    expect(out).toContain(' [31mred');
  });
});

describe('renderText with a clinic\'s long names', () => {
  it('cuts a long zone label, never an id, to stay within 80 columns', () => {
    const clinic = makeRules((r) => {
      const cheeks = r.zones.zones.find((z) => z.id === 'cheeks')!;
      cheeks.label = 'Cheeks, including the pre-auricular area and the lower malar region';
      cheeks.notes = ['Mind the parotid duct.'];
      r.concerns.concerns.find((c) => c.id === 'acne-scars')!.id = 'acne-scars-rolling-and-boxcar';
    });
    const out = renderText(plan(makeIntake({ concerns: [{ id: 'acne-scars-rolling-and-boxcar', severity: 'mild' }] }, clinic), clinic, TODAY), { color: false, explain: false });
    const row = out.split('\n').find((l) => l.includes('acne-scars-rolling-and-boxcar') && l.includes(' mm'))!;
    expect(row.length).toBeLessThanOrEqual(80);
    expect(row).toMatch(/^ {2}Cheeks, including .*… +1 mm +1-2 mm +2 mm +acne-scars-rolling-and-boxcar$/);
    for (const line of out.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(out.replace(/\s+/g, ' ')).toContain('lower malar region: Mind the parotid duct.');
  });
});

describe('when the shell colours (useColor)', () => {
  it.each([
    [{ flag: true, env: {}, isTTY: true }, true],
    [{ flag: true, env: {}, isTTY: false }, false],
    [{ flag: false, env: {}, isTTY: true }, false], // --no-color
    [{ flag: true, env: { NO_COLOR: '1' }, isTTY: true }, false],
    [{ flag: true, env: { NO_COLOR: '' }, isTTY: true }, true], // empty NO_COLOR is unset (no-color.org)
    [{ flag: true, env: { FORCE_COLOR: '1' }, isTTY: false }, true],
    [{ flag: true, env: { FORCE_COLOR: '0' }, isTTY: true }, false],
    [{ flag: true, env: { FORCE_COLOR: '1', NO_COLOR: '1' }, isTTY: true }, false],
  ])('%j -> %s', (ctx, expected) => {
    expect(useColor(ctx)).toBe(expected);
  });
});
