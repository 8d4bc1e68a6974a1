// --no-color reaches the prompts too (they colour through node's styleText, not chalk), and
// without it a terminal does get colour: the check can fail both ways.
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, ROOT, TODAY } from '../helpers/run-cli.js';
import { Tmux } from '../helpers/tmux.js';
import { systemProgram } from '../helpers/system.js';

const hasTmux = systemProgram('tmux', 'apt-get install tmux');
let term: Tmux | undefined;
afterEach(() => term?.kill());

// SGR sequences other than a plain reset: colour or emphasis on screen.
const COLOURED = /\x1b\[(?!0?m)[0-9;]*m/;

async function firstPrompt(flags: string): Promise<string> {
  term = new Tmux();
  term.start(`env -u NEEDLEPLAN_RULES -u NO_COLOR -u FORCE_COLOR TERM=xterm-256color NEEDLEPLAN_TODAY=${TODAY} node ${BIN} plan ${flags}; sleep 300`, ROOT);
  await term.waitFor('? Client name or id (optional):');
  return term.screenWithEscapes();
}

describe.runIf(hasTmux)('colour at the prompts', () => {
  it('a terminal gets coloured prompts', async () => {
    expect(await firstPrompt('')).toMatch(COLOURED);
  });

  it('--no-color turns them plain', async () => {
    expect(await firstPrompt('--no-color')).not.toMatch(COLOURED);
  });
});
