// Issue 10, item 7, through the built bin: SIGTERM, SIGHUP and SIGINT in the middle of a
// batch whose stdin pipe stays open and idle (the writer never closes it). The process
// must end at once with 128 + the signal's number and one line, leaving no temporary file
// (they hold health data) and neither output.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/batch.js';
import { spawnCli, waitFor, STACK } from '../helpers/spawn-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'needleplan-signals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CASES = [
  { signal: 'SIGTERM', code: 143, line: 'needleplan: interrupted (SIGTERM)\n' },
  { signal: 'SIGHUP', code: 129, line: 'needleplan: interrupted (SIGHUP)\n' },
  { signal: 'SIGINT', code: 130, line: 'needleplan: interrupted\n' },
] as const;

describe.runIf(process.platform !== 'win32')('item 7: signals during a batch', () => {
  for (const { signal, code, line } of CASES)
    it(`${signal}: exit ${code} at once, one line, no temporary file left, no output`, async () => {
      const d = join(dir, signal);
      mkdirSync(d);
      const s = spawnCli(['batch', '-', '-o', 'plans.csv', '--rejects', 'rejects.csv'], { cwd: d });
      // Rows planned and rejected, then the pipe stays open with nothing more to read.
      s.child.stdin!.write(readFileSync(fixture('sample-clients.csv')));
      const temps = () => readdirSync(d).filter((f) => f.startsWith('.needleplan-'));
      expect(await waitFor(() => temps().length === 2)).toBe(true);
      await new Promise((r) => setTimeout(r, 200)); // the rows are in the temporaries by now
      const sent = Date.now();
      s.child.kill(signal);
      const r = await s.done;
      expect(Date.now() - sent).toBeLessThan(3000);
      expect(r.code).toBe(code);
      expect(r.stdout).toBe('');
      expect(r.stderr.endsWith(line)).toBe(true);
      expect(r.stderr).not.toMatch(STACK);
      expect(readdirSync(d)).toEqual([]);
      s.child.stdin!.destroy();
    });
});
