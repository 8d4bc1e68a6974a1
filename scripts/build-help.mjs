#!/usr/bin/env node
// Writes dist/help.txt: `needleplan --help` as the built program prints it to a pipe or an
// 80-column terminal. bin/needleplan.js prints it as is for a bare --help, without loading
// commander or anything else (the start-up goal for --help). It has no rule ids in it, so
// it cannot go stale against a clinic's rules; a rebuild rewrites it.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = { ...process.env, NO_COLOR: '1' };
delete env.NEEDLEPLAN_RULES;
// The program itself, not the bin (whose fast path would print the old file).
const program = `import(${JSON.stringify(`${root}/dist/bundle/main.js`)}).then((m) => m.main(['node', 'needleplan', '--help']))`;
const text = execFileSync(process.execPath, ['--input-type=module', '-e', program], { env, encoding: 'utf8' });
writeFileSync(`${root}/dist/help.txt`, text);
