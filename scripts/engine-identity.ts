// Identity check for engine changes: plans a large deterministic set of intakes (generated
// with the test arbitraries, plus edge cases: every condition alone and zoned, every zone
// held back, starts around today) under several rule sets and planning days, and writes
// one line per plan: its case id and the sha256 of its JSON (the full JSON of a quarter
// million plans is too big for one string). Run it before a change (--write) and after (--check): every line
// must be byte-identical.
//
//   npx tsx scripts/engine-identity.ts --write /tmp/engine-before.ndjson [--runs 20000]
//   npx tsx scripts/engine-identity.ts --check /tmp/engine-before.ndjson [--runs 20000]
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { plan } from '../src/engine/plan.js';
import { addDays } from '../src/engine/dates.js';
import type { Intake } from '../src/intake/schema.js';
import type { RuleSet } from '../src/rules/schema.js';
import { loadRulesOrThrow } from '../src/rules/load/load.js';
import { intakeArb } from '../test/helpers/intake-arb.js';
import { builtinRules, makeIntake, makeRules } from '../test/helpers/builders.js';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const RUNS = Number(opt('runs') ?? '20000');
const write = opt('write');
const check = opt('check');
if (!write === !check) {
  console.error('usage: engine-identity.ts --write FILE | --check FILE [--runs N]');
  process.exit(2);
}

const ruleSets: [string, RuleSet][] = [
  ['builtin', builtinRules()],
  ['fine-pen', makeRules((r) => r.devices.devices.push({ id: 'fine-pen', name: 'Fine pen', depthMm: { min: 0.2, max: 3 }, stepMm: 0.1, source: 'test' }))],
  ['clinic', loadRulesOrThrow('test/fixtures/rules-clinic')],
];
const DAYS = ['2026-11-25', '2024-02-28', '2027-12-31'];

function* cases(): Generator<[string, Intake, RuleSet, string]> {
  for (const [name, rules] of ruleSets) {
    const arb = intakeArb(rules);
    // A start near the planning day: before-care windows that open too late, start-in-past.
    const near = fc.tuple(arb, fc.integer({ min: -10, max: 70 }));
    for (const today of DAYS) {
      let i = 0;
      for (const intake of fc.sample(arb, { numRuns: RUNS, seed: 42 + DAYS.indexOf(today) })) yield [`${name}/${today}/arb/${i++}`, intake, rules, today];
      i = 0;
      for (const [intake, offset] of fc.sample(near, { numRuns: Math.ceil(RUNS / 4), seed: 7 }))
        yield [`${name}/${today}/near/${i++}`, { ...intake, start: addDays(today, offset) }, rules, today];
    }
    // Every condition alone, and every in-area one zoned to each zone of a three-area intake.
    const today = DAYS[0]!;
    const base = fc.sample(arb, { numRuns: 60, seed: 99 });
    for (const c of rules.screening.conditions)
      for (const [k, intake] of base.entries()) {
        yield [`${name}/cond/${c.id}/${k}`, { ...intake, conditions: [c.id], conditionZones: [] }, rules, today];
        if (c.inArea)
          for (const zone of intake.zones)
            yield [`${name}/cond/${c.id}@${zone}/${k}`, { ...intake, conditions: [c.id], conditionZones: [{ id: c.id, zones: [zone] }] }, rules, today];
      }
    // Every zone held back (an in-area block with no zone named), with other conditions too.
    const blocks = rules.screening.conditions.filter((c) => c.inArea && c.outcome === 'block').map((c) => c.id);
    const others = rules.screening.conditions.filter((c) => !c.inArea).map((c) => c.id);
    for (const [k, intake] of base.entries())
      for (const other of others)
        yield [`${name}/all-held/${other}/${k}`, { ...intake, conditions: [blocks[k % blocks.length]!, other], conditionZones: [], start: addDays(today, k) }, rules, today];
  }
  const rules = builtinRules();
  yield ['builtin/default', makeIntake(), rules, DAYS[0]!];
}

const lines: string[] = [];
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
for (const [id, intake, rules, today] of cases()) lines.push(`${id}\t${sha(JSON.stringify(plan(intake, rules, today)))}`);
const text = lines.join('\n') + '\n';
const digest = sha(text);
if (write) {
  writeFileSync(write, text);
  console.log(`${lines.length} plans written to ${write} (sha256 ${digest})`);
} else {
  const before = readFileSync(check!, 'utf8').split('\n').filter(Boolean);
  let differ = 0;
  for (let i = 0; i < Math.max(before.length, lines.length); i++)
    if (before[i] !== lines[i]) {
      if (differ++ < 5) console.log(`differs: ${before[i]} | now ${lines[i]}`);
    }
  console.log(`${lines.length} plans checked against ${before.length}: ${differ} differ (sha256 ${digest})`);
  process.exit(differ ? 1 : 0);
}
