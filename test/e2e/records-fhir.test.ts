// history <client> -f fhir through the built bin: the saved course as an active CarePlan
// with a Procedure per session done (the amended healing time, the lot as a Device), valid
// to both FHIR validators; show -f fhir of a saved course is active too, plan -f fhir draft.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, TODAY } from '../helpers/run-cli.js';
import { expectValidFhir } from '../helpers/fhir-validators.js';

const root = mkdtempSync(join(tmpdir(), 'needleplan-records-fhir-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const db = join(root, 'needleplan.db');
const on = (today = TODAY) => ({ env: { NEEDLEPLAN_DB: db, NEEDLEPLAN_TODAY: today } });
const PLAN = ['plan', '-c', 'acne-scars=moderate', '-z', 'cheeks', '--fitzpatrick', 'III', '--screened', '--start', '2026-12-01', '--client', 'Ines Moreau'];
type Resource = { resourceType: string; status?: string; lotNumber?: string; basedOn?: unknown[] };
const resources = (text: string): Resource[] => (JSON.parse(text) as { entry: { resource: Resource }[] }).entry.map((e) => e.resource);

describe('records as FHIR', () => {
  it('plan -f fhir is a draft; saved, the course is active', () => {
    const draft = runCli([...PLAN, '-f', 'fhir'], on());
    expect(draft.code, draft.stderr).toBe(0);
    expect(resources(draft.stdout).find((r) => r.resourceType === 'CarePlan')?.status).toBe('draft');
    const saved = runCli([...PLAN, '--save', '-f', 'fhir'], on());
    expect(saved.code, saved.stderr).toBe(0);
    expect(resources(saved.stdout).find((r) => r.resourceType === 'CarePlan')?.status).toBe('active');
    const shown = runCli(['show', 'Ines Moreau', '-f', 'fhir'], on());
    expect(resources(shown.stdout).find((r) => r.resourceType === 'CarePlan')?.status).toBe('active');
  });

  it('history -f fhir: a Procedure per session based on the CarePlan, a Device per lot, all valid', () => {
    for (const [date, lot] of [['2026-12-01', 'LOT-A1'], ['2027-01-12', 'LOT-B2']] as const) {
      const r = runCli(['record', 'Ines Moreau', '--zone', 'cheeks=1.25', '--passes', '2', '--reaction', 'mild', '--healed-days', '3', '--lot', lot], on(date));
      expect(r.code, r.stderr).toBe(0);
    }
    const r = runCli(['history', 'Ines Moreau', '-f', 'fhir'], on('2027-01-20'));
    expect(r.code, r.stderr).toBe(0);
    const bundle = JSON.parse(r.stdout) as { resourceType: string };
    expectValidFhir(bundle);
    const all = resources(r.stdout);
    const procedures = all.filter((x) => x.resourceType === 'Procedure');
    expect(procedures).toHaveLength(2);
    for (const p of procedures) {
      expect(p.status).toBe('completed');
      expect(p.basedOn).toHaveLength(1);
    }
    expect(all.filter((x) => x.resourceType === 'Device').map((d) => d.lotNumber).sort()).toEqual(['LOT-A1', 'LOT-B2']);
  });

  it('an unknown client is exit 2', () => {
    const r = runCli(['history', 'Nobody', '-f', 'fhir'], on());
    expect(r.code).toBe(2);
  });
});
