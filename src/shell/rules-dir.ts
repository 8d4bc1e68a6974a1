// Which rules folder a command uses, and the ids it offers, decided without loading the
// rules: --rules wins over NEEDLEPLAN_RULES; neither means the built-in set. `plan --help`
// lists the ids, so they are read with JSON.parse alone: help must show the loaded rules'
// own choices without paying for zod and the full check.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_RULES_DIR } from '../rules/load/files.js';
import { readRuleText } from '../rules/load/read-file.js';
import { UserError } from '../errors.js';

export { BUILTIN_RULES_DIR };

/** The clinic rules folder in force, or undefined for the built-in set. */
export function rulesDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  // --rules "" (an unset shell variable, "--rules $DIR") names no folder: never silently the built-in set.
  if (flag !== undefined && flag.trim() === '')
    throw new UserError('the rules folder name is empty; give a rules folder, or leave it out for the built-in rules');
  if (flag) return flag;
  const fromEnv = env.NEEDLEPLAN_RULES?.trim();
  return fromEnv ? fromEnv : undefined;
}

export interface RuleIds {
  concerns: string[];
  zones: string[];
  conditions: string[];
  devices: string[];
  /** Files that could not be read or parsed (the real loader reports why). */
  unreadable: string[];
}

/** Which list in which file holds each kind of id. */
const SOURCES = [
  ['concerns', 'concerns.json', 'concerns'],
  ['zones', 'zones.json', 'zones'],
  ['conditions', 'screening.json', 'conditions'],
  ['devices', 'devices.json', 'devices'],
] as const;

/** Ids in a rules folder; files it lacks come from the built-in set, as in the loader. */
export function readRuleIds(dir: string | undefined): RuleIds {
  const ids: RuleIds = { concerns: [], zones: [], conditions: [], devices: [], unreadable: [] };
  for (const [kind, file, key] of SOURCES) {
    const own = dir === undefined ? undefined : join(dir, file);
    const path = own !== undefined && existsSync(own) ? own : join(BUILTIN_RULES_DIR, file);
    try {
      // The same guarded read as the loader: a FIFO or /dev/zero named zones.json must not hang help.
      const read = readRuleText(path, { folder: own !== undefined && path === own ? dir : undefined });
      if (!read.ok) throw new Error(read.message);
      const list = (JSON.parse(read.text.replace(/^\uFEFF/, '')) as Record<string, unknown>)[key];
      if (!Array.isArray(list)) throw new Error(`no "${key}" list`);
      ids[kind] = list.map((item) => (item as { id?: unknown }).id).filter((id): id is string => typeof id === 'string');
    } catch {
      ids.unreadable.push(path);
    }
  }
  return ids;
}
