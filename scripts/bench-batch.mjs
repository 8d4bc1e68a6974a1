#!/usr/bin/env node
// Benchmark for `needleplan batch` (npm run bench:batch; needs `npm run build` first).
//
// Generates deterministic exports of 100k and 1M rows in a temporary folder (not the repo),
// shaped like real ones (labels and ids mixed, blank cells, an unknown column, ~3% bad cells;
// with the rows whose several concerns and zones have no pairing, ~8% of rows are rejected),
// then measures, each in a child process:
//   - `needleplan batch <file> -o plans.csv --rejects rejects.csv --quiet` through the built bin;
//   - a bare passthrough: batch's csv-parse configuration and its csv-stringify one for cells as read, no planning (the floor);
//   - peak RSS of both (process.resourceUsage().maxRSS, read by a probe loaded with --import).
// Goals (reported, not enforced): within 2x the passthrough's time (target 1.5x), paired runs;
// rows/s is reported;
// peak RSS at 1M rows <= 1.3x that at 100k.
//
// Options: --sizes 100000,1000000   --keep (leave the temp folder)   --runs N (N paired runs, default 3)
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/needleplan.js');
if (!existsSync(join(ROOT, 'dist/commands/batch.js'))) {
  console.error('bench-batch: no build found; run "npm run build" first');
  process.exit(2);
}
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const SIZES = opt('sizes', '100000,1000000').split(',').map(Number);
const RUNS = Number(opt('runs', '3'));
const KEEP = args.includes('--keep');

// ---------- a deterministic export ----------

function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FACE = ['cheeks', 'forehead', 'nose', 'periorbital', 'perioral', 'chin-jaw', 'Cheeks', 'Under eye'];
const CONCERNS = [
  { names: ['acne-scars', 'Acne Scars', 'acne scarring'], zones: FACE },
  { names: ['texture', 'Texture'], zones: [...FACE, 'neck'] },
  { names: ['pigmentation', 'Hyperpigmentation'], zones: [...FACE, 'decollete'] },
  { names: ['fine-lines', 'Fine lines'], zones: FACE },
  { names: ['deep-wrinkles', 'Deep Wrinkles'], zones: ['forehead', 'perioral', 'chin-jaw'] },
  { names: ['photoaging', 'Sun damage'], zones: ['cheeks', 'neck', 'decollete', 'hands'] },
  { names: ['enlarged-pores', 'pores'], zones: ['nose', 'cheeks'] },
  { names: ['stretch-marks', 'Stretch marks'], zones: ['abdomen', 'thighs', 'buttocks', 'arms'] },
];
const CONDITIONS = ['blood-thinners', 'other-medication', 'cold-sore-history', 'keloid-history', 'pregnant', 'recent-sunburn'];
const HEADER = 'client,concerns,zones,severity,fitzpatrick,pain tolerance,age,conditions,screened,start,notes\n';

function row(rand, i) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const concern = pick(CONCERNS);
  const names = [pick(concern.names)];
  const zones = new Set([pick(concern.zones)]);
  if (rand() < 0.4) zones.add(pick(concern.zones));
  if (concern !== CONCERNS[7] && concern !== CONCERNS[4] && rand() < 0.3) names.push(pick(CONCERNS[1].names));
  const bad = rand() < 0.03;
  const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
  const cells = [
    `C-${String(i).padStart(7, '0')}`,
    bad && rand() < 0.5 ? 'botox' : names.join('|'),
    [...zones].join('|'),
    pick(['mild', 'moderate', 'severe', 'Moderate']),
    pick(['I', 'II', 'III', 'IV', 'V', 'VI', '3', 'II']),
    pick(['', 'normal', 'low', 'high', 'normal']),
    String(18 + Math.floor(rand() * 60)),
    rand() < 0.12 ? pick(CONDITIONS) : '',
    rand() < 0.9 ? pick(['yes', 'Yes', 'y']) : '',
    rand() < 0.2 ? '' : bad ? `2027-${month}-3${day[1]}x` : `2027-${month}-${day}`,
    rand() < 0.1 ? '"called, will confirm"' : '',
  ];
  return `${cells.join(',')}\n`;
}

