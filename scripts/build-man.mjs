#!/usr/bin/env node
// Run by `npm run build` after tsc: writes man/needleplan.1 from the built program's own
// --help (the root's, then every command's, found by reading each "Commands:" list), so
// `man needleplan` says exactly what --help says. Markdown in the ronn layout, turned
// into roff by marked-man (a devDependency: the page ships built in the package).
// SOURCE_DATE_EPOCH pins the page's date for a reproducible build.
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'needleplan.js');
const out = join(root, 'man', 'needleplan.1');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const env = { ...process.env, NO_COLOR: '1', COLUMNS: '80' };
delete env.NEEDLEPLAN_RULES; // the page lists the built-in rules' ids
delete env.FORCE_COLOR;

const run = promisify(execFile);
const help = async (path) => (await run(process.execPath, [bin, ...path, '--help'], { env, cwd: root })).stdout;

/** The subcommand names in a help text's "Commands:" list (commander's own `help` left out). */
function commandsIn(text) {
  const section = /\nCommands:\n((?: {2}.*\n?)+)/.exec(text)?.[1] ?? '';
  return section
    .split('\n')
    .map((line) => /^ {2}(\S+)/.exec(line)?.[1])
    .filter((name) => name !== undefined && name !== 'help');
}

/** Every command path below `path`, depth first, each with its help text. */
async function walk(path, text) {
  const children = commandsIn(text);
  const texts = await Promise.all(children.map((name) => help([...path, name])));
  const pages = [];
  for (const [i, name] of children.entries()) pages.push({ path: [...path, name], text: texts[i] }, ...(await walk([...path, name], texts[i])));
  return pages;
}

const block = (text) => '```\n' + text.trimEnd() + '\n```\n';

const rootHelp = await help([]);
const [usage, exitCodes = ''] = rootHelp.split(/\nExit codes:\n/);
const pages = await walk([], rootHelp);

const markdown = [
  `# needleplan(1) -- ${pkg.description.toLowerCase()}`,
  '',
  '## SYNOPSIS',
  '',
  ...pages.filter((p) => p.path.length === 1).map((p) => `\`${/^Usage: (.*)$/m.exec(p.text)?.[1] ?? `needleplan ${p.path[0]}`}\``),
  '`needleplan` (no command: a consultation, on a terminal)',
  '',
  '## DESCRIPTION',
  '',
  block(usage),
  '## COMMANDS',
  '',
  ...pages.flatMap((p) => [`### needleplan ${p.path.join(' ')}`, '', block(p.text)]),
  '## ENVIRONMENT',
  '',
  '`NEEDLEPLAN_RULES`: a rules folder to use instead of the built-in one (`--rules` wins over it).',
  '`NO_COLOR`: no colour, even on a terminal.',
  '',
  '## EXIT STATUS',
  '',
  block(exitCodes),
  '## SEE ALSO',
  '',
  '`needleplan --help` and `needleplan <command> --help` (the same text as this page); README.md in the package.',
  '',
].join('\n');

const markedMan = join(dirname(fileURLToPath(import.meta.resolve('marked-man'))), '..', 'bin', 'marked-man.js');
const roff = spawnSync(process.execPath, [markedMan, '--version', pkg.version, '--manual', 'needleplan manual'], {
  input: markdown,
  encoding: 'utf8',
  env: process.env,
});
if (roff.status !== 0) {
  console.error(`build-man: marked-man failed: ${roff.stderr}`);
  process.exit(1);
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, roff.stdout);
