// The handout as one self-contained HTML page: the markdown handout through marked, in a
// page with inline CSS that reads on a phone and prints on A4. No scripts, no external
// assets; a Content-Security-Policy forbids both, so even a slip in escaping cannot run
// code or fetch anything.
import { Marked, type Tokens } from 'marked';
import type { Plan } from '../engine/types.js';
import type { RenderOptions } from './index.js';
import { renderMarkdown, HANDOUT_TITLE } from './markdown.js';
import { escapeHtml } from './handout-escape.js';
import { HANDOUT_CSS } from './handout-style.js';
import { withoutControls } from '../text/escape.js';

const SAFE_LINK = /^(https?:|mailto:)/i;

/** marked with raw HTML turned into text, images into their alt text (nothing is
 * fetched), and only http(s) and mailto links kept. Client input is escaped before it
 * reaches the markdown; this is the second wall, for anything in a clinic's rule text. */
const markdown = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
    image: ({ text }: Tokens.Image) => escapeHtml(text),
    link(token: Tokens.Link) {
      return SAFE_LINK.test(token.href) ? false : this.parser.parseInline(token.tokens);
    },
  },
});

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function renderHtml(plan: Plan, options?: RenderOptions): string {
  const body = markdown.parse(renderMarkdown(plan, options), { async: false });
  // A window title is where an escape sequence would do harm: no control character reaches it.
  const title = plan.client !== null ? `${HANDOUT_TITLE}: ${withoutControls(plan.client.replace(/\s+/g, ' ')).trim()}` : HANDOUT_TITLE;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="needleplan">
<title>${escapeHtml(title)}</title>
<style>
${HANDOUT_CSS}</style>
</head>
<body class="status-${plan.status}">
<main>
${body}</main>
</body>
</html>
`;
}
