// Renderers are plugins over one Plan type, chosen from this table and loaded lazily so a
// command pays only for the format it prints. The table also says what the shell needs to
// know of each format: its label, its file extension, and when it has nothing to show.
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
  /** The plan is a client's active course in the records (FHIR: CarePlan.status active, not draft). */
  saved?: boolean;
  /** Columns the text formats wrap to: the terminal's, 80 when not a terminal (the shell decides). */
  width?: number;
}

export type Renderer = (plan: Plan, options: RenderOptions) => string;

export interface FormatInfo {
  /** How a person names it, e.g. in the consultation's save menu. */
  label: string;
  /** File extensions that pick this format for `-o` without `-f` (the first is the default). */
  extensions: readonly string[];
  /** Why this plan cannot be shown in this format, or undefined when it can. */
  unavailable?: (plan: Plan) => string | undefined;
  load: () => Promise<Renderer>;
}

export const FORMAT_INFO: Record<Format, FormatInfo> = {
  text: { label: 'Plain text', extensions: ['.txt'], load: async () => (await import('./text.js')).renderText },
  json: { label: 'JSON', extensions: ['.json'], load: async () => (await import('./json.js')).renderJson },
  markdown: { label: 'Markdown handout', extensions: ['.md', '.markdown'], load: async () => (await import('./markdown.js')).renderMarkdown },
  html: { label: 'HTML handout', extensions: ['.html', '.htm'], load: async () => (await import('./html.js')).renderHtml },
  ics: {
    label: 'Calendar (.ics)',
    extensions: ['.ics'],
    unavailable: (plan) =>
      plan.status === 'not-eligible'
        ? 'this client is not eligible for treatment now, so there are no sessions to put in a calendar; use --format markdown or html for a handout that says why'
        : plan.schedule.length === 0
          ? 'needs --start YYYY-MM-DD: without a first session date the plan has no dated sessions'
          : // iCalendar dates have four-digit years; the intake keeps starts near today, this is the last wall.
            [plan.plannedOn, ...plan.schedule.map((s) => s.date), plan.review?.date ?? '2000-01-01'].some((d) => !/^[1-9]\d{3}-/.test(d))
            ? 'a date falls outside the years 1000-9999, which a calendar file cannot hold'
            : undefined,
    load: async () => (await import('./ics.js')).renderIcs,
  },
  fhir: {
    label: 'FHIR R4 Bundle (for an EHR)',
    extensions: ['.fhir.json'],
    load: async () => (await import('./fhir/index.js')).renderFhir,
  },
};

export function loadRenderer(format: Format): Promise<Renderer> {
  return FORMAT_INFO[format].load();
}

/** The format an output file's extension names ("plan.md" -> markdown), if any. */
export function formatForPath(path: string): Format | undefined {
  const lower = path.toLowerCase();
  // The longest extension that fits wins: "plan.fhir.json" is fhir, "plan.json" json.
  let best: { format: Format; length: number } | undefined;
  for (const f of FORMATS)
    for (const ext of FORMAT_INFO[f].extensions)
      if (lower.endsWith(ext) && ext.length > (best?.length ?? 0)) best = { format: f, length: ext.length };
  return best?.format;
}
