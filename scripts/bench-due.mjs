#!/usr/bin/env node
// `due` over a big records database: 10,000 clients, 60,000 sessions (6 each, spread over
// two years), made through the real schema with plans from the real engine. Then a cold
// `needleplan due` (a fresh process each run) against bare `node -e 0` in the same run,
// interleaved, medians compared; and the database's size.
//
//   npm run bench:due                  build (once, cached in the temp folder) and measure
//   npm run bench:due -- --runs 30     more runs
//   npm run bench:due -- --rebuild     build the database again
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'libsql';
import { openStore } from '../dist/records/open.js';
import { plan } from '../dist/engine/plan.js';
import { nextSession } from '../dist/engine/next-session.js';
import { addDays } from '../dist/engine/dates.js';
import { loadRulesOrThrow } from '../dist/rules/load/load.js';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 20;
const CLIENTS = 10_000;
const SESSIONS_EACH = 6;
const dir = join(tmpdir(), 'needleplan-bench-due');
const file = join(dir, 'needleplan.db');
const bin = fileURLToPath(new URL('../bin/needleplan.js', import.meta.url));

async function build() {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rules = loadRulesOrThrow();
  (await openStore(file)).close(); // the schema, through the real migrations
  const concerns = ['texture', 'pigmentation', 'fine-lines', 'acne-scars', 'photoaging'];
  const zoneSets = [['cheeks'], ['cheeks', 'forehead'], ['forehead', 'nose', 'chin-jaw'], ['cheeks', 'chin-jaw', 'perioral']];
  const severities = ['mild', 'moderate', 'severe'];
  const db = new Database(file, { timeout: 5000 });
  const insClient = db.prepare('INSERT INTO clients (name, name_key, created_at) VALUES (?, ?, ?)');
  const insCourse = db.prepare(`INSERT INTO courses (client_id, number, created_on, created_at, active, intake_json, plan_json, rules_sha256, rules_version,
    sessions_total, next_status, next_session, next_due, last_session) VALUES (?, 1, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insSession = db.prepare(`INSERT INTO sessions (course_id, number, date, passes, reaction, healed_days, adverse_event, lot, note, rules_sha256, recorded_at)
    VALUES (?, ?, ?, 2, ?, ?, NULL, ?, NULL, ?, ?)`);
  const insZone = db.prepare('INSERT INTO session_zones (session_id, zone, depth_mm) VALUES (?, ?, ?)');
  db.exec('BEGIN');
  let sessions = 0;
  for (let i = 0; i < CLIENTS; i++) {
    const name = `Client ${String(i).padStart(5, '0')}`;
    const start = addDays('2025-01-01', (i * 37) % 500);
    const intake = {
      client: name,
      concerns: [{ id: concerns[i % concerns.length], severity: severities[i % 3] }],
      zones: concerns[i % concerns.length] === 'acne-scars' ? ['cheeks'] : zoneSets[i % zoneSets.length],
      fitzpatrick: 1 + (i % 6), painTolerance: 'normal', age: 20 + (i % 50), conditions: [], screened: true, start, device: null,
    };
    const p = plan(intake, rules, '2024-12-20');
    const clientId = Number(insClient.run(name, name.toLowerCase(), '2024-12-20T10:00:00Z').lastInsertRowid);
    const done = [];
    let date = start;
    for (let s = 1; s <= SESSIONS_EACH; s++) {
      done.push({ number: s, date, zones: p.zones.map((z) => ({ zone: z.zone, depthMm: z.depthMm })), passes: 2, reaction: s % 4 === 0 ? 'mild' : 'none', healedDays: 2 + (s % 3), adverseEvent: null });
      date = addDays(date, 42 + ((i + s) % 20));
    }
    // Some clients are mid-course: keep fewer than six of their sessions in their course.
    const kept = p.sessions.count > SESSIONS_EACH ? done : done.slice(0, Math.min(SESSIONS_EACH, p.sessions.count));
    const next = nextSession({ client: name, plan: p }, kept.slice(0, Math.max(1, kept.length - (i % 3))), rules, '2026-11-25');
    const courseId = Number(
      insCourse.run(clientId, '2024-12-20', '2024-12-20T10:00:00Z', JSON.stringify(intake), JSON.stringify(p), p.rules.sha256, p.rules.version, p.sessions.count,
        next.status, next.status === 'due' ? next.session.number : null, next.date, next.lastSession?.date ?? null).lastInsertRowid,
    );
    for (const s of done) {
      const id = Number(insSession.run(courseId, s.number, s.date, s.reaction, s.healedDays, `LOT-${i}-${s.number}`, p.rules.sha256, `${s.date}T10:00:00Z`).lastInsertRowid);
      for (const z of s.zones) insZone.run(id, z.zone, z.depthMm);
      sessions++;
    }
  }
  db.exec('COMMIT');
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
  return sessions;
}

function once(argv) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, stdout: r.stdout.toString() };
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

if (args.includes('--rebuild') || !existsSync(file)) {
  const t0 = Date.now();
  const sessions = await build();
  console.log(`built ${file}: ${CLIENTS} clients, ${sessions} sessions in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
const due = [bin, 'due', '--db', file, '--on', '2026-11-25', '-f', 'csv'];
const listed = once(due).stdout.trim().split('\n').length - 1;
const cases = [
  { name: 'node -e 0', argv: ['-e', '0'] },
  { name: 'needleplan --help (for reference)', argv: [bin, '--help'] },
  { name: 'needleplan due, none due (open + query)', argv: [bin, 'due', '--db', file, '--on', '2000-01-01'] },
  { name: `needleplan due, ${listed} rows (csv)`, argv: due },
];
for (let i = 0; i < 3; i++) for (const c of cases) once(c.argv);
const times = cases.map(() => []);
for (let i = 0; i < runs; i++) cases.forEach((c, j) => times[j].push(once(c.argv).ms));
const size = statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
const b = median(times[0]);
console.log(`node ${process.version}, ${runs} runs each, interleaved, median wall time (a fresh process each run)`);
for (const [j, c] of cases.entries()) {
  const ms = median(times[j]);
  console.log(`${c.name.padEnd(44)} ${ms.toFixed(1).padStart(7)} ms  ${(ms / b).toFixed(2)}x`);
}
console.log(`database size: ${(size / 1024 / 1024).toFixed(1)} MiB (${size} bytes)`);
