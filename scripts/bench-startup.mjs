#!/usr/bin/env node
// Start-up time of the built CLI against bare node on the same machine: many runs each,
// interleaved so drift hits every command alike, each run paired with bare node's run of
// the same round and the median of those ratios reported. Goals: `--help` within
// 1.5x of `node -e 0`, a flag-only `plan --format json` within 2x.
//
//   npm run bench                 print the table
//   npm run bench -- --runs 60    more runs
//   npm run bench -- --check      exit 1 when a goal is missed
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 40;
const check = args.includes('--check');
const bin = fileURLToPath(new URL('../bin/needleplan.js', import.meta.url));
const env = { ...process.env, NO_COLOR: '1', NEEDLEPLAN_TODAY: '2026-11-25' };
delete env.NEEDLEPLAN_RULES;

const cases = [
  { name: 'node -e 0', argv: ['-e', '0'] },
  { name: 'needleplan --help', argv: [bin, '--help'], goal: 1.5 },
  {
    name: 'needleplan plan --format json',
    argv: [bin, 'plan', '-c', 'acne-scars=severe', '-z', 'cheeks', '--fitzpatrick', 'III', '--screened', '--start', '2027-01-05', '--format', 'json'],
    goal: 2,
  },
];

function once(argv) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

for (const c of cases) for (let i = 0; i < 3; i++) once(c.argv); // warm the file cache
const times = cases.map(() => []);
for (let i = 0; i < runs; i++) cases.forEach((c, j) => times[j].push(once(c.argv)));

// Paired: each round's time over bare node's in the same round, then the median of those
// ratios, so a slow moment of the machine slows both sides of a pair alike.
let missed = 0;
console.log(`node ${process.version}, ${runs} interleaved runs each; median wall time, median of paired ratios to node -e 0`);
for (const [j, c] of cases.entries()) {
  const ms = median(times[j]);
  const ratio = median(times[j].map((t, i) => t / times[0][i]));
  const verdict = c.goal === undefined ? '' : ratio <= c.goal ? `ok (goal <= ${c.goal}x)` : `MISSED (goal <= ${c.goal}x)`;
  if (c.goal !== undefined && ratio > c.goal) missed++;
  console.log(`${c.name.padEnd(32)} ${ms.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}x  ${verdict}`);
}
if (check && missed) process.exitCode = 1;
