// `needleplan next <client>`: the next session of the client's active course, from the
// stored plan, the sessions recorded and the rules in force (nextSession, pure), in any
// of the handout formats.
import { loadRuleSet } from '../shell/rules-source.js';
import { today } from '../shell/today.js';
import { emit } from '../shell/atomic-write.js';
import { useColor } from '../shell/color.js';
import { withRecords } from '../records/open.js';
import { loadNextRenderer, type NextFormat } from '../render/next/index.js';
import { nextFor, requireClient, requireCourse } from './records-common.js';

export interface NextOptions {
  format: NextFormat;
  output?: string;
  db?: string;
  rules?: string;
  color: boolean;
}

export async function runNext(clientName: string, options: NextOptions): Promise<void> {
  const rules = await loadRuleSet(options.rules);
  const next = await withRecords(options.db, (store) => {
    const client = requireClient(store, clientName);
    const course = requireCourse(store, client);
    return nextFor(course, store.sessions(course.id), rules, today());
  });
  const render = await loadNextRenderer(options.format);
  const toStdout = options.output === undefined || options.output === '-';
  const color = toStdout && useColor({ flag: options.color, env: process.env, isTTY: Boolean(process.stdout.isTTY) });
  emit(render(next, { color }), options.output);
}
