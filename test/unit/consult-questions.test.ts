// What each consultation question offers comes from the rules.
import { describe, expect, it } from 'vitest';
import { concernChoices, fitzpatrickChoices, painChoices, screeningGroups, severityQuestion, zoneChoices } from '../../src/consult/questions.js';
import { builtinRules, makeRules } from '../helpers/builders.js';

const rules = builtinRules();

describe('consultation questions', () => {
  it('severity uses the concern\'s scale wording when it has one, and says what each level means', () => {
    const acne = severityQuestion(rules, 'acne-scars');
    expect(acne.message).toBe('Severity of acne scars (Goodman & Baron acne scar grade)');
    expect(acne.choices.map((c) => c.name)).toEqual([
      'mild: Grade 2: mild',
      'moderate: Grade 3: moderate, visible at 50 cm, flattens when stretched',
      'severe: Grade 4: severe, does not flatten when stretched',
    ]);
    expect(acne.choices[2]).toMatchObject({ value: 'severe', short: 'severe', description: '2 mm before zone caps; intensive series' });
    expect(severityQuestion(rules, 'photoaging').message).toContain('(Glogau photo-aging)');
    const texture = severityQuestion(rules, 'texture');
    expect(texture.message).toBe('Severity of texture / glow');
    expect(texture.choices.map((c) => c.name)).toEqual(['mild', 'moderate', 'severe']);
  });

  it('zones are those the chosen concerns apply to; concerns those that fit given zones', () => {
    expect(zoneChoices(rules, ['stretch-marks']).map((z) => z.value)).toEqual(['decollete', 'abdomen', 'thighs', 'buttocks', 'arms']);
    expect(zoneChoices(rules, ['acne-scars'])[0]).toEqual({ value: 'forehead', name: 'Forehead', description: 'cap 0.5 mm. Over bone: stay shallow.' });
    expect(concernChoices(rules, ['abdomen']).map((c) => c.value)).toEqual(['stretch-marks']);
    expect(concernChoices(rules).length).toBe(rules.concerns.concerns.length);
  });

  it('skin types carry the rules\' adjustment; pain levels their numbing threshold', () => {
    const types = fitzpatrickChoices(rules);
    expect(types.map((t) => t.value)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI']);
    expect(types[2]!.description).toBeUndefined();
    expect(types[4]!.description).toMatch(/^Fitzpatrick IV-VI: one step \(0\.25 mm\) shallower/);
    expect(painChoices(rules).map((p) => p.description)).toEqual([
      'numbing cream recommended above 0.25 mm',
      'numbing cream recommended above 0.5 mm',
      'numbing cream recommended above 1 mm',
    ]);
  });

  it('screening asks every condition\'s question once, in its group, ticking the given ones', () => {
    const groups = screeningGroups(rules, ['blood-thinners']);
    expect(groups.map((g) => g.label)).toEqual(['Pregnancy and medicines', 'The skin right now', 'Health history and allergies', 'Recent sun and treatments']);
    const asked = groups.flatMap((g) => g.questions.map((q) => q.value));
    expect(asked.sort()).toEqual(rules.screening.conditions.map((c) => c.id).sort());
    expect(groups[0]!.questions.find((q) => q.value === 'blood-thinners')).toMatchObject({
      name: 'Does the client take blood thinners or antiplatelets (aspirin included)?',
      checked: true,
    });
  });

  it('a clinic\'s own condition shows up under its group', () => {
    const clinic = makeRules((r) => {
      r.screening.conditions.push({ ...r.screening.conditions[0]!, id: 'gold-threads', label: 'Gold threads', question: 'Does the client have gold threads?', group: 'health', aliases: [] });
    });
    expect(screeningGroups(clinic).find((g) => g.id === 'health')!.questions.at(-1)).toMatchObject({ value: 'gold-threads', name: 'Does the client have gold threads?' });
  });
});
