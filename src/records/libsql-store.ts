// The records store on one SQLite file through libsql (its better-sqlite3-shaped,
// synchronous API). WAL and a busy timeout let two terminals write at once; every write is
// one IMMEDIATE transaction, so a killed process leaves each record whole or absent.
// Only open.ts imports this module (lazily): libsql is loaded by the records commands only.
import Database from 'libsql';
import type { Plan } from '../engine/types.js';
import type { Reaction } from '../engine/next-session.js';
import { APPLICATION_ID, LATEST_VERSION, MIGRATIONS, type Migration } from './migrations.js';
import {
  clientKey,
  type AmendmentRecord,
  type ClientRecord,
  type CourseDue,
  type CourseRecord,
  type DueRow,
  type NewCourse,
  type NewSession,
  type RecordsStore,
  type SessionRecord,
} from './store.js';

type Db = InstanceType<typeof Database>;

/** Why a file cannot be used as the records database; open.ts turns it into exit 4. */
export class StoreProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreProblem';
  }
}

/** One value of a one-row, one-column query (libsql adds metadata to get()'s objects). */
function scalar(db: Db, sql: string, ...params: unknown[]): unknown {
  const row = db.prepare(sql).raw().get(...params) as unknown[] | undefined;
  return row?.[0];
}

const pragmaNumber = (db: Db, name: string) => Number(scalar(db, `PRAGMA ${name}`));

/**
 * Brings a database from its version to the newest, one transaction per step. Refuses a
 * file that is another program's SQLite database, or one a newer needleplan made.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = migrations[migrations.length - 1]!.version;
  for (;;) {
    const version = pragmaNumber(db, 'user_version');
    const appId = pragmaNumber(db, 'application_id');
    const tables = Number(scalar(db, "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"));
    if (appId !== APPLICATION_ID && !(appId === 0 && version === 0 && tables === 0))
      throw new StoreProblem('not a needleplan records database (it is some other SQLite database)');
    if (version > latest) throw new StoreProblem(`made by a newer needleplan (records version ${version}; this one reads up to ${latest}): upgrade needleplan`);
    if (version === latest) return version;
    const step = migrations.find((m) => m.version === version + 1);
    if (!step) throw new StoreProblem(`records version ${version} has no upgrade step`);
    // IMMEDIATE: a second process opening the same new file waits here, then sees the
    // version this one wrote and skips the step.
    db.exec('BEGIN IMMEDIATE');
    try {
      if (pragmaNumber(db, 'user_version') === version) {
        db.exec(step.sql);
        db.exec(`PRAGMA application_id = ${APPLICATION_ID}`);
        db.exec(`PRAGMA user_version = ${step.version}`);
      }
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }
}

interface CourseRow {
  id: number;
  client_id: number;
  client: string;
  number: number;
  created_on: string;
  created_at: string;
  active: number;
  intake_json: string;
  plan_json: string;
  rules_sha256: string;
  rules_version: string;
}

interface SessionRow {
  id: number;
  course_id: number;
  number: number;
  date: string;
  passes: number | null;
  reaction: Reaction | null;
  healed_days: number | null;
  adverse_event: string | null;
  lot: string | null;
  note: string | null;
  rules_sha256: string;
  recorded_at: string;
}

const COURSE_COLUMNS = `co.id, co.client_id, cl.name AS client, co.number, co.created_on, co.created_at, co.active,
  co.intake_json, co.plan_json, co.rules_sha256, co.rules_version`;

function toCourse(row: CourseRow): CourseRecord {
  return {
    id: row.id,
    clientId: row.client_id,
    client: row.client,
    number: row.number,
    createdOn: row.created_on,
    createdAt: row.created_at,
    active: row.active === 1,
    intake: JSON.parse(row.intake_json) as unknown,
    plan: JSON.parse(row.plan_json) as Plan,
    rulesSha256: row.rules_sha256,
    rulesVersion: row.rules_version,
  };
}

export interface OpenOptions {
  /** How long a write waits for another process's lock, in milliseconds. */
  busyTimeoutMs: number;
}

export class LibsqlStore implements RecordsStore {
  private readonly db: Db;

