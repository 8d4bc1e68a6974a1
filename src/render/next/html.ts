// The next-session note as one self-contained HTML page (html-page.ts).
import type { NextSession } from '../../engine/next-session.js';
import { htmlPage } from '../html-page.js';
import { NEXT_TITLE, renderNextMarkdown } from './markdown.js';

export function renderNextHtml(next: NextSession): string {
  return htmlPage({ title: NEXT_TITLE, client: next.client, bodyClass: `status-${next.status}`, markdown: renderNextMarkdown(next) });
}
