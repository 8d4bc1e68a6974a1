// The records store on real database files in a temporary folder: no mocks. Creation,
// migrations, refusals (exit 4), two processes at once, and a process killed mid-write.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'libsql';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/records/open.js';
import { migrate } from '../../src/records/libsql-store.js';
import { APPLICATION_ID, LATEST_VERSION, MIGRATIONS } from '../../src/records/migrations.js';
import { dbPath } from '../../src/records/location.js';
import type { RecordsStore } from '../../src/records/store.js';
import { plan } from '../../src/engine/plan.js';
import { builtinRules, makeIntake, TODAY } from '../helpers/builders.js';
import { UserError } from '../../src/errors.js';

const root = mkdtempSync(join(tmpdir(), 'needleplan-records-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dir: string;
let n = 0;
beforeEach(() => {
  dir = join(root, `case-${++n}`);
});
const file = (name = 'needleplan.db') => join(dir, name);

const WRITER = fileURLToPath(new URL('../fixtures/records/writer.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const writerArgs = (...args: string[]) => ['--import', 'tsx', WRITER, ...args];

const intake = makeIntake({ client: 'Ana Li', concerns: [{ id: 'fine-lines', severity: 'moderate' }], zones: ['cheeks', 'forehead', 'chin-jaw'], start: '2026-12-01' });
const thePlan = plan(intake, builtinRules(), TODAY);
const due = { status: 'due' as const, session: 1, date: '2026-12-01', lastSession: null };

function saveAna(store: RecordsStore) {
  return store.saveCourse({ client: 'Ana Li', createdOn: TODAY, createdAt: '2026-11-25T10:00:00Z', intake, plan: thePlan, due });
}

async function expectExit4(p: Promise<unknown>, pattern: RegExp) {
  const error = await p.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).exitCode).toBe(4);
  expect((error as UserError).message).toMatch(pattern);
  expect((error as UserError).message.split('\n')).toHaveLength(1);
}

function raw(path: string) {
  return new Database(path);
}
const pragma = (db: InstanceType<typeof Database>, name: string) => (db.prepare(`PRAGMA ${name}`).raw().get() as unknown[])[0];

describe('records store: files and versions', () => {
  it('creates the folder (0700) and the file (0600), WAL, at the latest version', async () => {
    const store = await openStore(file());
    store.close();
    expect(statSync(file()).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const db = raw(file());
    expect(pragma(db, 'user_version')).toBe(LATEST_VERSION);
    expect(pragma(db, 'application_id')).toBe(APPLICATION_ID);
    expect(pragma(db, 'journal_mode')).toBe('wal');
    db.close();
  });

  it('reopens with what was saved: the plan exactly as produced', async () => {
    const first = await openStore(file());
    const saved = saveAna(first);
    first.close();
    const again = await openStore(file());
    const client = again.findClient('  ana   LI ')!;
    expect(client.name).toBe('Ana Li');
    const course = again.activeCourse(client.id)!;
    expect(course.id).toBe(saved.id);
    expect(course.plan).toEqual(thePlan);
    expect(course.intake).toEqual(intake);
    expect(course.rulesSha256).toBe(thePlan.rules.sha256);
    again.close();
  });

  it('saving again starts a new course and keeps the old one', async () => {
    const store = await openStore(file());
    saveAna(store);
    const second = saveAna(store);
    const courses = store.courses(second.clientId);
    expect(courses.map((c) => [c.number, c.active])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(store.activeCourse(second.clientId)!.id).toBe(second.id);
    store.close();
  });

  it('migrates an empty SQLite file at version 0', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    const db = raw(file('x.db'));
    expect(pragma(db, 'user_version')).toBe(0);
    db.close();
    const store = await openStore(file('x.db'));
    saveAna(store);
    store.close();
    const check = raw(file('x.db'));
    expect(pragma(check, 'user_version')).toBe(LATEST_VERSION);
    check.close();
  });

  it('migrates a version-1 file step by step, keeping its rows', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    const db = raw(file());
    migrate(db, MIGRATIONS.slice(0, 1));
    expect(pragma(db, 'user_version')).toBe(1);
    db.prepare("INSERT INTO clients (name, name_key, created_at) VALUES ('Old Client', 'old client', 'x')").run();
    db.close();
    const store = await openStore(file());
    expect(store.clientNames()).toEqual(['Old Client']);
    store.close();
    const check = raw(file());
    expect(pragma(check, 'user_version')).toBe(LATEST_VERSION);
    check.close();
  });

  it('a failed migration step leaves the file at the version before it', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    const db = raw(file());
    const broken = [...MIGRATIONS.slice(0, 1), { version: 2, why: 'fails half-way', sql: 'CREATE TABLE half (x); INSERT INTO nowhere VALUES (1);' }];
    expect(() => migrate(db, broken)).toThrow(/nowhere/);
    expect(pragma(db, 'user_version')).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").raw().get()).toEqual([0]);
    db.close();
  });

  it('a database from a newer needleplan is exit 4', async () => {
    (await openStore(file())).close();
    const db = raw(file());
    db.exec(`PRAGMA user_version = ${LATEST_VERSION + 1}`);
    db.close();
    await expectExit4(openStore(file()), /newer needleplan.*upgrade/);
  });

  it('a text file is exit 4, and is left as it was', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(file(), 'client,notes\nAna,hello\n'.repeat(100));
    await expectExit4(openStore(file()), /not a needleplan records database/);
    expect(readFileSync(file(), 'utf8')).toBe('client,notes\nAna,hello\n'.repeat(100));
  });

  it("another program's SQLite database is exit 4, and is not touched", async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    const db = raw(file());
    db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
    db.close();
    await expectExit4(openStore(file()), /some other SQLite database/);
    const check = raw(file());
    expect(pragma(check, 'user_version')).toBe(0);
    check.close();
  });

  it('a folder, or a path through a file, is exit 4', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'folder.db'), { recursive: true });
    await expectExit4(openStore(join(dir, 'folder.db')), /is a folder/);
    writeFileSync(join(dir, 'plain'), 'x');
    await expectExit4(openStore(join(dir, 'plain', 'n.db')), /a part of the path is a file, not a folder/);
  });

  it('locked past the wait is exit 4', async () => {
    const store = await openStore(file());
    saveAna(store);
    store.close();
    const holder = raw(file());
    holder.exec('BEGIN IMMEDIATE');
    try {
      const waiting = await openStore(file(), 200);
      const started = Date.now();
      expect(() => waiting.saveCourse({ client: 'Bo', createdOn: TODAY, createdAt: 'x', intake, plan: thePlan, due })).toThrow(/locked by another program/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(150);
      waiting.close();
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });

  it('the location: --db, else NEEDLEPLAN_DB, else XDG_DATA_HOME, else ~/.local/share', () => {
    const home = () => '/home/ana';
    expect(dbPath('x.db', { NEEDLEPLAN_DB: 'y.db' }, home)).toBe('x.db');
    expect(dbPath(undefined, { NEEDLEPLAN_DB: 'y.db', XDG_DATA_HOME: '/data' }, home)).toBe('y.db');
    expect(dbPath(undefined, { XDG_DATA_HOME: '/data' }, home)).toBe('/data/needleplan/needleplan.db');
    expect(dbPath(undefined, { XDG_DATA_HOME: 'relative' }, home)).toBe('/home/ana/.local/share/needleplan/needleplan.db');
    expect(dbPath(undefined, {}, home)).toBe('/home/ana/.local/share/needleplan/needleplan.db');
  });
});

