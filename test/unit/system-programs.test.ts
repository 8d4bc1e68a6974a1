// The helper every chromium / tmux / bash test asks: skip with one line on a bare machine,
// fail under NEEDLEPLAN_SYSTEM_TESTS=require (what .ci/run sets).
import { describe, expect, it } from 'vitest';
import { findProgram, systemProgram } from '../helpers/system.js';

const MISSING = 'needleplan-no-such-program-7f3a';

describe('systemProgram', () => {
  it('is true for a program on PATH, and prints nothing', () => {
    const lines: string[] = [];
    expect(systemProgram('node', 'install node', { env: { PATH: process.env.PATH }, write: (l) => lines.push(l) })).toBe(true);
    expect(lines).toEqual([]);
    expect(findProgram(process.execPath)).toBe(process.execPath);
  });

  it('skips a missing program with one line saying what to install', () => {
    const lines: string[] = [];
    expect(systemProgram(MISSING, 'apt-get install it', { env: { PATH: process.env.PATH }, write: (l) => lines.push(l) })).toBe(false);
    expect(lines).toEqual([`skipped: ${MISSING} not found (apt-get install it)\n`]);
  });

  it('fails on a missing program under NEEDLEPLAN_SYSTEM_TESTS=require', () => {
    const lines: string[] = [];
    const env = { PATH: process.env.PATH, NEEDLEPLAN_SYSTEM_TESTS: 'require' };
    expect(() => systemProgram(MISSING, 'apt-get install it', { env, write: (l) => lines.push(l) })).toThrow(
      `NEEDLEPLAN_SYSTEM_TESTS=require and ${MISSING} not found (apt-get install it)`,
    );
    expect(lines).toEqual([]);
    expect(systemProgram('node', 'install node', { env })).toBe(true);
  });
});
