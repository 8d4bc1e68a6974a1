// Renderers for the next session of a course (nextSession's result), chosen from a table
// and loaded lazily like the plan's. No fs, no process.
import type { NextSession } from '../../engine/next-session.js';
import { mm } from '../../text/numbers.js';

export const NEXT_FORMATS = ['text', 'json', 'markdown', 'html', 'ics'] as const;
export type NextFormat = (typeof NEXT_FORMATS)[number];

export interface NextRenderOptions {
  color: boolean;
}

export type NextRenderer = (next: NextSession, options: NextRenderOptions) => string;

const loaders: Record<NextFormat, () => Promise<NextRenderer>> = {
  text: async () => (await import('./text.js')).renderNextText,
  json: async () => (await import('./json.js')).renderNextJson,
  markdown: async () => (await import('./markdown.js')).renderNextMarkdown,
  html: async () => (await import('./html.js')).renderNextHtml,
  ics: async () => (await import('./ics.js')).renderNextIcs,
};

export function loadNextRenderer(format: NextFormat): Promise<NextRenderer> {
  return loaders[format]();
}

/** Why this result cannot be shown in this format (a calendar with no date), or undefined. */
export function nextUnavailable(format: NextFormat, next: NextSession): string | undefined {
  if (format !== 'ics' || next.date !== null || next.review !== null) return undefined;
  return next.status === 'needs-review'
    ? 'the course is on hold until the practitioner reviews it, so there is no date to put in a calendar'
    : 'there is no next session to put in a calendar';
}

/** "0.5 mm (planned 0.75 mm)" and the like, shared by the text and markdown forms. */
export function depthWords(z: NextSession['zones'][number]): string {
  return z.depthMm === z.plannedMm ? `${mm(z.depthMm)} (as planned)` : `${mm(z.depthMm)} (planned ${mm(z.plannedMm)})`;
}

export const STATUS_WORDS: Record<NextSession['status'], string> = {
  due: 'due',
  'needs-review': 'ON HOLD: needs the practitioner\'s review',
  complete: 'course complete',
  'not-eligible': 'not eligible now',
};