async function generate(path, rows) {
  const rand = mulberry32(20261125);
  const out = createWriteStream(path);
  let buf = HEADER;
  for (let i = 1; i <= rows; i++) {
    buf += row(rand, i);
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

// ---------- measuring a child ----------

const dir = mkdtempSync(join(tmpdir(), 'needleplan-bench-'));
const PROBE = join(dir, 'rss-probe.mjs');
writeFileSync(PROBE, "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.RSS_PROBE_OUT, String(process.resourceUsage().maxRSS * 1024)));\n");

const PASSTHROUGH = join(dir, 'passthrough.mjs');
writeFileSync(
  PASSTHROUGH,
  `import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { csvParser } from ${JSON.stringify(join(ROOT, 'dist/batch/records.js'))};
import { csvWriter } from ${JSON.stringify(join(ROOT, 'dist/batch/output.js'))};
// batch's parser, and its writer for cells as read (the rejects file's, control characters made
// printable); nothing in between but taking the record out.
await pipeline(createReadStream(process.argv[2], { highWaterMark: 1 << 17 }), csvParser(','), async function* (records) {
  for await (const record of records) yield record;
}, csvWriter({ bom: false }), createWriteStream(process.argv[3]));
`,
);

function runOnce(label, argv) {
  const rssFile = join(dir, 'rss.txt');
  const started = process.hrtime.bigint();
  const res = spawnSync(process.execPath, ['--import', PROBE, ...argv], {
    env: { ...process.env, RSS_PROBE_OUT: rssFile, NEEDLEPLAN_TODAY: '2026-11-25', NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (res.status !== 0 && res.status !== 1) throw new Error(`${label} failed (exit ${res.status}): ${res.stderr.slice(0, 2000)}`);
  return { seconds, rss: Number(readFileSync(rssFile, 'utf8')), exit: res.status };
}

/**
 * Paired runs: the passthrough, then batch, RUNS times in that order, so both see the same
 * machine load; the ratio is the median of the pairs' ratios (absolute times move threefold
 * with the load of this shared machine, the ratio much less).
 */
function measurePair(passArgv, batchArgv) {
  const pairs = [];
  for (let r = 0; r < RUNS; r++) pairs.push({ pass: runOnce('passthrough', passArgv), batch: runOnce('batch', batchArgv) });
  const ratios = pairs.map((p) => p.batch.seconds / p.pass.seconds).sort((a, b) => a - b);
  const median = ratios[Math.floor((ratios.length - 1) / 2)];
  const best = (key) => pairs.map((p) => p[key]).reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return { pass: best('pass'), batch: best('batch'), ratio: median, ratios };
}

const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const perSec = (rows, s) => Math.round(rows / s).toLocaleString('en-US');
const results = [];
try {
  for (const rows of SIZES) {
    const file = join(dir, `clients-${rows}.csv`);
    process.stderr.write(`generating ${rows.toLocaleString('en-US')} rows... `);
    await generate(file, rows);
    process.stderr.write(`${mb(statSync(file).size)}\n`);
    const { pass, batch, ratio, ratios } = measurePair(
      [PASSTHROUGH, file, join(dir, 'pass.csv')],
      [BIN, 'batch', file, '-o', join(dir, 'plans.csv'), '--rejects', join(dir, 'rejects.csv'), '--quiet'],
    );
    const planned = readFileSync(join(dir, 'plans.csv'), 'utf8').split('\n').length - 2;
    const rejected = readFileSync(join(dir, 'rejects.csv'), 'utf8').split('\n').length - 2;
    results.push({ rows, pass, batch, planned, rejected, ratio });
    console.log(
      `${rows.toLocaleString('en-US').padStart(9)} rows: batch ${batch.seconds.toFixed(2)} s = ${perSec(rows, batch.seconds)} rows/s, ` +
        `peak RSS ${mb(batch.rss)} (${planned} planned, ${rejected} rejected, exit ${batch.exit}) | ` +
        `passthrough ${pass.seconds.toFixed(2)} s = ${perSec(rows, pass.seconds)} rows/s, peak RSS ${mb(pass.rss)} | ratio ${ratio.toFixed(2)}x (paired, median of ${ratios.map((r) => r.toFixed(2)).join(', ')})`,
    );
  }
} finally {
  if (KEEP) console.log(`files kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

// ---------- the goals ----------
const largest = results.at(-1);
const smallest = results[0];
const verdict = (ok) => (ok ? 'met' : 'NOT met');
if (largest) {
  console.log(`rows/s (reported, not a goal: it moves with the machine's load): ${perSec(largest.rows, largest.batch.seconds)} at ${largest.rows.toLocaleString('en-US')} rows`);
  const { ratio } = largest;
  console.log(`goal within 2x passthrough (target 1.5x): ${ratio.toFixed(2)}x, ${verdict(ratio <= 2)}`);
}
if (largest && smallest && largest !== smallest) {
  const growth = largest.batch.rss / smallest.batch.rss;
  console.log(`goal peak RSS at ${largest.rows.toLocaleString('en-US')} <= 1.3x at ${smallest.rows.toLocaleString('en-US')}: ${growth.toFixed(2)}x, ${verdict(growth <= 1.3)}`);
}
