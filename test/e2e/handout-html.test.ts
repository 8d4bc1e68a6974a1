// The HTML handout in a real headless browser (Debian's chromium): it renders, shows the
// dates and depths, prints on A4, and a client name full of markup stays text. Screenshots
// go to test/output/ (gitignored) for a person to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { CHROMIUM, dumpDom, pngSize, printToPdf, screenshot } from '../helpers/handout-browser.js';
import { systemProgram } from '../helpers/system.js';
import { handoutCase } from '../fixtures/handout/cases.js';

const hasChromium = systemProgram(CHROMIUM, 'apt-get install chromium fonts-dejavu-core, or set CHROMIUM_BIN');
const OUTPUT = join(ROOT, 'test', 'output');
const dir = mkdtempSync(join(tmpdir(), 'needleplan-html-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeHtml(name: string, args: readonly string[]): string {
  const file = join(dir, `${name}.html`);
  const r = runCli(['plan', ...args, '--no-input', '-f', 'html', '-o', file]);
  expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  return file;
}

/** Visible text of a serialized DOM: tags dropped, the few entities chromium writes decoded. */
const textOf = (dom: string) =>
  dom
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe.runIf(hasChromium)('the ready handout in chromium', () => {
  let file: string;
  let dom: string;
  beforeAll(() => {
    file = writeHtml('ready', handoutCase('ready').args);
    dom = dumpDom(file);
  });

  it('renders the handout with its dates and depths', () => {
    const text = textOf(dom);
    expect(dom).toContain('<h1>Your microneedling plan</h1>');
    expect(text).toContain('Cheeks Acne scars 2.0 mm');
    expect(text).toContain('Forehead Acne scars 0.5 mm');
    for (const date of ['2027-01-05', '2027-02-16', '2027-10-26', '2028-04-26']) expect(text).toContain(date);
    expect(text).toContain('from 2026-12-31 (Thu)');
    expect(text).toContain('decision support for a trained practitioner, not a prescription');
  });

  it('writes an A4-width screenshot (and a phone-width one) to test/output/', () => {
    mkdirSync(OUTPUT, { recursive: true });
    const a4 = join(OUTPUT, 'handout-ready-a4.png');
    screenshot(file, a4);
    expect(pngSize(readFileSync(a4))).toEqual({ width: 794, height: 1123 });
    const phone = join(OUTPUT, 'handout-ready-phone.png');
    screenshot(file, phone, 390, 844);
    expect(pngSize(readFileSync(phone))).toEqual({ width: 390, height: 844 });
  });

  it('prints on A4 pages', () => {
    const pdf = printToPdf(file, join(dir, 'ready.pdf')).toString('latin1');
    const boxes = [...pdf.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThan(0);
    expect(boxes.length).toBeLessThanOrEqual(3);
    // A4 is 595 x 842 points.
    for (const box of boxes) expect(box).toEqual([595, 842]);
  });
});

describe.runIf(hasChromium)('a not-eligible handout in chromium', () => {
  it('says treatment is not scheduled now, and why', () => {
    const dom = dumpDom(writeHtml('not-eligible', handoutCase('not-eligible').args));
    const text = textOf(dom);
    expect(text).toContain('Treatment is not scheduled now.');
    expect(text).toContain('Microneedling is not done during pregnancy or breastfeeding.');
    expect(dom).toContain('class="status-not-eligible"');
    expect(dom).not.toContain('<table');
  });
});

describe.runIf(hasChromium)('a client name with markup', () => {
  const name = `Eve <script>document.title="pwned"</script><img src=x onerror="document.title='pwned'"> **bold**`;

  it('renders as text: no element comes from it and the text shows', () => {
    const dom = dumpDom(writeHtml('xss', [...handoutCase('ready').args.slice(2), '--client', name]));
    expect(dom).not.toMatch(/<script|<img|<strong>bold/i);
    expect(dom).not.toContain('pwned</title>');
    expect(textOf(dom)).toContain(`For: ${name} · Planned on`);
    expect(dom).toMatch(/<title>Your microneedling plan: Eve &lt;script&gt;document\.title="pwned"&lt;\/script&gt;/);
  });
});
