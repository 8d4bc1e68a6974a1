// FHIR R4 through the built bin: `plan -f fhir` and `rules show -f fhir` exit 0 with a
// Bundle that both validators accept; pinned reruns are byte-identical.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { fhirProblems } from '../helpers/fhir-validators.js';

const PLAN = ['plan', '-c', 'acne-scars=severe', '-z', 'cheeks', '--fitzpatrick', 'III', '--age', '35', '--screened', '--start', '2027-01-05', '--client', 'C-1001', '--no-input'];
const tmp = mkdtempSync(join(tmpdir(), 'np-fhir-e2e-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
type Json = Record<string, any> & { resourceType: string };

describe('FHIR export through the CLI', () => {
  it('plan -f fhir prints a valid Bundle with one activity per dated session', () => {
    const r = runCli([...PLAN, '-f', 'fhir']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const bundle = JSON.parse(r.stdout) as Json;
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection', timestamp: '2026-11-25T00:00:00Z' });
    expect(fhirProblems(bundle)).toEqual([]);
    const carePlan = bundle.entry.find((e: Json) => e.resource.resourceType === 'CarePlan').resource;
    const json = JSON.parse(runCli([...PLAN, '-f', 'json']).stdout) as Json;
    expect(carePlan.activity.map((a: Json) => a.detail.scheduledPeriod.start)).toEqual(json.schedule.map((s: Json) => s.date));
    expect(runCli([...PLAN, '-f', 'fhir']).stdout).toBe(r.stdout);
  });

  it('plan -f fhir -o writes the file', () => {
    const out = join(tmp, 'plan.fhir.json');
    const r = runCli([...PLAN, '-f', 'fhir', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).resourceType).toBe('Bundle');
  });

  it('-o x.fhir.json without -f picks FHIR; x.json stays the plan JSON', () => {
    const fhir = join(tmp, 'picked.fhir.json');
    const json = join(tmp, 'picked.json');
    for (const out of [fhir, json]) {
      const r = runCli([...PLAN, '-o', out]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('');
    }
    expect(JSON.parse(readFileSync(fhir, 'utf8')).resourceType).toBe('Bundle');
    expect(JSON.parse(readFileSync(json, 'utf8')).schemaVersion).toBe(1);
  });

  it('a not-eligible client is a result: exit 0, no activity', () => {
    const r = runCli([...PLAN, '--condition', 'pregnant', '-f', 'fhir']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const bundle = JSON.parse(r.stdout) as Json;
    expect(fhirProblems(bundle)).toEqual([]);
    expect(bundle.entry.find((e: Json) => e.resource.resourceType === 'CarePlan').resource.activity).toBeUndefined();
  });

  it('rules show -f fhir prints the PlanDefinition and Questionnaire', () => {
    const r = runCli(['rules', 'show', '-f', 'fhir']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const bundle = JSON.parse(r.stdout) as Json;
    expect(fhirProblems(bundle)).toEqual([]);
    expect(bundle.entry.map((e: Json) => e.resource.resourceType)).toEqual(['PlanDefinition', 'Questionnaire']);
  });

  it('rules show with an unknown format names the choices', () => {
    const r = runCli(['rules', 'show', '-f', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Allowed choices are text, json, fhir.');
  });
});
