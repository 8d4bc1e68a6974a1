// `rules show` as a practitioner reads it: the numbers the engine would plan with, in
// tables that fit 80 columns, with colour only on words that already say the thing.
import { describe, expect, it } from 'vitest';
import { builtinRules, makeRules } from '../helpers/builders.js';
import { renderRulesJson, renderRulesText } from '../../src/render/rules-show.js';
import type { Paint } from '../../src/render/paint.js';

const tagged: Paint = {
  bold: (t) => `<b>${t}</b>`,
  dim: (t) => t,
  red: (t) => `<red>${t}</red>`,
  yellow: (t) => `<yellow>${t}</yellow>`,
  green: (t) => t,
  cyan: (t) => `<cyan>${t}</cyan>`,
};

describe('renderRulesText', () => {
  const rules = makeRules((r) => {
    const acne = r.concerns.concerns.find((c) => c.id === 'acne-scars')!;
    acne.depthMm = { mild: 0.75, moderate: 1.25, severe: 1.75 };
    r.zones.zones.find((z) => z.id === 'cheeks')!.maxDepthMm = 1.75;
    r.ruleset.name = 'Clinic Rosa';
    r.ruleset.version = '7';
  });
  const text = renderRulesText(rules);
  const lines = text.split('\n');

  it('names the rule set, its version and fingerprint', () => {
    expect(lines[0]).toBe('Clinic Rosa, rules version 7');
    expect(lines[1]).toBe(`  Fingerprint  ${rules.sha256}`);
  });

  it('shows each concern by severity: depth, sessions the engine would plan, interval', () => {
    const at = lines.findIndex((l) => l.startsWith('  acne-scars '));
    const cells = (l: string) => l.trim().split(/\s{2,}/);
    expect(cells(lines[at]!).slice(0, 5)).toEqual(['acne-scars', 'mild', '0.75 mm', '6 (6-8)', '6 weeks']);
    expect(cells(lines[at + 1]!).slice(0, 4)).toEqual(['moderate', '1.25 mm', '7 (6-8)', '6 weeks']);
    expect(cells(lines[at + 2]!).slice(0, 4)).toEqual(['severe', '1.75 mm', '8 (6-8)', '6 weeks']);
  });

  it('shows every zone cap', () => {
    expect(lines.find((l) => l.startsWith('  cheeks '))?.trim().split(/\s{2,}/)).toEqual(['cheeks', 'Cheeks', 'face', '1.75 mm', 'sourced']);
    for (const zone of rules.zones.zones) expect(lines.some((l) => l.startsWith(`  ${zone.id} `))).toBe(true);
  });

  it('lists every screening condition under its outcome', () => {
    const under = (word: string) => lines.indexOf(lines.find((l) => l.startsWith(`  ${word} `))!);
    expect(under('BLOCK')).toBeGreaterThan(0);
    expect(under('BLOCK')).toBeLessThan(lines.findIndex((l) => l.startsWith('    pregnant ')));
    expect(lines.findIndex((l) => l.startsWith('    pregnant '))).toBeLessThan(under('CLEARANCE'));
    for (const c of rules.screening.conditions) expect(text).toContain(`    ${c.id} `);
  });

  it('fits an 80-column terminal', () => {
    expect(lines.filter((l) => l.length > 80)).toEqual([]);
  });

  it('has no colour codes without a paint, and keeps the words when painted', () => {
    expect(text).not.toMatch(/\u001b\[/);
    const painted = renderRulesText(rules, { paint: tagged });
    expect(painted).toContain('<b><red>BLOCK</red></b> (not eligible)');
    expect(painted).toContain('<b><yellow>CAUTION</yellow></b> (treat with care)');
  });

  it('says which files a clinic folder supplied', () => {
    const clinic = { ...rules, origin: '/clinics/rosa' };
    expect(renderRulesText(clinic, { own: ['zones.json'] })).toContain('  From         /clinics/rosa (own files: zones.json; the rest built-in)');
  });
});

describe('renderRulesJson', () => {
  it('is the resolved rule set, fingerprint and origin included', () => {
    const rules = makeRules();
    expect(JSON.parse(renderRulesJson(rules))).toEqual(rules);
  });

  it('marks the in-area conditions and how to name their zone', () => {
    const text = renderRulesText(builtinRules()).replace(/\s+/g, ' ');
    expect(text).toMatch(/active-acne Active inflamed acne in the area \(in one area: active-acne@<zone> holds back that zone only\)/);
    expect(text).toMatch(/pregnant Pregnant or breastfeeding(?! \(in one area)/);
  });
});
