// The fingerprint (plan.rules.sha256) traces a plan to the exact rules used: any number
// changes it; formatting and key order never do. Checked through loadRules on real folders.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRules } from '../../src/rules/load/load.js';
import { canonicalJson } from '../../src/rules/load/fingerprint.js';
import { RULE_FILE_NAMES } from '../../src/rules/load/files.js';

const BUILTIN = new URL('../../rules/', import.meta.url);
const root = mkdtempSync(join(tmpdir(), 'needleplan-fingerprint-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
/** A clinic folder holding every built-in file, each rewritten by `rewrite(name, json)`. */
function folder(rewrite: (name: string, json: Record<string, unknown>) => string): string {
  const dir = join(root, String(n++));
  mkdirSync(dir);
  for (const name of RULE_FILE_NAMES) {
    const json = JSON.parse(readFileSync(new URL(name, BUILTIN), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, name), rewrite(name, json));
  }
  return dir;
}

function sha(dir?: string): string {
  const { rules, problems } = loadRules(dir);
  expect(problems.filter((p) => p.level === 'error')).toEqual([]);
  return rules!.sha256;
}

/** Reverses key order everywhere, so only order differs. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)]));
  return value;
}

describe('rule set fingerprint', () => {
  const builtin = sha();

  it('is the same for a copy of the built-in files, however they are laid out', () => {
    expect(sha(folder((_n, json) => JSON.stringify(json)))).toBe(builtin);
    expect(sha(folder((_n, json) => `\uFEFF${JSON.stringify(json, null, '\t').replace(/\n/g, '\r\n')}\r\n`))).toBe(builtin);
    expect(sha(folder((_n, json) => JSON.stringify(reversed(json), null, 4)))).toBe(builtin);
  });

  it('ignores the "$schema" editor reference and keys written with their default value', () => {
    const dir = folder((name, json) => {
      delete json.$schema;
      // "aliases": [] and "notes": [] are the defaults: leaving them out means the same.
      if (name === 'zones.json')
        for (const z of json.zones as { aliases?: string[]; notes?: string[] }[]) {
          if (z.aliases?.length === 0) delete z.aliases;
          if (z.notes?.length === 0) delete z.notes;
        }
      return JSON.stringify(json);
    });
    expect(sha(dir)).toBe(builtin);
  });

  it('changes when any number changes', () => {
    const edits: [string, (json: any) => void][] = [
      ['zones.json', (j) => (j.zones[3].maxDepthMm = 1.75)],
      ['concerns.json', (j) => (j.courses[0].intervalWeeks.max = 9)],
      ['concerns.json', (j) => (j.concerns[0].depthMm.mild = 0.5)],
      ['adjustments.json', (j) => (j.numbing.leadMinutes.min = 20)],
      ['downtime.json', (j) => (j.bands[0].days.max = 3)],
      ['devices.json', (j) => (j.devices[0].stepMm = 0.5)],
      ['care.json', (j) => (j.followUp.reviewMonthsAfterLast = 3)],
    ];
    const seen = new Set([builtin]);
    for (const [file, edit] of edits) {
      const got = sha(
        folder((name, json) => {
          if (name === file) edit(json);
          return JSON.stringify(json, null, 2);
        }),
      );
      expect(seen.has(got), `${file}: ${edit}`).toBe(false);
      seen.add(got);
    }
  });

  it('changes with text too (a message is part of the rules)', () => {
    const dir = folder((name, json) => {
      if (name === 'ruleset.json') json.name = 'Clinic Rosa';
      return JSON.stringify(json);
    });
    expect(sha(dir)).not.toBe(builtin);
  });

  it('is the same for a partial clinic folder as for a full copy with the same content', () => {
    const full = folder((name, json) => {
      if (name === 'zones.json') (json.zones as { maxDepthMm: number }[])[0]!.maxDepthMm = 0.25;
      return JSON.stringify(json);
    });
    const partial = join(root, 'partial');
    mkdirSync(partial);
    writeFileSync(join(partial, 'zones.json'), readFileSync(join(full, 'zones.json')));
    expect(sha(partial)).toBe(sha(full));
  });
});

describe('canonicalJson', () => {
  it('sorts keys, drops undefined and keeps array order', () => {
    expect(canonicalJson({ b: [2, 1], a: { d: undefined, c: 'x' } })).toBe('{"a":{"c":"x"},"b":[2,1]}');
  });
});
