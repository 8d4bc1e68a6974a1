// The next-session note as one self-contained HTML page: the markdown through marked, raw
// HTML escaped, no scripts or external assets (a Content-Security-Policy forbids both).
import { Marked, type Tokens } from 'marked';
import type { NextSession } from '../../engine/next-session.js';
import { escapeHtml } from '../handout-escape.js';
import { HANDOUT_CSS } from '../handout-style.js';
import { NEXT_TITLE, renderNextMarkdown } from './markdown.js';

const markdown = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
    image: ({ text }: Tokens.Image) => escapeHtml(text),
    link(token: Tokens.Link) {
      return /^(https?:|mailto:)/i.test(token.href) ? false : this.parser.parseInline(token.tokens);
    },
  },
});

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function renderNextHtml(next: NextSession): string {
  const body = markdown.parse(renderNextMarkdown(next), { async: false });
  const title = next.client !== null ? `${NEXT_TITLE}: ${next.client.replace(/\s+/g, ' ').trim()}` : NEXT_TITLE;
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
<body class="status-${next.status}">
<main>
${body}</main>
</body>
</html>
`;
}
