// The markdown handout: golden files for the three ways it reads (ready, needs doctor's
// clearance, not eligible), and the rules it must keep whatever the plan.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { marked } from 'marked';
import { plan } from '../../src/engine/plan.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { escapeMarkdown } from '../../src/render/handout-escape.js';
import { KEEP_MEDICINE } from '../../src/render/handout-findings.js';
import { builtinRules, makeIntake, makeRules, TODAY } from '../helpers/builders.js';
import { expectGolden } from '../helpers/handout-golden.js';
import { HANDOUT_CASES, handoutCase } from '../fixtures/handout/cases.js';

const OPTIONS = { color: false, explain: false };
const rules = builtinRules();
const handout = (overrides: Parameters<typeof makeIntake>[0], r = rules) => renderMarkdown(plan(makeIntake(overrides), r, TODAY), OPTIONS);

describe('golden handouts (built-in rules, today pinned)', () => {
  it.each(HANDOUT_CASES.map((c) => [c.name, c] as const))('%s', (name, c) => {
    const p = plan(c.intake, rules, TODAY);
    expect(p.status).toBe({ ready: 'ready', clearance: 'needs-clearance', 'not-eligible': 'not-eligible' }[name]);
    expectGolden(`${name}.md`, renderMarkdown(p, OPTIONS));
  });
});

describe('the plan at a glance', () => {
  const p = plan(handoutCase('ready').intake, rules, TODAY);
  const md = renderMarkdown(p, OPTIONS);

  it('lists every zone with its depth, every session date and the review date', () => {
    expect(md).toContain('| Cheeks | Acne scars | 2.0 mm |');
    expect(md).toContain('| Forehead | Acne scars | 0.5 mm |');
    for (const s of p.schedule) expect(md).toContain(`| ${s.session} of ${p.schedule.length} | ${s.date} (`);
    expect(md).toContain(`**Results review:** ${p.review!.date}`);
  });

  it('dates before-care from the first session when the start is known', () => {
    expect(p.beforeCare.find((c) => c.id === 'stop-retinoids')!.fromDate).toBe('2026-12-31');
    expect(md).toContain("Stop retinoid and exfoliating-acid skin products 5 days before (a prescribed one, cream or tablet, only with your prescriber's approval). **First session: from 2026-12-31 (Thu).**");
  });

  it('says results develop for up to about six months, from the rules', () => {
    expect(md).toContain(p.resultsNote);
    expect(p.resultsNote).toMatch(/6 months/);
  });

  it('without a start says the dates are still to be booked, and names the earliest date a deferral allows', () => {
    const md2 = handout({ start: null, conditions: ['recent-sunburn'] });
    expect(md2).toContain('**Session dates:** to be booked with your practitioner; the first session can be on or after 2026-12-09 (Wed).');
    expect(md2).not.toContain('### Session dates');
    expect(md2).not.toMatch(/from \d{4}-\d{2}-\d{2}/);
  });

  it('ends with the rule set version and fingerprint and says it is not a prescription', () => {
    expect(md).toContain(`version ${p.rules.version}, fingerprint sha256 \`${p.rules.sha256}\``);
    expect(md).toContain('decision support for a trained practitioner, not a prescription');
  });
});

describe('findings in the client\'s words', () => {
  it('a blood-thinner finding tells the client not to stop or change a prescribed medicine', () => {
    const md = handout({ conditions: ['blood-thinners'] });
    expect(md).toContain("Don't stop or change a prescribed medicine without your prescriber's approval.");
  });

  it("keeps that sentence even when a clinic's rules word the finding without it", () => {
    const clinic = makeRules((r) => {
      const c = r.screening.conditions.find((x) => x.id === 'blood-thinners')!;
      c.clientMessage = 'Tell your doctor about this treatment.';
    });
    const md = handout({ conditions: ['blood-thinners'] }, clinic);
    expect(md).toContain(`Tell your doctor about this treatment. ${KEEP_MEDICINE}`);
  });

  it('uses clientMessage, not the practitioner message', () => {
    const md = handout({ conditions: ['keloid-history'] });
    expect(md).toContain('Because of your scarring history, your doctor needs to approve the treatment first.');
    expect(md).not.toContain('physician clearance first');
  });

  it("leaves out the practitioner's own to-dos and doesn't repeat care steps as findings", () => {
    const md = handout({ age: null, fitzpatrick: 5 });
    expect(md).not.toContain("confirm the client's age");
    // The skin-type adjustment's client wording is its care steps: listed once each.
    expect(md.split('Strict sun protection for 2 weeks before the first session').length - 1).toBe(1);
  });

  it('an unscreened plan says so once, in its banner', () => {
    const md = handout({ screened: false });
    expect(md).toContain('> **Health questions still to complete.**');
    expect(md).not.toContain('Your practitioner will complete the health questions');
  });
});

describe('a not-eligible plan', () => {
  const md = renderMarkdown(plan(handoutCase('not-eligible').intake, rules, TODAY), OPTIONS);

  it('says plainly that treatment is not scheduled now, and why', () => {
    expect(md).toContain('> **Treatment is not scheduled now.**');
    expect(md).toContain('Microneedling is not done during pregnancy or breastfeeding.');
  });

  it('carries no dates, depths or care instructions', () => {
    expect(md).not.toContain('Session dates');
    expect(md).not.toContain(' mm');
    expect(md).not.toContain('Before each session');
    expect(md).not.toContain('Stop retinoid');
  });
});

describe('client input is escaped for markdown', () => {
  it('a name with markup comes out as text', () => {
    const md = handout({ client: 'Eve <script>alert(1)</script> *x* [y](javascript:z)' });
    const html = marked.parse(md, { async: false });
    expect(html).not.toMatch(/<script|<em>x|<a /);
    expect(html).toContain('Eve &lt;script&gt;alert(1)&lt;/script&gt; *x* [y](javascript:z)');
  });

  it('any text survives markdown as exactly itself, on one line (property)', () => {
    const decode = (html: string) =>
      html.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);
    const oneLine = (s: string) => s.replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
    // Fragments that build markup, entities and GFM autolinks ("https://x.io", "www.x.io", "a@b.io").
    const fragment = fc.constantFrom(...'ab <>&*_`[]()!#|~\\:@/.-+=\n"\''.split(''), 'www', 'www.', 'https', '://', 'x.io', 'a@b.io', 'lt;', '#39;', 'img', 'script');
    const punctuationHeavy = fc.array(fragment, { maxLength: 20 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), punctuationHeavy), (text) => {
        const html = marked.parseInline(`x ${escapeMarkdown(text)} x`, { async: false });
        expect(html).not.toMatch(/<(?!\/?p>)/);
        expect(decode(html).replace(/ +/g, ' ')).toBe(`x ${oneLine(text)} x`.replace(/ +/g, ' '));
      }),
      { numRuns: 2000 },
    );
  });
});
