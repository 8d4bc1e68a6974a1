// One pure function decides the exit code; describeError gives the words for stderr.
import { describe, expect, it } from 'vitest';
import { CommanderError } from 'commander';
import { EXIT, exitCodeFor } from '../../src/cli/exit-code.js';
import { UserError, Interrupted } from '../../src/errors.js';
import { describeError } from '../../src/cli/catch.js';
import { rulesError } from '../../src/rules/load/problems.js';

const named = (name: string) => Object.assign(new Error('x'), { name });

describe('exitCodeFor', () => {
  it.each([
    [{ kind: 'planned' } as const, 0],
    [{ kind: 'batch', rejected: 0 } as const, 0],
    [{ kind: 'batch', rejected: 3 } as const, 1],
    [{ kind: 'error', error: new UserError('bad flag') } as const, 2],
    [{ kind: 'error', error: rulesError([], 'clinic') } as const, 3],
    [{ kind: 'error', error: new Interrupted() } as const, 130],
    [{ kind: 'error', error: named('ExitPromptError') } as const, 130],
    [{ kind: 'error', error: new CommanderError(1, 'commander.unknownOption', 'unknown option') } as const, 2],
    [{ kind: 'error', error: new CommanderError(1, 'commander.invalidArgument', 'bad choice') } as const, 2],
    [{ kind: 'error', error: new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)') } as const, 0],
    [{ kind: 'error', error: new CommanderError(0, 'commander.version', '0.1.0') } as const, 0],
    [{ kind: 'error', error: new TypeError('oops') } as const, EXIT.bug],
    [{ kind: 'error', error: undefined } as const, EXIT.bug],
    [{ kind: 'error', error: 'a string' } as const, EXIT.bug],
  ])('%j -> %i', (outcome, code) => {
    expect(exitCodeFor(outcome)).toBe(code);
  });
});

describe('describeError', () => {
  it('prefixes every line of a user error, no stack', async () => {
    expect(await describeError(new UserError('missing --zone\nmissing --fitzpatrick (I-VI, or 1-6)'), false)).toEqual({
      code: 2,
      text: 'needleplan: missing --zone\nneedleplan: missing --fitzpatrick (I-VI, or 1-6)\n',
    });
  });

  it('says one line on Ctrl-C', async () => {
    expect(await describeError(named('ExitPromptError'), false)).toEqual({ code: 130, text: 'needleplan: interrupted\n' });
  });

  it('leaves commander errors to commander, which has printed them already', async () => {
    expect(await describeError(new CommanderError(1, 'commander.unknownOption', "error: unknown option '--x'"), false)).toEqual({ code: 2, text: '' });
  });

  it('names the rules file and path for an invalid rules folder', async () => {
    const error = rulesError([{ level: 'error', code: 'schema', file: 'clinic/zones.json', path: 'zones[0].id', message: 'not an id' }], 'clinic');
    const { code, text } = await describeError(error, false);
    expect(code).toBe(3);
    expect(text).toMatch(/^needleplan: .*clinic.*invalid/);
    expect(text).toContain('clinic/zones.json');
    expect(text).toContain('zones[0].id');
  });

  it('calls anything else a bug, with the stack only under --debug', async () => {
    const bug = new TypeError('cannot read x');
    const quiet = await describeError(bug, false);
    expect(quiet.code).toBe(70);
    expect(quiet.text).toBe(
      'needleplan: internal error: cannot read x\nneedleplan: this is a bug; please report it with the command you ran (add --debug to see the stack)\n',
    );
    const loud = await describeError(bug, true);
    expect(loud.text).toContain('at ');
    expect(loud.text).toContain('TypeError: cannot read x');
  });
});
