// The records store: what the records commands need from a database, and nothing about
// which one. The libsql implementation (libsql-store.ts) is the only one today; another
// SQL engine would implement this interface and be picked in open.ts, without touching
// the commands. Zod-free and driver-free so commands can import its types cheaply.
import type { Plan } from '../engine/types.js';
import type { NextStatus, Reaction } from '../engine/next-session.js';

export interface ClientRecord {
  id: number;
  name: string;
  createdAt: string;
}

export interface CourseRecord {
  id: number;
  clientId: number;
  client: string;
  /** 1 for the client's first course, 2 for the next, ... */
  number: number;
  createdOn: string;
  createdAt: string;
  active: boolean;
  /** The validated intake the plan was made from. */
  intake: unknown;
  /** The plan exactly as produced when it was saved. */
  plan: Plan;
  rulesSha256: string;
  rulesVersion: string;
}

export interface SessionZone {
  zone: string;
  depthMm: number;
}

export interface NewSession {
  date: string;
  zones: SessionZone[];
  passes: number | null;
  reaction: Reaction | null;
  healedDays: number | null;
  adverseEvent: string | null;
  lot: string | null;
  note: string | null;
  /** Fingerprint of the rules in force when it was recorded. */
  rulesSha256: string;
  recordedAt: string;
}

/** A correction added later; the session's own fields are never overwritten. */
export interface AmendmentRecord {
  id: number;
  sessionId: number;
  field: 'healedDays';
  value: number;
  recordedAt: string;
}

export interface SessionRecord extends NewSession {
  id: number;
  courseId: number;
  number: number;
  amendments: AmendmentRecord[];
}

/** What `due` lists, kept in columns beside the course so it never reads a plan. */
export interface CourseDue {
  status: NextStatus;
  session: number | null;
  date: string | null;
  lastSession: string | null;
}

export interface DueRow {
  client: string;
  session: number;
  of: number;
  due: string;
  lastSession: string | null;
}

export interface NewCourse {
  client: string;
  createdOn: string;
  createdAt: string;
  intake: unknown;
  plan: Plan;
  due: CourseDue;
}

export interface RecordsStore {
  /** The database file, as the user named it (for messages). */
  readonly file: string;
  clientNames(): string[];
  findClient(name: string): ClientRecord | undefined;
  /** Stores a plan as the client's active course (creating the client); older courses stay. */
  saveCourse(course: NewCourse): CourseRecord;
  activeCourse(clientId: number): CourseRecord | undefined;
  courses(clientId: number): CourseRecord[];
  sessions(courseId: number): SessionRecord[];
  /**
   * Adds a session to a course as its next number, in one transaction with the course's
   * due columns, which `due` computes from every session including the new one.
   */
  addSession(courseId: number, session: NewSession, due: (sessions: SessionRecord[]) => CourseDue): SessionRecord;
  /** Adds an amendment to a session, in one transaction with the course's due columns. */
  amend(sessionId: number, amendment: Omit<AmendmentRecord, 'id' | 'sessionId'>, due: (sessions: SessionRecord[]) => CourseDue): AmendmentRecord;
  /** Active courses with a session due on or before `by`, earliest first. */
  due(by: string): DueRow[];
  /**
   * Erases the client and every record, then compacts the file so nothing of them remains.
   * walCleared is false when another program kept old pages in the log from being cleared.
   */
  forget(clientId: number): { walCleared: boolean };
  close(): void;
}

/** How a typed name finds its client: case, spacing and Unicode form do not matter. */
export function clientKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}
