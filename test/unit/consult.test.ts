// The consultation's prompt logic, driven through @inquirer/testing's virtual screen:
// it asks only what the flags left open, in consultation order, and checks each answer
// with the intake schema at the prompt.
import { describe, expect, it } from 'vitest';
import { screen } from '@inquirer/testing/vitest';
import { consult } from '../../src/consult/consult.js';
import { parseIntake, type RawIntake } from '../../src/intake/schema.js';
import { builtinRules } from '../helpers/builders.js';

const rules = builtinRules();

/** Waits until the screen shows `text` (the next prompt), failing after a few renders. */
async function until(text: string): Promise<string> {
  for (let i = 0; i < 20; i++) {
    const now = screen.getScreen();
    if (now.includes(text)) return now;
    await screen.next();
  }
  throw new Error(`never showed "${text}"; screen:\n${screen.getScreen()}`);
}

/** Accepts the summary of the answers ("Yes, make the plan"), then returns the answers. */
async function finish<T>(done: Promise<T>): Promise<T> {
  await until('Plan with these answers?');
  screen.keypress('enter');
  return done;
}

describe('consult', () => {
  it('asks everything, in order, when no flag answered', async () => {
    const done = consult({}, rules);
    await until('Client name or id');
    screen.type('Ana');
    screen.keypress('enter');

    expect(await until('Concerns to treat')).toContain('Acne scars');
    screen.keypress('7'); // Acne scars
    screen.keypress('enter');

    const severity = await until('Severity of acne scars (Goodman & Baron acne scar grade)');
    expect(severity).toContain('moderate: Grade 3: moderate, visible at 50 cm, flattens when stretched');
    screen.keypress('down'); // from the default (moderate) to severe
    screen.keypress('enter');

    const zones = await until('Zones to treat');
    expect(zones).not.toContain('Abdomen'); // acne scars don't apply to body zones
    screen.keypress('4'); // Cheeks
    screen.keypress('enter');

    expect(await until('Fitzpatrick skin type')).toContain('I: always burns, never tans');
    screen.keypress('down');
    screen.keypress('down'); // III
    screen.keypress('enter');

    expect(await until('Pain tolerance')).toContain('numbing cream recommended above 0.5 mm');
    screen.keypress('enter'); // default: normal

    await until('Age in years');
    screen.type('35');
    screen.keypress('enter');

    await until('Ask the screening questions now?');
    screen.keypress('enter'); // yes

    for (const group of ['Pregnancy and medicines', 'The skin right now', 'Health history and allergies', 'Recent sun and treatments']) {
      expect(await until(`${group}: which apply?`)).toContain('None of these');
      screen.keypress('1'); // None of these
      screen.keypress('enter');
    }

    await until('First session date');
    screen.type('2027-01-05');
    screen.keypress('enter');

    const answers = await finish(done);
    expect(answers).toEqual({
      client: 'Ana',
      concerns: ['acne-scars=severe'],
      zones: ['cheeks'],
      fitzpatrick: 'III',
      painTolerance: 'normal',
      age: '35',
      conditions: [],
      screened: true,
      start: '2027-01-05',
    });
    expect(parseIntake(answers, rules).ok).toBe(true);
  });

  it('asks only what the flags left open', async () => {
    const flags: RawIntake = { client: 'C-1', concerns: ['acne-scars'], zones: ['cheeks'], fitzpatrick: '4', age: '40', screened: true, start: '2027-01-05' };
    const done = consult(flags, rules);
    // Severity is the first open question: client, concerns and the rest came as flags.
    const first = await until('Severity of acne scars');
    expect(first).not.toContain('Client name');
    screen.keypress('enter'); // moderate
    await until('Pain tolerance');
    screen.keypress('enter');
    expect(await finish(done)).toEqual({ ...flags, concerns: ['acne-scars=moderate'], painTolerance: 'normal' });
  });

  it('shows the intake schema\'s message at the prompt and re-asks', async () => {
    const done = consult({ client: 'x', concerns: ['texture=mild'], zones: ['cheeks'], fitzpatrick: 'II', painTolerance: 'low', screened: true, start: '2027-01-05' }, rules);
    await until('Age in years');
    screen.type('abc');
    screen.keypress('enter');
    expect(await until('is not a whole number')).toContain('age "abc" is not a whole number of years (0-120)');
    for (let i = 0; i < 3; i++) screen.keypress('backspace');
    screen.keypress('enter'); // blank: age is optional
    expect((await finish(done)).age).toBeUndefined();
  });

  it('refuses a first-session date outside the planning window at the prompt', async () => {
    const done = consult({ client: 'x', concerns: ['texture=mild'], zones: ['cheeks'], fitzpatrick: 'II', painTolerance: 'low', age: '30', screened: true }, rules, { today: '2026-11-25' });
    await until('First session date');
    screen.type('0207-01-05');
    screen.keypress('enter');
    expect(await until('is outside')).toContain('start date 0207-01-05 is outside 2025-01-01 to 2036-12-31');
    for (let i = 0; i < 10; i++) screen.keypress('backspace');
    screen.type('2027-01-05');
    screen.keypress('enter');
    expect((await finish(done)).start).toBe('2027-01-05');
  });

  it('offers only concerns that fit zones given as flags', async () => {
    const done = consult({ client: 'x', zones: ['abdomen'], severity: 'mild', fitzpatrick: 'II', painTolerance: 'low', age: '30', screened: true, start: '2027-01-05' }, rules);
    const concerns = await until('Concerns to treat');
    expect(concerns).toContain('Stretch marks');
    expect(concerns).not.toContain('Acne scars');
    screen.keypress('1');
    screen.keypress('enter');
    // --severity covered it, so no severity question was asked.
    const answers = await finish(done);
    expect(answers.concerns).toEqual(['stretch-marks']);
    const parsed = parseIntake(answers, rules);
    expect(parsed.ok && parsed.intake.concerns).toEqual([{ id: 'stretch-marks', severity: 'mild' }]);
  });

  it('screening: "None of these" is exclusive, a yes is kept, conditions from flags start ticked', async () => {
    const done = consult(
      { client: 'x', concerns: ['texture=mild'], zones: ['cheeks'], fitzpatrick: 'II', painTolerance: 'low', age: '30', conditions: ['blood-thinners'], start: '2027-01-05' },
      rules,
    );
    await until('Ask the screening questions now?');
    screen.keypress('enter');
    const first = await until('Pregnancy and medicines: which apply?');
    expect(first).toMatch(/◉ Does the client take blood thinners/);
    screen.keypress('1'); // also tick "None of these": not allowed with a yes
    screen.keypress('enter');
    expect(await until("can't go with")).toContain('"None of these" can\'t go with a question answered yes');
    screen.keypress('1'); // untick it again
    screen.keypress('enter');
    await until('The skin right now');
    screen.keypress('enter'); // nothing ticked: must pick
    expect(await until('Pick the ones that apply')).toContain('or "None of these"');
    screen.keypress('1');
    screen.keypress('enter');
    await until('Health history and allergies');
    screen.keypress('1');
    screen.keypress('enter');
    await until('Recent sun and treatments');
    screen.keypress('2'); // Sunburn or tanning in the last 2 weeks
    screen.keypress('enter');
    const answers = await finish(done);
    expect(answers.conditions).toEqual(['blood-thinners', 'recent-sunburn']);
    expect(answers.screened).toBe(true);
  });

  it('declining the screening leaves the plan unscreened', async () => {
    const done = consult({ client: 'x', concerns: ['texture=mild'], zones: ['cheeks'], fitzpatrick: 'II', painTolerance: 'low', age: '30', start: '2027-01-05' }, rules);
    await until('Ask the screening questions now?');
    screen.type('n');
    screen.keypress('enter');
    const answers = await finish(done);
    expect(answers.screened).toBeUndefined();
    const parsed = parseIntake(answers, rules);
    expect(parsed.ok && parsed.intake.screened).toBe(false);
  });

  it('validates the start date with the intake schema', async () => {
    const done = consult({ client: 'x', concerns: ['texture=mild'], zones: ['cheeks'], fitzpatrick: 'II', painTolerance: 'low', age: '30', screened: true }, rules);
    await until('First session date');
    screen.type('2027-02-30');
    screen.keypress('enter');
    expect(await until('not a real date')).toContain('"2027-02-30" is not a real date');
    for (let i = 0; i < 10; i++) screen.keypress('backspace');
    screen.type('5 Jan');
    screen.keypress('enter');
    expect(await until('must be written YYYY-MM-DD')).toContain('(e.g. 2027-01-05)');
    for (let i = 0; i < 5; i++) screen.keypress('backspace');
    screen.type('2027-1-5');
    screen.keypress('enter');
    expect((await finish(done)).start).toBe('2027-1-5');
  });

  it('rejects, at the concerns prompt, a choice that leaves a zone from the flags untreated', async () => {
    const done = consult({ client: 'x', zones: ['cheeks', 'abdomen'], severity: 'mild', fitzpatrick: 'II', painTolerance: 'low', age: '30', screened: true, start: '2027-01-05' }, rules);
    const concerns = await until('Concerns to treat');
    expect(concerns).toContain('Acne scars');
    expect(concerns).toContain('Stretch marks');
    screen.keypress('7'); // Acne scars only: the abdomen has no concern
    screen.keypress('enter');
    expect(await until('fits none')).toContain('zone abdomen fits none of the chosen concerns (acne-scars)');
    screen.keypress('8'); // and Stretch marks
    screen.keypress('enter');
    // Each zone fits one of the two: the areas follow without a question.
    const answers = await finish(done);
    expect(answers.areas).toEqual(['cheeks:acne-scars', 'abdomen:stretch-marks']);
    expect(answers.concerns).toBeUndefined();
  });

  it('asks per zone which concerns are treated there, offering only those that fit it', async () => {
    const flags: RawIntake = { client: 'x', concerns: ['acne-scars=severe', 'pigmentation=mild'], zones: ['cheeks', 'forehead', 'neck'], fitzpatrick: 'III', painTolerance: 'normal', age: '30', screened: true, start: '2027-01-05' };
    const done = consult(flags, rules);
    const cheeks = await until('Concerns treated on the cheeks:');
    expect(cheeks).toContain('Acne scars');
    expect(cheeks).toContain('Pigmentation / discoloration');
    screen.keypress('1'); // Acne scars
    screen.keypress('enter');
    await until('Concerns treated on the forehead:');
    screen.keypress('2'); // Pigmentation
    screen.keypress('enter');
    await until('Concerns treated on the neck:');
    screen.keypress('2');
    screen.keypress('enter');
    const summary = await until('Plan with these answers?');
    expect(summary).toContain('Cheeks        acne-scars (severe)');
    expect(summary).toContain('Forehead      pigmentation (mild)');
    screen.keypress('enter');
    const answers = await done;
    expect(answers.areas).toEqual(['cheeks:acne-scars=severe', 'forehead:pigmentation=mild', 'neck:pigmentation=mild']);
    const parsed = parseIntake(answers, rules);
    expect(parsed.ok && parsed.intake.areas.map((a) => a.zone)).toEqual(['cheeks', 'forehead', 'neck']);
  });

  it('asks where an in-area condition is, and the summary changes one answer', async () => {
    const flags: RawIntake = { client: 'x', areas: ['cheeks:acne-scars=severe', 'forehead:pigmentation=mild'], fitzpatrick: 'III', painTolerance: 'normal', age: '30', conditions: ['active-acne'], start: '2027-01-05' };
    const done = consult(flags, rules);
    await until('Ask the screening questions now?');
    screen.type('n');
    screen.keypress('enter');
    const where = await until('Active inflamed acne in the area: in which zones?');
    expect(where).toContain('Cheeks');
    screen.keypress('1'); // Cheeks
    screen.keypress('enter');
    expect(await until('Plan with these answers?')).toContain('active-acne (cheeks)');
    // Change the age: only that question again, then the summary again.
    const downs = rules.devices.devices.length > 1 ? 6 : 5; // client, treatment, (device,) skin type, pain, age
    for (let i = 0; i < downs; i++) screen.keypress('down');
    await until('❯ Change: age');
    screen.keypress('enter');
    await until('Age in years');
    screen.type('41');
    screen.keypress('enter');
    expect(await until('age 41')).toContain('Plan with these answers?');
    screen.keypress('enter');
    const answers = await done;
    expect(answers).toMatchObject({ age: '41', conditions: ['active-acne@cheeks'] });
  });

  it('asks which condition a name that fits two means ("cold sore"), never guessing', async () => {
    const done = consult({ client: 'x', concerns: ['texture=mild'], zones: ['perioral'], fitzpatrick: 'III', painTolerance: 'normal', age: '30', screened: true, conditions: ['cold sore'], start: '2027-01-05' }, rules);
    const asked = await until('"cold sore" could mean:');
    expect(asked).toContain('Active infection or cold sore in the area');
    expect(asked).toContain('History of cold sores (perioral zone)');
    screen.keypress('down');
    screen.keypress('enter');
    expect((await finish(done)).conditions).toEqual(['cold-sore-history']);
  });

  it('Ctrl-C at a prompt rejects with inquirer\'s ExitPromptError (the shell exits 130)', async () => {
    const done = consult({}, rules);
    await until('Client name or id');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ name: 'ExitPromptError' });
  });
});
