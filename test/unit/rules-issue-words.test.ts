// Zod's issues in plain words: each names the JSON path, the item by its id, the value as
// written and what to write instead. (The broken-folder corpus covers the common cases
// end to end; these pin the rarer shapes.)
import { describe, expect, it } from 'vitest';
import { RULE_FILES, type RuleFileName } from '../../src/rules/schema.js';
import { problemsFromZod } from '../../src/rules/load/issue-words.js';

function words(name: RuleFileName, json: unknown): string[] {
  const parsed = RULE_FILES[name].safeParse(json);
  if (parsed.success) throw new Error('expected issues');
  return problemsFromZod(parsed.error, name, json, RULE_FILES[name]).map((p) => `${p.path}: ${p.message}`);
}

const band = (over: Record<string, unknown>) => ({ bands: [{ id: 'deep', upToMm: null, days: { min: 4, max: 7 }, ...over }] });

describe('problemsFromZod', () => {
  it('says when null is allowed too', () => {
    expect(words('downtime.json', band({ upToMm: 'none' }))).toEqual(['bands[0].upToMm: deep: upToMm must be a number or null, not the text "none"']);
  });

  it('asks for a whole number where one is needed', () => {
    expect(words('downtime.json', band({ days: { min: 1.5, max: 7 } }))).toEqual(['bands[0].days.min: deep: days.min 1.5 must be a whole number']);
  });

  it('gives the unit of a range from its name', () => {
    expect(words('downtime.json', band({ days: { min: 0, max: 90 } }))).toEqual(['bands[0].days.max: deep: days.max 90 days is above the most allowed (60 days); lower it']);
  });

  it('names a list item without an id by its position', () => {
    expect(words('downtime.json', { bands: [null] })).toEqual(['bands[0]: item 1 of bands must be an object in { }, not null']);
  });

  it('asks for text where a label is empty', () => {
    const json = { groups: [{ id: 'skin', label: '' }], conditions: [] };
    expect(words('screening.json', json)).toEqual([
      'groups[0].label: skin: label is empty; write the text, or delete the key if it is optional',
      'conditions: the conditions list is empty; add at least one',
    ]);
  });

  it('suggests the option meant by a near miss', () => {
    const json = { sessionCount: {}, numbing: {}, age: {}, fitzpatrick: [{ id: 'dark', types: [4], depthDeltaMm: -0.25, outcome: 'cautoin', message: 'm' }] };
    expect(words('adjustments.json', json)).toContain('fitzpatrick[0].outcome: dark: outcome "cautoin" is not one of: block, clearance, defer, modify, caution (did you mean "caution"?)');
  });

  it('speaks of the whole file when it is not an object', () => {
    expect(words('care.json', 'care')).toEqual([': a rule file holds one JSON object, { ... }, not the text "care"']);
  });
});
