// A whole course through the built bin, on a real database file in a temporary folder:
// plan --save, three sessions (the last one healing slowly, amended later), next adapted
// with reasons, due on a later day, show re-rendering the stored plan after the rules
// changed, history with the amendment, forget leaving no trace in the raw file.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, TODAY } from '../helpers/run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'needleplan-records-e2e-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDb = () => join(root, `db-${++n}`, 'needleplan.db');

const PLAN = ['plan', '-c', 'fine-lines=moderate', '-z', 'cheeks,forehead', '--fitzpatrick', 'II', '--screened', '--start', '2026-12-01'];
const on = (db: string, today = TODAY) => ({ env: { NEEDLEPLAN_DB: db, NEEDLEPLAN_TODAY: today } });

describe('records: a whole course end to end', () => {
  const db = freshDb();
  it('plan --save stores the course and still prints the plan', () => {
    const r = runCli([...PLAN, '--client', 'Zora Vantongeren', '--save', '-f', 'json'], on(db));
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).client).toBe('Zora Vantongeren');
    expect(r.stderr).toMatch(/^Saved as course 1 for Zora Vantongeren in .*needleplan\.db\n$/);
    const other = runCli([...PLAN, '--client', 'Bob Keep', '--start', '2027-06-01', '--save'], on(db));
    expect(other.code, other.stderr).toBe(0);
  });

  it('records three sessions, the last healing slowly, and the healing time amended later', () => {
    for (const [date, healed] of [['2026-12-01', '2'], ['2027-01-12', '1'], ['2027-02-23', '2']] as const) {
      const r = runCli(['record', 'zora vantongeren', '--zone', 'cheeks=0.75', '--zone', 'forehead=0.5', '--passes', '2', '--reaction', 'mild', '--healed-days', healed, '--lot', 'LOT-ZV-4411', '--note', 'Vantongeren tolerated well'], on(db, date));
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(new RegExp(`^Recorded session \\d of 5 for Zora Vantongeren on ${date}`));
    }
    const amend = runCli(['record', 'Zora Vantongeren', '--healed-days', '6'], on(db, '2027-03-01'));
    expect(amend.code, amend.stderr).toBe(0);
    expect(amend.stdout).toBe('Amended session 3 (2027-02-23) of Zora Vantongeren: healed in 6 days (was 2; the original record is kept)\n');
  });

  it('next: one step shallower and a week later, each with its reason', () => {
    const r = runCli(['next', 'Zora Vantongeren', '-f', 'json'], on(db, '2027-03-01'));
    expect(r.code, r.stderr).toBe(0);
    const next = JSON.parse(r.stdout);
    expect(next.status).toBe('due');
    expect(next.session).toEqual({ number: 4, of: 5 });
    expect(next.date).toBe('2027-04-13'); // 2027-02-23 + 7 weeks (6 + 1)
    expect(next.zones.map((z: { zone: string; depthMm: number; plannedMm: number }) => [z.zone, z.depthMm, z.plannedMm])).toEqual([
      ['cheeks', 0.5, 0.75],
      ['forehead', 0.25, 0.5],
    ]);
    const reasons = next.rationale.map((x: { text: string }) => x.text).join('\n');
    expect(reasons).toMatch(/cheeks: redness lasted 6 days after 0.75 mm, longer than the 4 days of the medium band: one device step shallower, 0.5 mm/);
    expect(reasons).toMatch(/forehead: redness lasted 6 days after 0.5 mm/);
    expect(reasons).toMatch(/waits 1 week longer: 7 weeks after session 3/);
    const text = runCli(['next', 'Zora Vantongeren'], on(db, '2027-03-01'));
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Zora Vantongeren: session 4 of 5 (due)');
    expect(text.stdout).toContain('cheeks 0.5 mm (planned 0.75 mm)');
  });

  it('next in every format: the calendar has the session and the review', () => {
    for (const format of ['markdown', 'html', 'ics']) {
      const r = runCli(['next', 'Zora Vantongeren', '-f', format], on(db, '2027-03-01'));
      expect(r.code, `${format}: ${r.stderr}`).toBe(0);
    }
    const ics = runCli(['next', 'Zora Vantongeren', '-f', 'ics'], on(db, '2027-03-01')).stdout;
    expect(ics).toContain('DTSTART;VALUE=DATE:20270413');
    expect(ics).toContain('SUMMARY:Skin treatment session 4 of 5');
    expect(ics).toContain('SUMMARY:Skin treatment results review');
    expect(ics).not.toMatch(/cheeks|forehead|Vantongeren/);
  });

  it('due on a later day lists the client as overdue, first', () => {
    const r = runCli(['due', '--on', '2027-04-20', '-f', 'csv'], on(db));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('client,session,due,days_overdue,last_session\r\nZora Vantongeren,4/5,2027-04-13,7,2027-02-23\r\n');
    const later = runCli(['due', '--on', '2027-06-01', '-f', 'json'], on(db));
    expect(JSON.parse(later.stdout).due.map((d: { client: string; days_overdue: number }) => [d.client, d.days_overdue])).toEqual([
      ['Zora Vantongeren', 49],
      ['Bob Keep', 0],
    ]);
    const none = runCli(['due', '--on', '2027-04-12'], on(db));
    expect(none.stdout).toBe('No client has a session due by 2027-04-12.\n');
    expect(runCli(['due', '--within', '1', '--on', '2027-04-12', '-f', 'csv'], on(db)).stdout).toContain('Zora Vantongeren,4/5,2027-04-13,0,');
  });

  it('history shows every session and the amendment beside the original', () => {
    const r = runCli(['history', 'Zora Vantongeren'], on(db));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Session 3  2027-02-23  cheeks 0.75 mm, forehead 0.5 mm; 2 passes; reaction mild; healed in 2 days; lot LOT-ZV-4411/);
    expect(r.stdout).toMatch(/Amended \d{4}-\d{2}-\d{2}: healed in 6 days \(2 days when recorded\)/);
    const json = JSON.parse(runCli(['history', 'Zora Vantongeren', '-f', 'json'], on(db)).stdout);
    expect(json.courses[0].records[2].healedDays).toBe(2);
    expect(json.courses[0].records[2].amendments).toEqual([expect.objectContaining({ field: 'healedDays', value: 6 })]);
  });

  it('forget --yes leaves no trace of the client in the file or its log', () => {
    const asked = runCli(['forget', 'Zora Vantongeren', '--no-input'], on(db));
    expect(asked.code).toBe(2);
    expect(asked.stderr).toMatch(/pass --yes/);
    const r = runCli(['forget', 'Zora Vantongeren', '--yes'], on(db));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Erased Zora Vantongeren and every record/);
    const bytes = Buffer.concat([readFileSync(db), existsSync(`${db}-wal`) ? readFileSync(`${db}-wal`) : Buffer.alloc(0)]);
    for (const trace of ['Vantongeren', 'vantongeren', 'LOT-ZV-4411']) expect(bytes.includes(trace), trace).toBe(false);
    expect(bytes.includes('Bob Keep')).toBe(true);
    const gone = runCli(['next', 'Zora Vantongeren'], on(db));
    expect(gone.code).toBe(2);
    expect(gone.stderr).toMatch(/no client "Zora Vantongeren"/);
  });
});

