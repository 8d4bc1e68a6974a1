// `needleplan plan -f markdown|ics [-o file]` through the built CLI: the same handout the
// engine and renderer give in the unit tests (one golden file for both), a calendar that
// parses and comes out byte-identical twice, and exit 2 when there is nothing to schedule.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { runCli } from '../helpers/run-cli.js';
import { readGolden, withoutFingerprint } from '../helpers/handout-golden.js';
import { HANDOUT_CASES, handoutCase } from '../fixtures/handout/cases.js';

const dir = mkdtempSync(join(tmpdir(), 'needleplan-handout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const plan = (args: readonly string[]) => runCli(['plan', ...args, '--no-input']);

describe('plan -f markdown', () => {
  it.each(HANDOUT_CASES.map((c) => [c.name, c.args] as const))('%s: stdout is the golden handout', (name, args) => {
    const r = plan([...args, '-f', 'markdown']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(withoutFingerprint(r.stdout)).toBe(readGolden(`${name}.md`));
  });

  it('-o writes the file and prints nothing', () => {
    const out = join(dir, 'ready.md');
    const r = plan([...handoutCase('ready').args, '-f', 'markdown', '-o', out]);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(withoutFingerprint(readFileSync(out, 'utf8'))).toBe(readGolden('ready.md'));
  });
});

describe('plan -f ics', () => {
  it('writes a calendar that parses, with every session and the review on its date', () => {
    const out = join(dir, 'ready.ics');
    const r = plan([...handoutCase('ready').args, '-f', 'ics', '-o', out]);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    const vevents = new ICAL.Component(ICAL.parse(readFileSync(out, 'utf8'))).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    // acne scars, severe: 8 sessions 6 weeks apart from 2027-01-05, review 6 months after the last.
    expect(vevents.map((e) => [e.summary, e.startDate.toString()])).toEqual([
      ['Skin treatment session 1 of 8', '2027-01-05'],
      ['Skin treatment session 2 of 8', '2027-02-16'],
      ['Skin treatment session 3 of 8', '2027-03-30'],
      ['Skin treatment session 4 of 8', '2027-05-11'],
      ['Skin treatment session 5 of 8', '2027-06-22'],
      ['Skin treatment session 6 of 8', '2027-08-03'],
      ['Skin treatment session 7 of 8', '2027-09-14'],
      ['Skin treatment session 8 of 8', '2027-10-26'],
      ['Skin treatment results review', '2028-04-26'],
    ]);
  });

  it('is byte-identical across two runs', () => {
    const first = plan([...handoutCase('clearance').args, '-f', 'ics']);
    const second = plan([...handoutCase('clearance').args, '-f', 'ics']);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
    expect(first.stdout).toMatch(/^BEGIN:VCALENDAR\r\n/);
  });

  it('without --start: exit 2, says what to pass, writes nothing', () => {
    const out = join(dir, 'nostart.ics');
    const args = handoutCase('ready').args.filter((a, i, all) => a !== '--start' && all[i - 1] !== '--start');
    const r = plan([...args, '-f', 'ics', '-o', out]);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'needleplan: --format ics: needs --start YYYY-MM-DD: without a first session date the plan has no dated sessions\n',
    });
    expect(existsSync(out)).toBe(false);
  });

  it('for a client who is not eligible now: exit 2, pointing to the handout', () => {
    const r = plan([...handoutCase('not-eligible').args, '-f', 'ics']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'needleplan: --format ics: this client is not eligible for treatment now, so there are no sessions to put in a calendar; use --format markdown or html for a handout that says why\n',
    );
  });
});
