// Text wraps to the width the shell gives (the terminal's; 80 when not a terminal): at 60
// columns every line fits and no word is cut in two.
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/engine/plan.js';
import { renderText } from '../../src/render/text.js';
import { renderRulesText } from '../../src/render/rules-show.js';
import { renderSummary } from '../../src/render/summary.js';
import { textWidth } from '../../src/shell/width.js';
import { builtinRules, makeIntake, TODAY } from '../helpers/builders.js';

const rules = builtinRules();
const p = plan(
  makeIntake({
    concerns: [{ id: 'acne-scars', severity: 'severe' }],
    zones: ['cheeks'],
    conditions: ['blood-thinners', 'other-medication'],
    start: '2027-01-05',
    fitzpatrick: 5,
  } as never),
  rules,
  TODAY,
);
const words = (text: string) => new Set(text.split(/\s+/).filter((w) => w.length > 3));

describe('text width', () => {
  for (const width of [60, 80, 120])
    it(`plan text at ${width} columns: every line fits, the same words as at 200`, () => {
      const text = renderText(p, { color: false, explain: true, width });
      for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(width);
      expect(words(text)).toEqual(words(renderText(p, { color: false, explain: true, width: 200 })));
    });

  it('rules show and the summary wrap too', () => {
    // Headings and sentences wrap; a table keeps its columns whole (its narrowest form is
    // wider than 60), and a word longer than the line (the fingerprint) is never cut.
    const table = /^ {2}\S+(\s{2,}\S.*){2,}$|^ {10,}\S|^\s*[0-9a-f]{64}$/;
    const shown = renderRulesText(rules, { width: 60 }).split('\n');
    for (const line of shown) if (!table.test(line)) expect(line.length, line).toBeLessThanOrEqual(60);
    expect(shown).toContain('Concerns by severity (depth before zone caps and skin-type');
    for (const line of renderSummary(p, 60).split('\n')) expect(line.length, line).toBeLessThanOrEqual(60);
  });

  it("is the terminal's width, 80 for a file or pipe, never below 40", () => {
    expect(textWidth({ isTTY: true, columns: 60 })).toBe(60);
    expect(textWidth({ isTTY: true, columns: 132 })).toBe(132);
    expect(textWidth({ isTTY: false, columns: 60 })).toBe(80);
    expect(textWidth({ isTTY: true, columns: 20 })).toBe(40);
  });
});
