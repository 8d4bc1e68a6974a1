// After a consultation: saving the plan in the renderer table's other formats.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen } from '@inquirer/testing/vitest';
import { checkSavePath, defaultFileName, offerSave } from '../../src/consult/save.js';
import { plan } from '../../src/engine/plan.js';
import { BUILTIN_RULES_DIR } from '../../src/shell/rules-dir.js';
import { builtinRules, makeIntake, TODAY } from '../helpers/builders.js';
import { Writable } from 'node:stream';

const rules = builtinRules();
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'np-save-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Collects what offerSave reports ("Saved ..."). */
function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, cb) {
      text += String(chunk);
      cb();
    },
  });
  return { stream, text: () => text };
}

async function until(text: string): Promise<string> {
  for (let i = 0; i < 20; i++) {
    if (screen.getScreen().includes(text)) return screen.getScreen();
    await screen.next();
  }
  throw new Error(`never showed "${text}"; screen:\n${screen.getScreen()}`);
}

describe('save helpers', () => {
  it('names the file after the client and the day', () => {
    const p = plan(makeIntake({ client: 'Ána  López / C-7' }), rules, TODAY);
    expect(defaultFileName(p, 'json')).toBe('ana-lopez-c-7-2026-11-25.json');
    expect(defaultFileName(plan(makeIntake(), rules, TODAY), 'markdown')).toBe('plan-2026-11-25.md');
    expect(defaultFileName(plan(makeIntake(), rules, TODAY), 'fhir')).toBe('plan-2026-11-25.fhir.json');
  });

  it('refuses a file inside the rules folder', () => {
    const ctx = { protectedFolders: [BUILTIN_RULES_DIR] };
    expect(checkSavePath(join(BUILTIN_RULES_DIR, 'zones.json'), ctx)).toMatch(/inside the rules folder/);
    expect(checkSavePath(join(dir, 'plan.json'), ctx)).toBe(true);
    expect(checkSavePath('  ', ctx)).toBe('Give a file name');
  });
});

describe('offerSave', () => {
  it('saves JSON where asked, then stops; the calendar needs dated sessions', async () => {
    const p = plan(makeIntake({ client: 'Ana' }), rules, TODAY); // no start date
    const out = sink();
    const done = offerSave(p, { output: out.stream, protectedFolders: [BUILTIN_RULES_DIR] });
    const menu = await until('Save this plan?');
    expect(menu).toMatch(/Calendar \(\.ics\) \(needs --start YYYY-MM-DD\)/);
    screen.keypress('down'); // JSON
    screen.keypress('enter');
    expect(await until('File name')).toContain('ana-2026-11-25.json');
    const target = join(dir, 'ana.json');
    screen.type(target);
    screen.keypress('enter');
    await until('Save it in another format too?');
    screen.keypress('enter'); // No, done
    await done;
    expect(JSON.parse(readFileSync(target, 'utf8'))).toMatchObject({ schemaVersion: 1, client: 'Ana' });
    expect(out.text()).toBe(`Saved ${target}\n`);
  });

  it('asks before replacing a file, and keeps it when told no', async () => {
    const target = join(dir, 'old.json');
    writeFileSync(target, 'keep me');
    const done = offerSave(plan(makeIntake(), rules, TODAY), { output: sink().stream, protectedFolders: [] });
    await until('Save this plan?');
    screen.keypress('down');
    screen.keypress('enter');
    await until('File name');
    screen.type(target);
    screen.keypress('enter');
    await until('exists. Replace it?');
    screen.keypress('enter'); // default: no
    await until('Save this plan?');
    screen.keypress('enter'); // No
    await done;
    expect(readFileSync(target, 'utf8')).toBe('keep me');
  });

  it('a file that cannot be written is reported and the menu comes back', async () => {
    const out = sink();
    const done = offerSave(plan(makeIntake(), rules, TODAY), { output: out.stream, protectedFolders: [] });
    await until('Save this plan?');
    screen.keypress('down');
    screen.keypress('enter');
    await until('File name');
    screen.type(join(dir, 'no-such-folder', 'plan.json'));
    screen.keypress('enter');
    await until('Save this plan?');
    screen.keypress('enter'); // No
    await done;
    expect(out.text()).toMatch(/^cannot write .*no-such-folder.*plan\.json/);
  });
});
