// Where the records database is: --db, else NEEDLEPLAN_DB, else
// $XDG_DATA_HOME/needleplan/needleplan.db (XDG_DATA_HOME defaults to ~/.local/share).
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

export const DB_ENV = 'NEEDLEPLAN_DB';

export function dbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, home: () => string = homedir): string {
  if (flag) return flag;
  const fromEnv = env[DB_ENV]?.trim();
  if (fromEnv) return fromEnv;
  // The XDG spec says a relative XDG_DATA_HOME is invalid and should be ignored.
  const xdg = env.XDG_DATA_HOME?.trim();
  const base = xdg && isAbsolute(xdg) ? xdg : join(home(), '.local', 'share');
  return join(base, 'needleplan', 'needleplan.db');
}
