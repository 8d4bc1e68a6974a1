// Issue 10, items 3-6, through the built bin: special files as outputs (-o onto a symlink,
// a FIFO, a device, a read-only file), rule files that are not plain files, stdout and
// stderr that fail (/dev/full, a reader gone), and a batch whose second output fails.
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { fixture } from '../helpers/batch.js';
import { spawnCli, STACK } from '../helpers/spawn-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'needleplan-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PLAN = ['plan', '-c', 'acne-scars=severe', '-z', 'cheeks', '--fitzpatrick', 'III', '--screened', '--no-input'];
const linux = process.platform === 'linux';
const root = process.getuid?.() === 0;
const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;
const hasMknod = spawnSync('mknod', ['--version']).status === 0;

let n = 0;
const fresh = (name: string) => {
  const d = join(dir, `${name}-${++n}`);
  mkdirSync(d);
  return d;
};
/** Only the files a run left behind, temporaries included. */
const leftovers = (d: string) => readdirSync(d).filter((f) => f.startsWith('.needleplan-'));

describe('item 3: -o onto special files (contract, "Output files")', () => {
  it('a symlink: the link stays, its target gets the plan', () => {
    const d = fresh('link');
    writeFileSync(join(d, 'real.txt'), 'old');
    symlinkSync('real.txt', join(d, 'plan.txt'));
    const r = runCli([...PLAN, '-o', join(d, 'plan.txt')]);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(lstatSync(join(d, 'plan.txt')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(d, 'plan.txt'))).toBe('real.txt');
    expect(readFileSync(join(d, 'real.txt'), 'utf8')).toContain('Microneedling plan');
    expect(leftovers(d)).toEqual([]);
  });

  it('a read-only target keeps its mode', () => {
    const d = fresh('ro');
    const file = join(d, 'plan.txt');
    writeFileSync(file, 'old');
    chmodSync(file, 0o444);
    const r = runCli([...PLAN, '-o', file]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(statSync(file).mode & 0o777).toBe(0o444);
    expect(readFileSync(file, 'utf8')).toContain('Microneedling plan');
  });

  it.runIf(hasMkfifo)('a FIFO is written in place and stays a FIFO', async () => {
    const d = fresh('fifo');
    const fifo = join(d, 'out.fifo');
    spawnSync('mkfifo', [fifo]);
    const cat = spawnSync('sh', ['-c', `cat "${fifo}" > "${join(d, 'got.txt')}" & node "${ROOT}bin/needleplan.js" ${PLAN.join(' ')} -o "${fifo}"; echo $? > "${join(d, 'rc')}"; wait`], {
      env: { ...process.env, NO_COLOR: '1', NEEDLEPLAN_TODAY: '2026-11-25' },
      timeout: 20_000,
    });
    expect(cat.status).toBe(0);
    expect(readFileSync(join(d, 'rc'), 'utf8').trim()).toBe('0');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readFileSync(join(d, 'got.txt'), 'utf8')).toContain('Microneedling plan');
  });

  it('a device node is written in place, never replaced (mknod in a temp folder, as root)', (ctx) => {
    if (!root || !linux || !hasMknod) {
      console.log(hasMknod ? 'skipped: making a device node (mknod) needs root on Linux' : 'skipped: mknod not found (coreutils)');
      ctx.skip();
    }
    const d = fresh('dev');
    const dev = join(d, 'null');
    expect(spawnSync('mknod', [dev, 'c', '1', '3']).status).toBe(0); // the same device as /dev/null
    const r = runCli([...PLAN, '-o', dev]);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(lstatSync(dev).isCharacterDevice()).toBe(true);
    expect(leftovers(d)).toEqual([]);
  });

  it('an output name of 255 bytes works (the temporary has a short name of its own)', () => {
    const d = fresh('long');
    for (const length of [244, 250, 255]) {
      const name = `${'p'.repeat(length - 4)}.txt`;
      const r = runCli([...PLAN, '-o', join(d, name)]);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(existsSync(join(d, name))).toBe(true);
    }
    expect(leftovers(d)).toEqual([]);
  });

  it('-o "" says the name is empty (plan and batch), exit 2', () => {
    const p = runCli([...PLAN, '-o', '']);
    expect(p.code).toBe(2);
    expect(p.stderr).toBe('needleplan: the output file name is empty; give a file name, or - for stdout\n');
    const b = runCli(['batch', fixture('sample-clients.csv'), '-o', '']);
    expect(b).toMatchObject({ code: 2, stdout: '' });
    expect(b.stderr).toBe('needleplan: -o: the output file name is empty; give a file name, or - for stdout\n');
  });
});

