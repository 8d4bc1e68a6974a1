// A clinic's JSON is enough: a concern, zone, device and screening condition added in
// test/fixtures/rules-clinic/ reach the intake schema (flags and CSV rows) and the
// consultation's choices with no code change.
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/rules/load/load.js';
import { parseIntake, checkAnswer } from '../../src/intake/schema.js';
import { concernChoices, deviceChoices, screeningGroups, zoneChoices } from '../../src/consult/questions.js';
import { builtinRules } from '../helpers/builders.js';

const { rules, problems, own } = loadRules('test/fixtures/rules-clinic');
const clinic = rules!;

describe('the clinic fixture', () => {
  it('is valid, holds only the files it changes, and names itself', () => {
    expect(problems).toEqual([]);
    expect(own).toEqual(['ruleset.json', 'devices.json', 'zones.json', 'concerns.json', 'screening.json']);
    expect(clinic.ruleset).toMatchObject({ name: 'Clinic Rosa (test fixture)', version: '2026.11.0-rosa.1' });
    expect(clinic.adjustments).toEqual(builtinRules().adjustments);
  });
});

describe('added ids reach the intake schema (flags, prompts and CSV all use it)', () => {
  const raw = { fitzpatrick: 'II', screened: true };

  it('accepts them by id', () => {
    const r = parseIntake({ ...raw, concerns: ['surgical-scars=mild'], zones: ['upper-back'], device: 'clinic-pen', conditions: ['recent-waxing'] }, clinic);
    expect(r.ok && r.intake).toMatchObject({
      concerns: [{ id: 'surgical-scars', severity: 'mild' }],
      zones: ['upper-back'],
      device: 'clinic-pen',
      conditions: ['recent-waxing'],
    });
  });

  it('accepts them by label and alias, as a CSV export writes them', () => {
    const r = parseIntake({ ...raw, concerns: ['Surgery Scars'], severity: 'moderate', zones: ['Back'], device: 'Clinic test pen', conditions: ['waxing'] }, clinic);
    expect(r.ok && r.intake).toMatchObject({ concerns: [{ id: 'surgical-scars' }], zones: ['upper-back'], device: 'clinic-pen', conditions: ['recent-waxing'] });
  });

  it('rejects them under the built-in rules', () => {
    expect(checkAnswer('concerns', ['surgical-scars'], builtinRules())).toMatch(/^unknown concern "surgical-scars"/);
    expect(checkAnswer('zones', ['upper-back'], builtinRules())).toMatch(/^unknown zone "upper-back"/);
    expect(checkAnswer('device', 'clinic-pen', builtinRules())).toMatch(/^unknown device "clinic-pen"/);
    expect(checkAnswer('conditions', ['recent-waxing'], builtinRules())).toMatch(/^unknown screening condition "recent-waxing"/);
  });
});

describe('added ids reach the consultation prompts', () => {
  it('offers the new concern, its zones, the new device and the new screening question', () => {
    expect(concernChoices(clinic).map((c) => c.value)).toContain('surgical-scars');
    expect(zoneChoices(clinic, ['surgical-scars']).map((c) => c.value)).toEqual(['abdomen', 'upper-back']);
    expect(deviceChoices(clinic).map((c) => c.value)).toEqual(['e-dermastamp', 'clinic-pen']);
    const recent = screeningGroups(clinic).find((g) => g.id === 'recent-treatments')!;
    expect(recent.questions).toContainEqual({ value: 'recent-waxing', name: 'Was the area waxed in the last week?', checked: false });
  });
});
