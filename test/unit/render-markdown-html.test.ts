// The HTML handout is the markdown handout through marked, in a self-contained page. These
// check the page itself; test/e2e/handout-html.test.ts renders it in a real browser.
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/engine/plan.js';
import { renderHtml } from '../../src/render/html.js';
import { builtinRules, makeIntake, makeRules, TODAY } from '../helpers/builders.js';
import { handoutCase } from '../fixtures/handout/cases.js';

const OPTIONS = { color: false, explain: false };

describe('a self-contained, printable page', () => {
  const html = renderHtml(plan(handoutCase('ready').intake, builtinRules(), TODAY), OPTIONS);

  it('has what a phone and a printer need', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toMatch(/@page \{ size: A4;/);
    expect(html).toContain('@media print');
  });

  it('loads nothing from outside and runs nothing', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'`);
  });

  it('carries the handout: depths, dates, review and footer', () => {
    expect(html).toContain('<td>2.0 mm</td>');
    expect(html).toContain('<td>2027-01-05 (Tue)</td>');
    expect(html).toContain('2028-04-26');
    expect(html).toContain('not a prescription');
  });
});

describe('escaping', () => {
  it('a client name with markup is text, in the title and the page', () => {
    const html = renderHtml(plan(makeIntake({ client: 'Eve <script>alert(1)</script>' }), builtinRules(), TODAY), OPTIONS);
    expect(html).not.toContain('<script');
    expect(html).toContain('<title>Your microneedling plan: Eve &#60;script&#62;alert(1)&#60;/script&#62;</title>');
    expect(html).toContain('Eve &lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it("raw HTML, images and script links in a clinic's rule text are not passed through", () => {
    const rules = makeRules((r) => {
      r.care.after[0]!.text =
        'Use <img src="https://evil.example/x.png"> <script>alert(1)</script> ![pixel](https://evil.example/y.png) [bad](javascript:alert(1)) [leaflet](https://clinic.example/aftercare).';
    });
    const html = renderHtml(plan(makeIntake(), rules, TODAY), OPTIONS);
    expect(html).not.toMatch(/<img|<script|evil\.example\/y|href="javascript/i);
    expect(html).toContain('Use &#60;img src=&#34;https://evil.example/x.png&#34;&#62; &#60;script&#62;alert(1)&#60;/script&#62; pixel bad <a');
    expect(html).toContain('<a href="https://clinic.example/aftercare">leaflet</a>');
  });
});