describe('records store: sessions, amendments, due, forget', () => {
  it('adds sessions with their zones, numbered in order; amendments keep the original', async () => {
    const store = await openStore(file());
    const course = saveAna(store);
    const s1 = store.addSession(course.id, { date: '2026-12-01', zones: [{ zone: 'cheeks', depthMm: 0.75 }], passes: 2, reaction: 'mild', healedDays: 2, adverseEvent: null, lot: 'L1', note: null, rulesSha256: 'r', recordedAt: 't1' }, (all) => ({ status: 'due', session: all.length + 1, date: '2027-01-12', lastSession: all.at(-1)!.date }));
    expect(s1.number).toBe(1);
    store.amend(s1.id, { field: 'healedDays', value: 5, recordedAt: 't2' }, () => ({ status: 'due', session: 2, date: '2027-01-19', lastSession: '2026-12-01' }));
    const [back] = store.sessions(course.id);
    expect(back!.healedDays).toBe(2);
    expect(back!.amendments.map((a) => [a.field, a.value])).toEqual([['healedDays', 5]]);
    expect(store.due('2027-01-18')).toEqual([]);
    expect(store.due('2027-01-19')).toEqual([{ client: 'Ana Li', session: 2, of: thePlan.sessions.count, due: '2027-01-19', lastSession: '2026-12-01' }]);
    store.close();
  });

  it('due lists only active courses that are due, earliest first, and reads no plan', async () => {
    const store = await openStore(file());
    for (const [name, date, status] of [
      ['Cy', '2027-01-05', 'due'],
      ['Bo', '2027-01-02', 'due'],
      ['Di', '2027-01-01', 'needs-review'],
    ] as const)
      store.saveCourse({ client: name, createdOn: TODAY, createdAt: 'x', intake, plan: thePlan, due: { status, session: 2, date, lastSession: null } });
    // An older course of Cy's, due long ago, is not active any more.
    store.saveCourse({ client: 'Cy', createdOn: TODAY, createdAt: 'x', intake, plan: thePlan, due: { status: 'due', session: 1, date: '2027-01-05', lastSession: null } });
    expect(store.due('2027-12-31').map((r) => r.client)).toEqual(['Bo', 'Cy']);
    store.close();
    // The query plan uses the partial index, not a scan of the courses and their plan JSON.
    const db = raw(file());
    const detail = (db.prepare(`EXPLAIN QUERY PLAN SELECT cl.name FROM courses co JOIN clients cl ON cl.id = co.client_id WHERE co.active = 1 AND co.next_status = 'due' AND co.next_due <= '2027-12-31' ORDER BY co.next_due`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(detail).toMatch(/courses_due/);
    db.close();
  });

  it('forget leaves no byte of the client in the file or its log', async () => {
    const store = await openStore(file());
    const keep = store.saveCourse({ client: 'Keep Me', createdOn: TODAY, createdAt: 'x', intake, plan: thePlan, due });
    const gone = store.saveCourse({ client: 'Zelda Quartermaine', createdOn: TODAY, createdAt: 'x', intake: { ...intake, client: 'Zelda Quartermaine' }, plan: { ...thePlan, client: 'Zelda Quartermaine' }, due });
    store.addSession(gone.id, { date: '2026-12-01', zones: [{ zone: 'cheeks', depthMm: 0.75 }], passes: 1, reaction: null, healedDays: null, adverseEvent: null, lot: 'LOT-ZQ-7781', note: 'Quartermaine note', rulesSha256: 'r', recordedAt: 't' }, () => due);
    const before = Buffer.concat([readFileSync(file()), readFileSync(`${file()}-wal`)]);
    expect(before.includes('Quartermaine')).toBe(true);
    const { walCleared } = store.forget(gone.clientId);
    expect(walCleared).toBe(true);
    const bytes = Buffer.concat([readFileSync(file()), readFileSync(`${file()}-wal`, { flag: 'r' })]);
    for (const trace of ['Quartermaine', 'quartermaine', 'LOT-ZQ-7781']) expect(bytes.includes(trace), trace).toBe(false);
    expect(store.clientNames()).toEqual(['Keep Me']);
    expect(store.activeCourse(keep.clientId)).toBeDefined();
    store.close();
  });
});

describe('records store: more than one process', () => {
  it('two processes writing at once lose nothing', async () => {
    const store = await openStore(file());
    const course = saveAna(store);
    store.close();
    const run = (tag: string) =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, writerArgs(file(), String(course.id), '40', tag), { cwd: ROOT });
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (err += d));
        child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`writer ${tag} exited ${code}: ${err}`))));
      });
    await Promise.all([run('a'), run('b')]);
    const check = await openStore(file());
    const sessions = check.sessions(course.id);
    expect(sessions).toHaveLength(80);
    expect(sessions.map((s) => s.number)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    expect(sessions.filter((s) => s.lot!.startsWith('a-'))).toHaveLength(40);
    for (const s of sessions) expect(s.zones).toHaveLength(3);
    check.close();
  }, 60_000);

  it('a process killed inside a write leaves the database readable and the record absent', async () => {
    const store = await openStore(file());
    const course = saveAna(store);
    store.close();
    // Some whole sessions first, then one that is killed inside its transaction.
    const first = spawnSync(process.execPath, writerArgs(file(), String(course.id), '3', 'whole'), { cwd: ROOT, encoding: 'utf8' });
    expect(first.status, first.stderr).toBe(0);
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, writerArgs(file(), String(course.id), 'hang', 'killed'), { cwd: ROOT });
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('inside')) child.kill('SIGKILL');
      });
      child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer was not killed (${signal})`))));
    });
    const check = await openStore(file());
    const sessions = check.sessions(course.id);
    expect(sessions.map((s) => s.lot)).toEqual(['whole-0', 'whole-1', 'whole-2']);
    for (const s of sessions) expect(s.zones).toHaveLength(3);
    check.close();
    const db = raw(file());
    expect(db.prepare('PRAGMA integrity_check').raw().get()).toEqual(['ok']);
    expect(db.prepare('SELECT count(*) FROM session_zones').raw().get()).toEqual([9]);
    db.close();
  }, 60_000);

  it('a process killed at a random point of many writes leaves every record whole or absent', async () => {
    const store = await openStore(file());
    const course = saveAna(store);
    store.close();
    await new Promise<void>((resolve) => {
      const child = spawn(process.execPath, writerArgs(file(), String(course.id), '100000', 'r'), { cwd: ROOT });
      let seen = 0;
      child.stdout.on('data', (d: Buffer) => {
        seen += d.toString().split('\n').length - 1;
        if (seen >= 20) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    const db = raw(file());
    expect(db.prepare('PRAGMA integrity_check').raw().get()).toEqual(['ok']);
    db.close();
    const check = await openStore(file());
    const sessions = check.sessions(course.id);
    expect(sessions.length).toBeGreaterThanOrEqual(20);
    expect(sessions.map((s) => s.number)).toEqual(Array.from({ length: sessions.length }, (_, i) => i + 1));
    for (const s of sessions) expect(s.zones).toHaveLength(3);
    check.close();
  }, 60_000);
});