describe('records: refusals and edge cases', () => {
  it('plan --save needs --client (exit 2)', () => {
    const r = runCli([...PLAN, '--save'], on(freshDb()));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--save needs --client/);
  });

  it('--help and plan never open the database: an unwritable NEEDLEPLAN_DB still plans', () => {
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const env = { env: { NEEDLEPLAN_DB: join(blocker, 'needleplan.db') } };
    expect(runCli(['--help'], env).code).toBe(0);
    const r = runCli([...PLAN, '--client', 'Ana'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(existsSync(join(blocker, 'needleplan.db'))).toBe(false);
    const saving = runCli([...PLAN, '--client', 'Ana', '--save'], env);
    expect(saving.code).toBe(4);
    expect(saving.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--help and plan do not even load the database driver', async () => {
    const { spawnSync } = await import('node:child_process');
    const { BIN, ROOT, cliEnv } = await import('../helpers/run-cli.js');
    const hook = join(ROOT, 'test/fixtures/records/report-libsql.mjs');
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', hook, BIN, ...args], { cwd: ROOT, env: cliEnv({ NEEDLEPLAN_DB: freshDb() }), encoding: 'utf8' });
    for (const args of [['--help'], [...PLAN, '--client', 'Ana', '-f', 'json']]) {
      const r = run(...args);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/LOADED/);
    }
    // The hook does see it when a records command runs, so the check above can fail.
    expect(run('due').stderr).toMatch(/LOADED .*libsql/);
  });

  it('--help lists exit code 4', () => {
    expect(runCli(['--help']).stdout).toMatch(/\n {2}4 {4}the records database cannot be used/);
  });

  it('a file that is not a database, or one from a newer needleplan, is exit 4 with one line naming it', () => {
    const text = join(root, 'notes.db');
    writeFileSync(text, 'just some notes\n'.repeat(50));
    const r = runCli(['due', '--db', text]);
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(`needleplan: records database ${text}: not a needleplan records database (not an SQLite file)\n`);
    const db = freshDb();
    expect(runCli([...PLAN, '--client', 'Ana', '--save', '--db', db]).code).toBe(0);
    const raw = new Database(db);
    raw.exec('PRAGMA user_version = 99');
    raw.close();
    const newer = runCli(['history', 'Ana', '--db', db]);
    expect(newer.code).toBe(4);
    expect(newer.stderr).toMatch(/^needleplan: records database .*: made by a newer needleplan \(records version 99; this one reads up to \d+\): upgrade needleplan\n$/);
  });

  it('unknown client: exit 2 with the nearest names', () => {
    const db = freshDb();
    runCli([...PLAN, '--client', 'Ana Lindqvist', '--save'], on(db));
    const r = runCli(['record', 'Ana Lindqvst', '--zone', 'cheeks=0.75'], on(db));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no client "Ana Lindqvst" in .*; did you mean Ana Lindqvist\?/);
  });

  it('depth beyond the device is exit 2; above the plan is recorded with a warning; a zone not in the course is exit 2', () => {
    const db = freshDb();
    runCli([...PLAN, '--client', 'Ana', '--save'], on(db));
    const beyond = runCli(['record', 'Ana', '--zone', 'cheeks=3'], on(db, '2026-12-01'));
    expect(beyond.code).toBe(2);
    expect(beyond.stderr).toMatch(/3 mm is beyond the .* range of 0.25 mm to 2.5 mm/);
    const zone = runCli(['record', 'Ana', '--zone', 'neck=0.5'], on(db, '2026-12-01'));
    expect(zone.code).toBe(2);
    expect(zone.stderr).toMatch(/not a zone of Ana's course; the course treats: cheeks, forehead/);
    const bad = runCli(['record', 'Ana', '--zone', 'cheeks=0.75', '--passes', 'two', '--healed-days', '-1', '--reaction', 'awful'], on(db, '2026-12-01'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--passes: a whole number/);
    expect(bad.stderr).toMatch(/--reaction: one of none, mild, moderate, severe/);
    const deeper = runCli(['record', 'Ana', '--zone', 'cheeks=1,forehead=0.5'], on(db, '2026-12-01'));
    expect(deeper.code, deeper.stderr).toBe(0);
    expect(deeper.stderr).toBe('needleplan: warning: cheeks: 1 mm is deeper than the planned 0.75 mm; recorded as given\n');
    const history = runCli(['history', 'Ana', '-f', 'json'], on(db));
    expect(JSON.parse(history.stdout).courses[0].records[0].zones).toEqual([
      { zone: 'cheeks', depthMm: 1 },
      { zone: 'forehead', depthMm: 0.5 },
    ]);
  });

  it('a severe reaction puts the course on hold: next says needs-review, due leaves it out', () => {
    const db = freshDb();
    runCli([...PLAN, '--client', 'Ana', '--save'], on(db));
    expect(runCli(['record', 'Ana', '--zone', 'cheeks=0.75,forehead=0.5', '--reaction', 'severe'], on(db, '2026-12-01')).code).toBe(0);
    const next = JSON.parse(runCli(['next', 'Ana', '-f', 'json'], on(db, '2026-12-02')).stdout);
    expect(next.status).toBe('needs-review');
    expect(next.date).toBeNull();
    expect(runCli(['due', '--on', '2030-01-01', '-f', 'csv'], on(db)).stdout).toBe('client,session,due,days_overdue,last_session\r\n');
    expect(runCli(['next', 'Ana', '-f', 'ics'], on(db, '2026-12-02')).code).toBe(2);
  });

  it('show re-renders the stored plan exactly, even after the rules changed; saving again keeps the old course', () => {
    const db = freshDb();
    const clinic = join(root, `clinic-${n}`);
    cpSync(join(process.cwd(), 'rules'), clinic, { recursive: true });
    const args = [...PLAN, '--client', 'Ana', '--rules', clinic];
    const saved = { json: runCli([...args, '--save', '-f', 'json'], on(db)).stdout, text: runCli([...args, '-f', 'text'], on(db)).stdout };
    // The clinic lowers the cheeks cap afterwards: a new plan differs, the stored one does not.
    const zones = JSON.parse(readFileSync(join(clinic, 'zones.json'), 'utf8'));
    zones.zones.find((z: { id: string }) => z.id === 'cheeks').maxDepthMm = 0.5;
    writeFileSync(join(clinic, 'zones.json'), JSON.stringify(zones));
    expect(runCli([...args, '-f', 'json'], on(db)).stdout).not.toBe(saved.json);
    expect(runCli(['show', 'Ana', '-f', 'json'], on(db)).stdout).toBe(saved.json);
    expect(runCli(['show', 'Ana'], on(db)).stdout).toBe(saved.text);
    for (const format of ['markdown', 'html', 'ics']) expect(runCli(['show', 'Ana', '-f', format], on(db)).code).toBe(0);
    // A second course; the first stays and can still be shown.
    expect(runCli([...args, '--save'], on(db)).stderr).toMatch(/course 2 .*the earlier course stays/);
    expect(runCli(['show', 'Ana', '--course', '1', '-f', 'json'], on(db)).stdout).toBe(saved.json);
    expect(JSON.parse(runCli(['history', 'Ana', '-f', 'json'], on(db)).stdout).courses.map((c: { active: boolean }) => c.active)).toEqual([false, true]);
  });
});