  constructor(
    readonly file: string,
    options: OpenOptions,
  ) {
    this.db = new Database(file, { timeout: options.busyTimeoutMs });
    try {
      // The first read of a file that is not SQLite fails here (SQLITE_NOTADB).
      const mode = String(scalar(this.db, 'PRAGMA journal_mode = WAL'));
      if (mode !== 'wal') throw new StoreProblem(`cannot use write-ahead logging (journal mode stays "${mode}")`);
      this.db.exec('PRAGMA foreign_keys = ON');
      migrate(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  /** BEGIN IMMEDIATE ... COMMIT: the write lock is taken up front, so the busy timeout applies. */
  private write<T>(fn: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = fn();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  clientNames(): string[] {
    return (this.db.prepare('SELECT name FROM clients ORDER BY name_key').raw().all() as [string][]).map((r) => r[0]);
  }

  findClient(name: string): ClientRecord | undefined {
    const row = this.db.prepare('SELECT id, name, created_at FROM clients WHERE name_key = ?').raw().get(clientKey(name)) as
      | [number, string, string]
      | undefined;
    return row ? { id: row[0], name: row[1], createdAt: row[2] } : undefined;
  }

  saveCourse(course: NewCourse): CourseRecord {
    const id = this.write(() => {
      const key = clientKey(course.client);
      this.db.prepare('INSERT INTO clients (name, name_key, created_at) VALUES (?, ?, ?) ON CONFLICT (name_key) DO NOTHING').run(course.client, key, course.createdAt);
      const clientId = Number(scalar(this.db, 'SELECT id FROM clients WHERE name_key = ?', key));
      const number = Number(scalar(this.db, 'SELECT coalesce(max(number), 0) + 1 FROM courses WHERE client_id = ?', clientId));
      this.db.prepare('UPDATE courses SET active = 0 WHERE client_id = ?').run(clientId);
      const result = this.db
        .prepare(
          `INSERT INTO courses (client_id, number, created_on, created_at, active, intake_json, plan_json, rules_sha256, rules_version,
             sessions_total, next_status, next_session, next_due, last_session)
           VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          clientId,
          number,
          course.createdOn,
          course.createdAt,
          JSON.stringify(course.intake),
          JSON.stringify(course.plan),
          course.plan.rules.sha256,
          course.plan.rules.version,
          course.plan.sessions.count,
          course.due.status,
          course.due.session,
          course.due.date,
          course.due.lastSession,
        );
      return Number(result.lastInsertRowid);
    });
    return this.course(id)!;
  }

  private course(id: number): CourseRecord | undefined {
    const row = this.db.prepare(`SELECT ${COURSE_COLUMNS} FROM courses co JOIN clients cl ON cl.id = co.client_id WHERE co.id = ?`).all(id)[0] as
      | CourseRow
      | undefined;
    return row ? toCourse(row) : undefined;
  }

  activeCourse(clientId: number): CourseRecord | undefined {
    const row = this.db
      .prepare(`SELECT ${COURSE_COLUMNS} FROM courses co JOIN clients cl ON cl.id = co.client_id WHERE co.client_id = ? AND co.active = 1`)
      .all(clientId)[0] as CourseRow | undefined;
    return row ? toCourse(row) : undefined;
  }

  courses(clientId: number): CourseRecord[] {
    const rows = this.db
      .prepare(`SELECT ${COURSE_COLUMNS} FROM courses co JOIN clients cl ON cl.id = co.client_id WHERE co.client_id = ? ORDER BY co.number`)
      .all(clientId) as CourseRow[];
    return rows.map(toCourse);
  }

  sessions(courseId: number): SessionRecord[] {
    const rows = this.db.prepare('SELECT * FROM sessions WHERE course_id = ? ORDER BY number').all(courseId) as SessionRow[];
    const zones = this.db
      .prepare('SELECT z.session_id, z.zone, z.depth_mm FROM session_zones z JOIN sessions s ON s.id = z.session_id WHERE s.course_id = ? ORDER BY z.rowid')
      .raw()
      .all(courseId) as [number, string, number][];
    const amendments = this.db
      .prepare('SELECT a.id, a.session_id, a.field, a.value, a.recorded_at FROM amendments a JOIN sessions s ON s.id = a.session_id WHERE s.course_id = ? ORDER BY a.id')
      .raw()
      .all(courseId) as [number, number, string, string, string][];
    return rows.map((r) => ({
      id: r.id,
      courseId: r.course_id,
      number: r.number,
      date: r.date,
      zones: zones.filter((z) => z[0] === r.id).map((z) => ({ zone: z[1], depthMm: z[2] })),
      passes: r.passes,
      reaction: r.reaction,
      healedDays: r.healed_days,
      adverseEvent: r.adverse_event,
      lot: r.lot,
      note: r.note,
      rulesSha256: r.rules_sha256,
      recordedAt: r.recorded_at,
      amendments: amendments
        .filter((a) => a[1] === r.id)
        .map((a) => ({ id: a[0], sessionId: a[1], field: a[2] as 'healedDays', value: Number(a[3]), recordedAt: a[4] })),
    }));
  }

  private setDue(courseId: number, due: CourseDue): void {
    this.db
      .prepare('UPDATE courses SET next_status = ?, next_session = ?, next_due = ?, last_session = ? WHERE id = ?')
      .run(due.status, due.session, due.date, due.lastSession, courseId);
  }

  addSession(courseId: number, session: NewSession, due: (sessions: SessionRecord[]) => CourseDue): SessionRecord {
    return this.write(() => {
      const number = Number(scalar(this.db, 'SELECT coalesce(max(number), 0) + 1 FROM sessions WHERE course_id = ?', courseId));
      const result = this.db
        .prepare(
          `INSERT INTO sessions (course_id, number, date, passes, reaction, healed_days, adverse_event, lot, note, rules_sha256, recorded_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(courseId, number, session.date, session.passes, session.reaction, session.healedDays, session.adverseEvent, session.lot, session.note, session.rulesSha256, session.recordedAt);
      const id = Number(result.lastInsertRowid);
      const zone = this.db.prepare('INSERT INTO session_zones (session_id, zone, depth_mm) VALUES (?, ?, ?)');
      for (const z of session.zones) zone.run(id, z.zone, z.depthMm);
      const all = this.sessions(courseId);
      this.setDue(courseId, due(all));
      return all.find((s) => s.id === id)!;
    });
  }

  amend(sessionId: number, amendment: Omit<AmendmentRecord, 'id' | 'sessionId'>, due: (sessions: SessionRecord[]) => CourseDue): AmendmentRecord {
    return this.write(() => {
      const courseId = Number(scalar(this.db, 'SELECT course_id FROM sessions WHERE id = ?', sessionId));
      const result = this.db
        .prepare('INSERT INTO amendments (session_id, field, value, recorded_at) VALUES (?, ?, ?, ?)')
        .run(sessionId, amendment.field, String(amendment.value), amendment.recordedAt);
      this.setDue(courseId, due(this.sessions(courseId)));
      return { id: Number(result.lastInsertRowid), sessionId, ...amendment };
    });
  }

  due(by: string): DueRow[] {
    // One query over columns only (no plan JSON), served by the partial index courses_due.
    const rows = this.db
      .prepare(
        `SELECT cl.name, co.next_session, co.sessions_total, co.next_due, co.last_session
         FROM courses co JOIN clients cl ON cl.id = co.client_id
         WHERE co.active = 1 AND co.next_status = 'due' AND co.next_due <= ?
         ORDER BY co.next_due, cl.name_key`,
      )
      .raw()
      .all(by) as [string, number, number, string, string | null][];
    return rows.map(([client, session, of, due, lastSession]) => ({ client, session, of, due, lastSession }));
  }

  forget(clientId: number): { walCleared: boolean } {
    // secure_delete zeroes freed content; VACUUM rebuilds the file without the free pages;
    // the TRUNCATE checkpoint empties the write-ahead log, which still held the old pages.
    this.db.exec('PRAGMA secure_delete = ON');
    this.write(() => {
      const sessions = 'SELECT s.id FROM sessions s JOIN courses co ON co.id = s.course_id WHERE co.client_id = ?';
      this.db.prepare(`DELETE FROM amendments WHERE session_id IN (${sessions})`).run(clientId);
      this.db.prepare(`DELETE FROM session_zones WHERE session_id IN (${sessions})`).run(clientId);
      this.db.prepare('DELETE FROM sessions WHERE course_id IN (SELECT id FROM courses WHERE client_id = ?)').run(clientId);
      this.db.prepare('DELETE FROM courses WHERE client_id = ?').run(clientId);
      this.db.prepare('DELETE FROM clients WHERE id = ?').run(clientId);
    });
    this.db.exec('VACUUM');
    const [busy] = this.db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').raw().get() as [number, number, number];
    return { walCleared: busy === 0 };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

export { LATEST_VERSION };
