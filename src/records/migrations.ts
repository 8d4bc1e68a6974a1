// The records schema, one step per version (PRAGMA user_version). Each step runs in one
// transaction with the version bump, so a failed step leaves the file at the version
// before it. Append steps; never edit one that has shipped.

/** Marks the file as a needleplan database: "NPLN" as a 32-bit integer (PRAGMA application_id). */
export const APPLICATION_ID = 0x4e504c4e;

export interface Migration {
  version: number;
  why: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    why: 'clients, their courses (the plan as produced), sessions done, and amendments',
    sql: `
      CREATE TABLE clients (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      );
      CREATE TABLE courses (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        created_on TEXT NOT NULL,
        created_at TEXT NOT NULL,
        active INTEGER NOT NULL CHECK (active IN (0, 1)),
        intake_json TEXT NOT NULL,
        plan_json TEXT NOT NULL,
        rules_sha256 TEXT NOT NULL,
        rules_version TEXT NOT NULL,
        sessions_total INTEGER NOT NULL,
        UNIQUE (client_id, number)
      );
      CREATE INDEX courses_client ON courses(client_id);
      CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        course_id INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        date TEXT NOT NULL,
        passes INTEGER,
        reaction TEXT CHECK (reaction IN ('none', 'mild', 'moderate', 'severe')),
        healed_days INTEGER,
        adverse_event TEXT,
        lot TEXT,
        note TEXT,
        rules_sha256 TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        UNIQUE (course_id, number)
      );
      CREATE TABLE session_zones (
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        zone TEXT NOT NULL,
        depth_mm REAL NOT NULL,
        PRIMARY KEY (session_id, zone)
      );
      CREATE TABLE amendments (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        field TEXT NOT NULL,
        value TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      );
      CREATE INDEX amendments_session ON amendments(session_id);`,
  },
  {
    version: 2,
    why: 'what `due` needs, in columns beside the course, so listing who is due reads no plan',
    sql: `
      ALTER TABLE courses ADD COLUMN next_status TEXT NOT NULL DEFAULT 'due';
      ALTER TABLE courses ADD COLUMN next_session INTEGER;
      ALTER TABLE courses ADD COLUMN next_due TEXT;
      ALTER TABLE courses ADD COLUMN last_session TEXT;
      -- Covering: due reads these columns from the index alone, never a course row (whose
      -- plan JSON spans pages). Partial: only courses that can be due are in it.
      CREATE INDEX courses_due ON courses(next_due, client_id, next_session, sessions_total, last_session)
        WHERE active = 1 AND next_status = 'due';`,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