describe('item 4: rule files that are not plain files', () => {
  const rulesWith = (make: (zones: string) => void) => {
    const d = fresh('rules');
    make(join(d, 'zones.json'));
    return d;
  };
  const expectRefused = (r: { code: number | null; stdout: string; stderr: string }, words: RegExp) => {
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(words);
    expect(r.stderr).not.toMatch(STACK);
  };

  it('a symlink to /dev/zero (outside the folder) is refused at once, not read', () => {
    const d = rulesWith((z) => symlinkSync('/dev/zero', z));
    expectRefused(runCli([...PLAN, '--rules', d]), /zones\.json: is a symbolic link to \/dev\/zero, outside the rules folder; copy that file into the folder/);
  });

  it('a symlink to a rule file outside the folder is refused (the -o guard could not protect it)', () => {
    const d = rulesWith((z) => symlinkSync(join(ROOT, 'rules', 'zones.json'), z));
    expectRefused(runCli(['rules', 'validate', d]), /outside the rules folder/);
  });

  it('a symlink inside the folder to a file inside it is fine', () => {
    const d = fresh('rules-inner-link');
    writeFileSync(join(d, 'zones-v2.txt'), readFileSync(join(ROOT, 'rules', 'zones.json')));
    symlinkSync('zones-v2.txt', join(d, 'zones.json'));
    const r = runCli(['rules', 'validate', d]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^OK: /m);
  });

  it.runIf(hasMkfifo)('a FIFO is refused without hanging (plan, rules validate, plan --help)', () => {
    const d = rulesWith((z) => spawnSync('mkfifo', [z]));
    const started = Date.now();
    expectRefused(runCli([...PLAN, '--rules', d]), /zones\.json: is not a regular file \(a FIFO\); a rule file must be a plain JSON file/);
    expectRefused(runCli(['rules', 'validate', d]), /a FIFO/);
    const help = runCli(['plan', '--rules', d, '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('could not read');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('a device node inside the folder is refused (mknod, as root)', (ctx) => {
    if (!root || !linux || !hasMknod) {
      console.log(hasMknod ? 'skipped: making a device node (mknod) needs root on Linux' : 'skipped: mknod not found (coreutils)');
      ctx.skip();
    }
    const d = rulesWith((z) => spawnSync('mknod', [z, 'c', '1', '5'])); // /dev/zero's numbers
    expectRefused(runCli([...PLAN, '--rules', d]), /zones\.json: is not a regular file \(a device\)/);
  });

  it('a file over 1 MiB is refused, and the message says the limit', () => {
    const d = rulesWith((z) => writeFileSync(z, `{"zones": [], "pad": "${'x'.repeat(1 << 20)}"}`));
    expectRefused(runCli(['rules', 'validate', d]), /zones\.json: is 1 MiB; a rule file may be at most 1 MiB \(a clinic's rules are a few kilobytes\)/);
  });

  it('a file that is not UTF-8 names its line and column; UTF-16 is named', () => {
    const d = fresh('rules-latin1');
    writeFileSync(join(d, 'ruleset.json'), Buffer.from('{\n  "name": "Arriv\xe9e"\n}\n', 'latin1'));
    const r = runCli(['rules', 'validate', d]);
    expectRefused(r, /ruleset\.json:2:17: is not UTF-8: an invalid byte \(0xe9\) here; save the file as UTF-8/);
    const u = fresh('rules-utf16');
    writeFileSync(join(u, 'ruleset.json'), Buffer.from('{"name": "x"}', 'utf16le'));
    expectRefused(runCli(['rules', 'validate', u]), /ruleset\.json:1:2: holds a NUL byte \(it looks like UTF-16 text without a BOM\); save it as UTF-8 text/);
  });

  it('--rules "" is exit 2, never the built-in set in silence', () => {
    const r = runCli([...PLAN, '--rules', '']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe('needleplan: the rules folder name is empty; give a rules folder, or leave it out for the built-in rules\n');
    expect(runCli(['rules', 'validate', '']).code).toBe(2);
  });
});

/** Runs the bin with stdout on /dev/full. */
function toFull(args: readonly string[]) {
  const fd = openSync('/dev/full', 'w');
  try {
    const r = spawnSync(process.execPath, [`${ROOT}bin/needleplan.js`, ...args], {
      stdio: ['ignore', fd, 'pipe'],
      env: { ...process.env, NO_COLOR: '1', NEEDLEPLAN_TODAY: '2026-11-25', NEEDLEPLAN_RULES: '' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    return { code: r.status, stderr: r.stderr };
  } finally {
    closeSync(fd);
  }
}

describe('item 5: stdout and stderr that fail', () => {
  it.runIf(linux)('stdout on /dev/full: one line, exit 74 (help, plan, batch, rules show)', () => {
    for (const args of [['--help'], ['plan', '--help'], PLAN, ['batch', fixture('sample-clients.csv'), '--quiet'], ['rules', 'show'], ['rules', 'show', '-f', 'json']]) {
      const r = toFull(args);
      // batch lists its rejected rows first (line 12 of the sample), then the one line.
      const last = r.stderr.split('\n').filter((l) => !l.includes('sample-clients.csv:')).join('\n');
      expect({ args, code: r.code, last }).toEqual({ args, code: 74, last: 'needleplan: cannot write to stdout: the disk is full\n' });
    }
  });

  it.runIf(linux)('batch -o /dev/full and --rejects /dev/full: exit 74 naming the file', () => {
    // Many rejected rows too: the rejects are written while rows are still read (64 KB at a
    // time), and a write after the disk filled must end the batch, not wait for a drain.
    const many = join(fresh('full-many'), 'many.csv');
    writeFileSync(many, `client,concerns,zones,fitzpatrick\n${'Ann,botox,cheeks,II\n'.repeat(5000)}`);
    for (const [file, flag] of [[fixture('sample-clients.csv'), '-o'], [fixture('sample-clients.csv'), '--rejects'], [many, '--rejects']] as const) {
      const r = runCli(['batch', file, '--quiet', flag, '/dev/full', ...(flag === '-o' ? [] : ['-o', join(fresh('full'), 'plans.csv')])]);
      expect(r.code).toBe(74);
      expect(r.stderr).toMatch(/^(.*\n)*needleplan: cannot write \/dev\/full: the disk is full\n$/);
      expect(r.stderr).not.toMatch(STACK);
    }
  });

  it('stdout closed by its reader (| head): quiet, no stack', async () => {
    const big = join(fresh('big'), 'big.csv');
    const row = 'C-1,acne-scars,cheeks,severe,III,yes\n';
    writeFileSync(big, `client,concerns,zones,severity,fitzpatrick,screened\n${row.repeat(20_000)}`);
    const s = spawnCli(['batch', big, '--quiet']);
    s.child.stdout!.once('data', () => s.child.stdout!.destroy());
    const r = await s.done;
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('stderr closed by its reader: the batch ends as it would (exit 1, plans written), no crash', async () => {
    const d = fresh('stderr-epipe');
    const s = spawnCli(['batch', fixture('sample-clients.csv'), '-o', join(d, 'plans.csv')]);
    s.child.stderr!.destroy();
    const r = await s.done;
    expect(r.code).toBe(1);
    expect(readFileSync(join(d, 'plans.csv'), 'utf8')).toMatch(/^client,status,/);
    expect(leftovers(d)).toEqual([]);
  });
});

describe('item 6: a batch that fails replaces neither output', () => {
  it('--rejects a folder: exit 74 before planning; plans.csv is left as it was', () => {
    const d = fresh('both');
    writeFileSync(join(d, 'plans.csv'), 'OLD\n');
    mkdirSync(join(d, 'somefolder'));
    const r = runCli(['batch', fixture('sample-clients.csv'), '-o', 'plans.csv', '--rejects', 'somefolder'], { cwd: d });
    expect(r).toMatchObject({ code: 74, stdout: '', stderr: 'needleplan: cannot write somefolder: it is a folder\n' });
    expect(readFileSync(join(d, 'plans.csv'), 'utf8')).toBe('OLD\n');
    expect(leftovers(d)).toEqual([]);
  });

  it.runIf(linux)('--rejects on a full device: plans.csv is left as it was', () => {
    const d = fresh('both-full');
    writeFileSync(join(d, 'plans.csv'), 'OLD\n');
    const r = runCli(['batch', fixture('sample-clients.csv'), '-o', 'plans.csv', '--rejects', '/dev/full', '--quiet'], { cwd: d });
    expect(r.code).toBe(74);
    expect(r.stderr).toMatch(/needleplan: cannot write \/dev\/full: the disk is full\n$/);
    expect(readFileSync(join(d, 'plans.csv'), 'utf8')).toBe('OLD\n');
    expect(leftovers(d)).toEqual([]);
  });

  it('-o into a missing folder fails before a row is planned, and leaves no rejects file', () => {
    const d = fresh('missing');
    const r = runCli(['batch', fixture('sample-clients.csv'), '-o', 'nope/plans.csv', '--rejects', 'rejects.csv'], { cwd: d });
    expect(r).toMatchObject({ code: 74, stdout: '', stderr: 'needleplan: cannot write nope/plans.csv: no such folder\n' });
    expect(readdirSync(d)).toEqual([]);
  });
});
