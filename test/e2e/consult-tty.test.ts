// The consultation in a real terminal (tmux): from the first question to the printed plan,
// and Ctrl-C at a prompt. The pane shows stdout and stderr together, as a user sees them.
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, ROOT, TODAY } from '../helpers/run-cli.js';
import { Tmux } from '../helpers/tmux.js';
import { systemProgram } from '../helpers/system.js';

const hasTmux = systemProgram('tmux', 'apt-get install tmux');

let term: Tmux | undefined;
afterEach(() => term?.kill());

/** The CLI inside the terminal; the exit code is printed after it, then the pane stays. */
function launch(args: string): Tmux {
  term = new Tmux();
  term.start(
    `env -u NEEDLEPLAN_RULES -u FORCE_COLOR NO_COLOR=1 NEEDLEPLAN_TODAY=${TODAY} node ${BIN} ${args}; echo "[exit $?]"; sleep 300`,
    ROOT,
  );
  return term;
}

describe.runIf(hasTmux)('consultation on a terminal', () => {
  it('asks, shows the plan, offers to save, exits 0', async () => {
    const t = launch('plan');
    await t.waitFor('? Client name or id (optional):');
    t.type('Ana');
    t.send('Enter');

    await t.waitFor('? Concerns to treat:');
    t.send('7', 'Enter'); // Acne scars
    await t.waitFor('? Severity of acne scars (Goodman & Baron acne scar grade):');
    t.send('Down', 'Enter'); // severe
    await t.waitFor('? Zones to treat:');
    t.send('4', 'Enter'); // Cheeks
    await t.waitFor('? Fitzpatrick skin type:');
    t.send('Down', 'Down', 'Enter'); // III
    await t.waitFor('? Pain tolerance:');
    t.send('Enter'); // normal
    await t.waitFor('? Age in years (optional):');
    t.type('17');
    t.send('Enter');
    await t.waitFor('? Ask the screening questions now?');
    t.send('Enter');
    for (const group of ['Pregnancy and medicines', 'The skin right now', 'Health history and allergies', 'Recent sun and treatments']) {
      await t.waitFor(`? ${group}: which apply?`);
      t.send('1', 'Enter'); // None of these
    }
    await t.waitFor('? First session date, YYYY-MM-DD (optional):');
    t.type('2027-01-05');
    t.send('Enter');
    await t.waitFor('Plan with these answers?');
    t.send('Enter'); // Yes, make the plan

    const shown = await t.waitFor('? Save this plan?');
    expect(shown).toContain('✔ Severity of acne scars (Goodman & Baron acne scar grade): severe');
    expect(shown).toContain('Microneedling plan for Ana, planned 2026-11-25');
    expect(shown).toMatch(/^NOT ELIGIBLE {2}/m); // 17 is under the minimum age
    expect(shown).toMatch(/^ {2}BLOCK +Under 18: not eligible for microneedling\./m);
    expect(shown).toMatch(/^ {2}Cheeks +2 mm +1-2 mm +2 mm +acne-scars$/m);
    t.send('Enter'); // No
    const end = await t.waitFor(/\[exit \d+\]/);
    expect(end).toContain('[exit 0]');
    expect(end).not.toContain('needleplan:'); // nothing went to stderr
  });

  it('a two-area client: asks the concerns per zone, changes one answer at the summary, ends on a one-screen summary', async () => {
    const t = launch('plan --client Bo -c acne-scars=severe,pigmentation=mild -z cheeks,forehead --fitzpatrick III --pain-tolerance normal --age 40 --screened --start 2027-01-05');
    await t.waitFor('? Concerns treated on the cheeks:');
    t.send('1', 'Enter'); // Acne scars
    await t.waitFor('? Concerns treated on the forehead:');
    t.send('2', 'Enter'); // Pigmentation
    let summary = await t.waitFor('Plan with these answers?');
    expect(summary).toMatch(/^ {2}Cheeks +acne-scars \(severe\)$/m);
    expect(summary).toMatch(/^ {2}Skin type +Fitzpatrick III, pain tolerance normal, age 40$/m);
    // Change the age: client, concerns/zones/areas, skin type, pain tolerance, age (one built-in device: no device entry).
    t.send('Down', 'Down', 'Down', 'Down', 'Down');
    await t.waitFor('❯ Change: age');
    t.send('Enter');
    await t.waitFor('? Age in years (optional):');
    t.type('52');
    t.send('Enter');
    summary = await t.waitFor(/age 52[\s\S]*Plan with these answers\?/);
    t.send('Enter');
    const screen = await t.waitFor('? Save this plan?');
    const tail = screen.slice(screen.lastIndexOf('Summary for Bo'));
    expect(tail).toMatch(/^Summary for Bo: READY/m);
    expect(tail).toMatch(/^ {2}Cheeks +2 mm \(acne-scars\)$/m);
    expect(tail).toMatch(/^ {2}Forehead +0\.25 mm \(pigmentation\)$/m);
    expect(tail).toMatch(/^ {2}Sessions {2}8, every 6 weeks; first 2027-01-05, then 2027-02-16$/m);
    t.send('Enter'); // No
    const end = await t.waitFor(/\[exit \d+\]/);
    expect(end).toContain('[exit 0]');
  });

  it('Ctrl-C at a prompt (needleplan with no command) exits 130 with one line', async () => {
    const t = launch('');
    await t.waitFor('? Client name or id (optional):');
    t.type('Ana');
    t.send('Enter');
    await t.waitFor('? Concerns to treat:');
    t.send('C-c');
    const end = await t.waitFor(/\[exit \d+\]/);
    expect(end).toContain('[exit 130]');
    // Inquirer leaves the interrupted question on screen; after it comes one line, no stack.
    const after = end.slice(end.indexOf('⏎ submit') + '⏎ submit'.length);
    expect(after.split('\n').filter((l) => l.trim() !== '')).toEqual(['needleplan: interrupted', '[exit 130]']);
  });

  it('a wrong flag is an error at once, even on a terminal (exit 2, no questions)', async () => {
    const t = launch('plan -c acne-scarz');
    const end = await t.waitFor(/\[exit \d+\]/);
    expect(end).toContain('[exit 2]');
    expect(end).toContain('needleplan: --concern: unknown concern "acne-scarz" (did you mean acne-scars?)');
    expect(end).not.toContain('Client name');
  });
});
