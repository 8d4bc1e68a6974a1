// A real terminal for interactive tests: a private tmux server (its own socket file, no
// user config), keys sent with send-keys, the screen read with capture-pane.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class Tmux {
  readonly socket = join(tmpdir(), `needleplan-tmux-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);

  private tmux(...args: string[]): string {
    const r = spawnSync('tmux', ['-S', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
    if (r.error) throw new Error(`tmux is needed for this test (apt-get install -y tmux): ${r.error.message}`);
    if (r.status !== 0) throw new Error(`tmux ${args[0]} failed: ${r.stderr}`);
    return r.stdout;
  }

  /** Runs `command` (a shell line) in a detached 100x200 terminal; tall, so nothing scrolls away. */
  start(command: string, cwd: string): void {
    this.tmux('new-session', '-d', '-s', 'test', '-x', '100', '-y', '200', '-c', cwd, command);
  }

  /** tmux key names ("Enter", "Down", "Space", "C-c") or literal text. */
  send(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'test', ...keys);
  }

  /** Literal text, never read as a key name. */
  type(text: string): void {
    this.tmux('send-keys', '-t', 'test', '-l', text);
  }

  /** The visible screen, without colour, wrapped lines joined. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-t', 'test');
  }

  /** The visible screen with its escape sequences (colour included). */
  screenWithEscapes(): string {
    return this.tmux('capture-pane', '-p', '-e', '-J', '-t', 'test');
  }

  /** Waits until the screen shows `what` (polling); throws with the screen if it never does. */
  async waitFor(what: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (typeof what === 'string' ? screen.includes(what) : what.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`the terminal never showed ${String(what)}; it shows:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  kill(): void {
    spawnSync('tmux', ['-S', this.socket, 'kill-server']);
    rmSync(this.socket, { force: true });
  }
}
