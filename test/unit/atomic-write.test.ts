// Output files as the contract's "Output files" says: atomic for a regular file (mode
// kept), the target of a symlink replaced (the link stays), a FIFO written in place, no
// temporary left behind, and a failure that leaves the old file as it was (exit 74).
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAtomicFile, writeFileAtomic } from '../../src/shell/atomic-write.js';
import { UserError } from '../../src/errors.js';

const root = mkdtempSync(join(tmpdir(), 'needleplan-atomic-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const folder = () => {
  const dir = join(root, `case-${n++}`);
  mkdirSync(dir);
  return dir;
};

describe('writeFileAtomic', () => {
  it('replaces a regular file and keeps its permissions, leaving no temporary', () => {
    const dir = folder();
    const file = join(dir, 'plan.txt');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['plan.txt']);
  });

  it('follows a symlink: the target is replaced, the link stays a link', () => {
    const dir = folder();
    writeFileSync(join(dir, 'real.txt'), 'old');
    symlinkSync('real.txt', join(dir, 'link.txt'));
    writeFileAtomic(join(dir, 'link.txt'), 'new');
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.txt'), 'utf8')).toBe('new');
  });

  it('writes a FIFO in place instead of renaming a regular file over it', async () => {
    const dir = folder();
    const fifo = join(dir, 'pipe');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      console.log('skipped: mkfifo not found');
      return;
    }
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString()));
    const closed = new Promise((r) => reader.on('close', r));
    writeFileAtomic(fifo, 'through the pipe');
    await closed;
    expect(got).toBe('through the pipe');
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('takes a name of 250 bytes (the temporary name is short)', () => {
    const dir = folder();
    const name = `${'a'.repeat(246)}.txt`;
    writeFileAtomic(join(dir, name), 'ok');
    expect(readFileSync(join(dir, name), 'utf8')).toBe('ok');
  });

  it('a folder, an empty name or a missing folder is exit 74 or 2 and changes nothing', () => {
    const dir = folder();
    const error = (fn: () => void) => {
      try {
        fn();
      } catch (e) {
        return e as UserError;
      }
      throw new Error('did not throw');
    };
    expect(error(() => writeFileAtomic(dir, 'x')).exitCode).toBe(74);
    expect(error(() => writeFileAtomic(join(dir, 'no', 'such.txt'), 'x')).message).toMatch(/no such folder/);
    expect(error(() => writeFileAtomic('', 'x')).exitCode).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('openAtomicFile', () => {
  it('publishes only on commit, and discard leaves the old file', async () => {
    const dir = folder();
    const file = join(dir, 'plans.csv');
    writeFileSync(file, 'old');
    const out = openAtomicFile(file);
    out.stream.end('new');
    await new Promise<void>((r) => out.stream.on('finish', () => r()));
    expect(readFileSync(file, 'utf8')).toBe('old');
    out.commit();
    expect(readFileSync(file, 'utf8')).toBe('new');
    const again = openAtomicFile(file);
    again.stream.write('half');
    again.discard();
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['plans.csv']);
  });
});
