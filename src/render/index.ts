// Renderers are plugins over one Plan type, chosen from this table and loaded lazily so a
// command pays only for the format it prints.
import type { Plan } from '../engine/types.js';

export const FORMATS = ['text', 'json', 'markdown', 'html', 'ics', 'fhir'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  /** ANSI colour (only for a terminal, never with NO_COLOR). */
  color: boolean;
  /** The full rationale instead of the short "why". */
  explain: boolean;
  /** When the output was made (an instant), for formats that stamp it (FHIR's Bundle.timestamp);
   * the caller reads the clock, never a renderer. */
  timestamp?: string;
}

export type Renderer = (plan: Plan, options: RenderOptions) => string;

const loaders: Record<Format, () => Promise<Renderer>> = {
  text: async () => (await import('./text.js')).renderText,
  json: async () => (await import('./json.js')).renderJson,
  markdown: async () => (await import('./markdown.js')).renderMarkdown,
  html: async () => (await import('./html.js')).renderHtml,
  ics: async () => (await import('./ics.js')).renderIcs,
  fhir: async () => (await import('./fhir/index.js')).renderFhir,
};

export function loadRenderer(format: Format): Promise<Renderer> {
  return loaders[format]();
}
