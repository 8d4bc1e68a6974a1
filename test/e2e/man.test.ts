// man/needleplan.1 is built by `npm run build` from the built program's own --help: it
// exists, names every command (the nested ones too) and lists every exit code --help lists.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const PAGE = join(ROOT, 'man', 'needleplan.1');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { man: string; files: string[] };

/** Names in a help text's "Commands:" list, without commander's own `help`. */
const commandsIn = (help: string) =>
  [...(/\nCommands:\n((?: {2}.*\n?)+)/.exec(help)?.[1] ?? '').matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]!).filter((n) => n !== 'help');

describe('the man page', () => {
  it('is built, and package.json ships it as the man page', () => {
    expect(existsSync(PAGE)).toBe(true);
    expect(pkg.man).toBe('./man/needleplan.1');
    expect(pkg.files).toContain('man');
  });

  const page = existsSync(PAGE) ? readFileSync(PAGE, 'utf8') : '';

  it('is a section 1 page with a NAME, SYNOPSIS and EXIT STATUS', () => {
    expect(page).toMatch(/^\.TH "NEEDLEPLAN" "1" /);
    for (const section of ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'COMMANDS', 'EXIT STATUS']) expect(page).toMatch(new RegExp(`^\\.SH "?${section}"?$`, 'm'));
  });

  it('has a section for every command --help lists, nested ones included', () => {
    const top = commandsIn(runCli(['--help']).stdout);
    expect(top).toEqual(expect.arrayContaining(['plan', 'batch', 'rules', 'completion']));
    const all = [...top.map((c) => [c]), ...commandsIn(runCli(['rules', '--help']).stdout).map((c) => ['rules', c])];
    for (const path of all) expect(page).toMatch(new RegExp(`^\\.SS "?needleplan ${path.join(' ')}"?$`, 'm'));
    expect(page).toContain('needleplan rules validate');
  });

  it('lists every exit code that --help lists, in EXIT STATUS', () => {
    const help = runCli(['--help']).stdout;
    const codes = [...(help.split('\nExit codes:\n')[1] ?? '').matchAll(/^ {2}(\d+) /gm)].map((m) => m[1]!);
    expect(codes).toEqual(expect.arrayContaining(['0', '1', '2', '3', '130']));
    const exitStatus = page.split(/^\.SH "?EXIT STATUS"?$/m)[1]!.split(/^\.SH /m)[0]!;
    for (const code of codes) expect(exitStatus).toMatch(new RegExp(`^ {2}${code} `, 'm'));
  });
});
