// Treatment areas through the built CLI: --area, -c/-z pairing, --condition id@zone, and
// the batch areas column. Every test asserts the exit code and both streams.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { runCli } from '../helpers/run-cli.js';
import { PlanJson } from '../../src/engine/plan-schema.js';

const SCREENED = ['--fitzpatrick', 'III', '--age', '35', '--screened', '--no-input'];
const json = (args: string[]) => {
  const r = runCli(['plan', ...args, ...SCREENED, '-f', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return PlanJson.parse(JSON.parse(r.stdout));
};

describe('plan with treatment areas', () => {
  it('plans each area from its own concerns (-a repeatable and comma-separated)', () => {
    const p = json(['-a', 'cheeks:acne-scars=severe,neck:texture=mild', '--area', 'cheeks:texture=mild']);
    expect(p.zones.map((z) => [z.zone, z.depthMm, z.concerns.map((c) => c.id)])).toEqual([
      ['cheeks', 2, ['acne-scars', 'texture']],
      ['neck', 0.25, ['texture']],
    ]);
  });

  it('several concerns and several zones without --area: exit 2 naming --area', () => {
    const r = runCli(['plan', '-c', 'acne-scars=severe,texture=mild', '-z', 'cheeks,neck', ...SCREENED]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      "needleplan: missing --area: 2 concerns (acne-scars, texture) and 2 zones (cheeks, neck) don't say which concern is treated in which zone; name each treatment area, e.g. --area cheeks:acne-scars --area neck:acne-scars\n",
    );
  });

  it('--condition id@zone holds back that zone; @zone on a condition that is not in-area is exit 2', () => {
    const p = json(['-a', 'cheeks:acne-scars=severe', '-a', 'forehead:pigmentation=mild', '--condition', 'active-acne@cheeks']);
    expect(p.status).toBe('ready');
    expect(p.zones.map((z) => [z.zone, z.treated, z.heldBack?.code ?? null])).toEqual([
      ['cheeks', false, 'active-acne'],
      ['forehead', true, null],
    ]);
    const text = runCli(['plan', '-a', 'cheeks:acne-scars=severe', '-a', 'forehead:pigmentation=mild', '--condition', 'active-acne@cheeks', ...SCREENED]);
    expect(text.code).toBe(0);
    expect(text.stderr).toBe('');
    expect(text.stdout).toMatch(/^ {2}Cheeks +held back +- +2 mm +-$/m);
    const bad = runCli(['plan', '-a', 'cheeks:texture=mild', '--condition', 'pregnant@cheeks', ...SCREENED]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^needleplan: --condition: pregnant@cheeks: pregnant is not an in-area condition, so it takes no zone/);
  });

  it('"cold sore" is not guessed under --no-input', () => {
    const r = runCli(['plan', '-a', 'perioral:texture=mild', '--condition', 'cold sore', ...SCREENED]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('needleplan: --condition: "cold sore" could mean active-infection');
  });
});

describe('batch with an areas column', () => {
  it('plans areas rows, pairs one-concern rows, and rejects an ambiguous row naming the areas column', () => {
    const file = fileURLToPath(new URL('../fixtures/batch/areas.csv', import.meta.url));
    const r = runCli(['batch', file, '--quiet']);
    expect(r.code).toBe(1);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((x) => [x.client, x.depth_mm, x.held_back])).toEqual([
      ['R-01', 'cheeks:2|forehead:0.5|neck:0.25', ''],
      ['R-02', 'forehead:0.25', 'cheeks:active-acne'],
      ['R-04', 'cheeks:1.5|chin-jaw:1.5', ''],
    ]);
    expect(r.stderr).toContain(
      `${file}:4: areas: 2 concerns (acne-scars, texture) and 2 zones (cheeks, neck) don't say which concern is treated in which zone`,
    );
    expect(r.stderr).toContain(`${file}:6: areas: "cheeks" names no concern: write zone:concern, e.g. cheeks:acne-scars=severe`);
  });

  it('without an areas column, the ambiguous row names the cells at fault and the column to add', () => {
    const csv = 'client,concerns,zones,severity,fitzpatrick\nX-1,acne-scars|texture,cheeks|neck,mild,III\n';
    const r = runCli(['batch', '-', '--quiet'], { input: csv });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('client,status,sessions,interval_weeks,depth_mm,numbing,downtime_days,first_session,last_session,findings,concerns,review,earliest_start,line,held_back,suggested_start\n');
    expect(r.stderr).toMatch(/^stdin:2: concerns \+ zones \(add an areas column\): 2 concerns \(acne-scars, texture\) and 2 zones \(cheeks, neck\)/m);
  });
});
