// `needleplan completion <shell>` and the hidden `complete -- <words>` the scripts call on Tab:
// through the built bin, and once in a real bash with the script sourced.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, cliEnv, runCli } from '../helpers/run-cli.js';
import { systemProgram } from '../helpers/system.js';

const CONCERNS = ['texture', 'pigmentation', 'enlarged-pores', 'fine-lines', 'deep-wrinkles', 'photoaging', 'acne-scars', 'stretch-marks'];
const CLINIC = 'test/fixtures/plan/clinic-rules'; // adds the device clinic-pen

/** The candidates `complete` offers (value before the tab), and its directive line. */
function complete(words: string[], env: Record<string, string | undefined> = {}) {
  const r = runCli(['complete', '--', ...words], { env });
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('');
  const lines = r.stdout.trimEnd().split('\n');
  expect(lines.at(-1)).toMatch(/^:\d+$/);
  return lines.slice(0, -1).map((line) => line.split('\t')[0]);
}

describe('needleplan completion <shell>', () => {
  it.each([
    ['bash', 'complete -F __needleplan_complete needleplan'],
    ['zsh', '#compdef needleplan'],
    ['fish', 'complete -c needleplan'],
  ])('%s: a script that asks needleplan complete, exit 0', (shell, marker) => {
    const r = runCli(['completion', shell]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(marker);
    expect(r.stdout).toContain('needleplan complete --');
  });

  it('an unknown shell is a usage error naming the choices', () => {
    const r = runCli(['completion', 'powershell']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("needleplan: command-argument value 'powershell' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish.");
  });

  it('is listed in --help; the complete command behind it is not', () => {
    const r = runCli(['--help']);
    expect(r.stdout).toMatch(/^ {2}completion <shell> +print a shell completion script/m);
    expect(r.stdout).not.toMatch(/^ {2}complete /m);
  });
});

describe('needleplan complete -- <words>', () => {
  it('offers the commands, from the commander program', () => {
    expect(complete([''])).toEqual(['plan', 'batch', 'record', 'next', 'due', 'history', 'show', 'forget', 'rules', 'completion', 'help']);
    expect(complete(['pl'])).toEqual(['plan']);
    expect(complete(['rules', ''])).toEqual(['validate', 'show', 'init', 'help']);
    expect(complete(['completion', ''])).toEqual(['bash', 'zsh', 'fish']);
  });

  it('offers options, and the choices of -f', () => {
    expect(complete(['plan', '--con'])).toEqual(['--concern', '--condition']);
    expect(complete(['plan', '-f', ''])).toEqual(['text', 'json', 'markdown', 'html', 'ics', 'fhir']);
  });

  it('offers the concern, zone and condition ids of the built-in rules', () => {
    expect(complete(['plan', '-c', ''])).toEqual(CONCERNS);
    expect(complete(['plan', '--concern', 'acne'])).toEqual(['acne-scars']);
    expect(complete(['plan', '-z', 'ch'])).toEqual(['cheeks', 'chin-jaw']);
    expect(complete(['plan', '--condition', 'isotretinoin'])).toEqual(['isotretinoin-current', 'isotretinoin-recent']);
    expect(complete(['batch', 'x.csv', '--rules', ''])).toEqual([]);
  });

  it('continues a comma-separated list with the ids not yet in it', () => {
    expect(complete(['plan', '-c', 'acne-scars,t'])).toEqual(['acne-scars,texture']);
    expect(complete(['plan', '-c', 'texture,'])).toEqual(CONCERNS.filter((id) => id !== 'texture').map((id) => `texture,${id}`));
  });

  it('reads the ids of the rules in force: --rules on the line, else NEEDLEPLAN_RULES', () => {
    expect(complete(['plan', '--device', ''])).toEqual(['e-dermastamp']);
    expect(complete(['plan', '--rules', CLINIC, '--device', ''])).toEqual(['e-dermastamp', 'clinic-pen']);
    expect(complete(['plan', '--device', ''], { NEEDLEPLAN_RULES: CLINIC })).toEqual(['e-dermastamp', 'clinic-pen']);
  });
});

describe.runIf(systemProgram('bash', 'apt-get install bash'))('the bash script in bash', () => {
  /** Sources the script, sets COMP_WORDS / COMP_CWORD as bash does on Tab, prints COMPREPLY. */
  function tab(...words: string[]): string[] {
    const script = `
needleplan() { node '${BIN}' "$@"; }
source <(needleplan completion bash)
COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}
__needleplan_complete 2>/dev/null  # compopt complains outside a real Tab press
printf '%s\\n' "\${COMPREPLY[@]}"`;
    const r = spawnSync('bash', ['--norc', '--noprofile', '-c', script], { cwd: ROOT, env: cliEnv(), encoding: 'utf8', timeout: 20_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return r.stdout.split('\n').filter(Boolean);
  }

  it('completes "needleplan pl" to plan', () => {
    expect(tab('needleplan', 'pl')).toEqual(['plan']);
  });

  it('completes a concern id after -c', () => {
    expect(tab('needleplan', 'plan', '-c', 'acne')).toEqual(['acne-scars']);
  });
});
