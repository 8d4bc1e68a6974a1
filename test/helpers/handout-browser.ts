// A real browser for the HTML handout: Debian's chromium, headless, run once per call
// with a fresh profile and everything that would reach the network turned off.
// CHROMIUM_BIN overrides the binary's name or path.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The browser to run: CHROMIUM_BIN, else chromium on PATH. */
export const CHROMIUM = process.env.CHROMIUM_BIN ?? 'chromium';
const BIN = CHROMIUM;

const FLAGS = [
  '--headless',
  '--no-sandbox', // tests may run as root (CI containers); the page is our own, scriptless file
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--hide-scrollbars',
];

function chromium(args: string[], file: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'needleplan-chromium-'));
  try {
    const result = spawnSync(BIN, [...FLAGS, `--user-data-dir=${profile}`, ...args, pathToFileURL(file).href], {
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 32 * 1024 * 1024,
    });
    if (result.error)
      throw new Error(`cannot run ${BIN} (${result.error.message}); install it with "apt-get install -y chromium" or set CHROMIUM_BIN`);
    if (result.status !== 0) throw new Error(`${BIN} exited ${result.status}: ${result.stderr.slice(-2000)}`);
    return result.stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The DOM after the page has loaded, serialized. */
export const dumpDom = (file: string): string => chromium(['--dump-dom'], file);

/** A PNG of the viewport (A4 at 96 dpi is 794 x 1123). */
export function screenshot(file: string, png: string, width = 794, height = 1123): void {
  chromium([`--screenshot=${png}`, `--window-size=${width},${height}`], file);
}

/** The page printed to PDF, as the browser's print dialog would (CSS @page decides the size). */
export function printToPdf(file: string, pdf: string): Buffer {
  chromium([`--print-to-pdf=${pdf}`, '--no-pdf-header-footer'], file);
  return readFileSync(pdf);
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
