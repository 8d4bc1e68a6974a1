// The built CLI with its stdio wired by hand, for the cases runCli (spawnSync) cannot
// make: stdout on /dev/full, a stderr whose reader has gone, a stdin pipe kept open while
// a signal arrives.
import { spawn, type StdioOptions } from 'node:child_process';
import { BIN, ROOT, cliEnv } from './run-cli.js';

export interface Spawned {
  child: ReturnType<typeof spawn>;
  /** Resolves with the exit code (128 + n when a signal killed it unhandled is reported as null + signal). */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

export function spawnCli(args: readonly string[], options: { stdio?: StdioOptions; cwd?: string; env?: Record<string, string | undefined> } = {}): Spawned {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: cliEnv(options.env), stdio: options.stdio ?? 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stderr?.on('error', () => {});
  child.stdout?.on('error', () => {});
  child.stdin?.on('error', () => {});
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

/** Polls `check` every 20 ms until it is true or `ms` pass. */
export async function waitFor(check: () => boolean, ms = 10_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}

/** A trace Node prints for an uncaught error: "    at fn (file:line:col)". */
export const STACK = /^\s+at .+[:(]\d+/m;
