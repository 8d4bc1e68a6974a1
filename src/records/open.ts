// Opening the records database for a command: where it is, making it on first use
// (folder 0700, file 0600 before SQLite touches it), and every way it can't be used as
// one line with exit 4. The driver is imported here, lazily, so only the records commands
// (and plan --save) ever load it.
import { closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { EXIT, UserError } from '../errors.js';
import { dbPath } from './location.js';
import type { RecordsStore } from './store.js';

export const EXIT_RECORDS = EXIT.records;
/** Long enough for another terminal's write to finish; short enough to say so. */
export const BUSY_TIMEOUT_MS = 5000;

const recordsError = (file: string, why: string) => new UserError(`records database ${file}: ${why}`, EXIT_RECORDS);

function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is a file, not a folder';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOENT') return 'no such folder';
  return (e as Error).message;
}

/** Makes the folder and an empty owner-only file when there is none yet. */
function prepareFile(file: string): void {
  let stat;
  try {
    stat = statSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw recordsError(file, `cannot be read: ${fsReason(e)}`);
  }
  if (stat) {
    if (stat.isDirectory()) throw recordsError(file, 'is a folder; give a file name (--db or NEEDLEPLAN_DB)');
    return;
  }
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  } catch (e) {
    throw recordsError(file, `cannot create its folder ${dirname(file)}: ${fsReason(e)}`);
  }
  try {
    // 'wx': never truncate a file another process created a moment ago.
    closeSync(openSync(file, 'wx', 0o600));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw recordsError(file, `cannot be created: ${fsReason(e)}`);
  }
}

/** SQLite's codes in words; anything unexpected stays a bug. */
function sqliteReason(error: unknown): string | undefined {
  const code = String((error as { code?: unknown })?.code ?? '');
  if ((error as Error)?.name === 'StoreProblem') return (error as Error).message;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return 'locked by another program for longer than the wait; try again when it has finished';
  if (code.startsWith('SQLITE_NOTADB')) return 'not a needleplan records database (not an SQLite file)';
  if (code.startsWith('SQLITE_CORRUPT')) return 'the file is damaged (SQLite reports corruption); restore it from a backup';
  if (code.startsWith('SQLITE_CANTOPEN') || String((error as Error)?.message).startsWith('ConnectionFailed')) return 'cannot be opened (check the folder and its permissions)';
  if (code.startsWith('SQLITE_READONLY')) return 'is read-only for needleplan (check its permissions)';
  if (code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_AUTH')) return 'permission denied';
  if (code.startsWith('SQLITE_FULL')) return 'the disk is full';
  if (code.startsWith('SQLITE_IOERR')) return `an input/output error (${code})`;
  return undefined;
}

/** Every store call turns a database failure into exit 4 naming the file. */
function guarded(store: RecordsStore, file: string): RecordsStore {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        try {
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        } catch (error) {
          const why = sqliteReason(error);
          throw why ? recordsError(file, why) : error;
        }
      };
    },
  });
}

/** Opens (making it on first use) the database at a path; exit 4 when it can't be used. */
export async function openStore(file: string, busyTimeoutMs = BUSY_TIMEOUT_MS): Promise<RecordsStore> {
  prepareFile(file);
  const { LibsqlStore } = await import('./libsql-store.js');
  try {
    return guarded(new LibsqlStore(file, { busyTimeoutMs }), file);
  } catch (error) {
    const why = sqliteReason(error);
    throw why ? recordsError(file, why) : error;
  }
}

/** The database the command was told to use (--db, NEEDLEPLAN_DB, else the XDG default). */
export function openRecords(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<RecordsStore> {
  return openStore(dbPath(flag, env));
}

/** Opens the store, runs fn, and always closes it. */
export async function withRecords<T>(flag: string | undefined, fn: (store: RecordsStore) => T | Promise<T>): Promise<T> {
  const store = await openRecords(flag);
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}
