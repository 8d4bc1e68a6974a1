// The handout as one self-contained HTML page (html-page.ts): the markdown handout inside.
import type { Plan } from '../engine/types.js';
import type { RenderOptions } from './index.js';
import { renderMarkdown, HANDOUT_TITLE } from './markdown.js';
import { htmlPage } from './html-page.js';

export function renderHtml(plan: Plan, options?: RenderOptions): string {
  return htmlPage({ title: HANDOUT_TITLE, client: plan.client, bodyClass: `status-${plan.status}`, markdown: renderMarkdown(plan, options) });
}
