// After a consultation's plan is shown: offer to save it in the other formats the renderer
// table knows (a calendar only when the sessions have dates), atomically, never into a
// folder the plan was read from.
import { existsSync } from 'node:fs';
import type { Plan } from '../engine/types.js';
import { FORMAT_INFO, FORMATS, loadRenderer, type Format } from '../render/index.js';
import { isInside } from '../shell/paths.js';
import { writeFileAtomic } from '../shell/atomic-write.js';
import { UserError } from '../errors.js';
import { nowInstant } from '../shell/today.js';
import type { ConsultContext } from './consult.js';

export interface SaveContext extends ConsultContext {
  /** Folders the plan was read from (the rules): never written into. */
  protectedFolders: readonly string[];
  /** Stores the plan as the client's course; returns the line to show. Absent: no such choice. */
  saveToRecords?: (() => Promise<string>) | undefined;
}

/** "ana-2026-11-25.json": the client's name made file-safe, or "plan". */
export function defaultFileName(plan: Plan, format: Format): string {
  const who = (plan.client ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${who || 'plan'}-${plan.plannedOn}${FORMAT_INFO[format].extensions[0]}`;
}

/** Why a path can't be written, or true. */
export function checkSavePath(path: string, ctx: SaveContext): true | string {
  const name = path.trim();
  if (name === '') return 'Give a file name';
  const inside = ctx.protectedFolders.find((folder) => isInside(name, folder));
  if (inside) return `That is inside the rules folder (${inside}); choose a file elsewhere`;
  return true;
}

/** The save menu's note for a format this plan can't be saved in, e.g. a calendar with no dates. */
function unavailableNote(format: Format, plan: Plan): string | false {
  const why = FORMAT_INFO[format].unavailable?.(plan);
  return why ? `(${why.split(/[;:]/)[0]})` : false;
}

export async function offerSave(plan: Plan, ctx: SaveContext): Promise<void> {
  const { select, input, confirm } = await import('@inquirer/prompts');
  const context = ctx.output ? { output: ctx.output } : undefined;
  const out = ctx.output ?? process.stdout;
  const formats = FORMATS.filter((f) => f !== 'text');
  let saved = 0;
  let recorded = false;
  for (;;) {
    const format = await select<Format | null | 'records'>(
      {
        message: saved ? 'Save it in another format too?' : 'Save this plan?',
        choices: [
          { value: null, name: saved ? 'No, done' : 'No' },
          ...formats.map((f) => ({
            value: f,
            name: FORMAT_INFO[f].label,
            disabled: unavailableNote(f, plan),
          })),
          ...(ctx.saveToRecords
            ? [{ value: 'records' as const, name: "Save to the client's records", disabled: recorded ? '(saved)' : plan.client ? false : '(needs a client name)' }]
            : []),
        ],
      },
      context,
    );
    if (format === null) return;
    if (format === 'records') {
      try {
        out.write(`${await ctx.saveToRecords!()}\n`);
        recorded = true;
        saved++;
      } catch (error) {
        // The plan is on screen: a database that can't be used is reported, not fatal.
        if (!(error instanceof UserError)) throw error;
        out.write(`${error.message}\n`);
      }
      continue;
    }
    const path = (await input({ message: 'File name:', default: defaultFileName(plan, format), validate: (p) => checkSavePath(p, ctx) }, context)).trim();
    if (existsSync(path) && !(await confirm({ message: `${path} exists. Replace it?`, default: false }, context))) continue;
    const render = await loadRenderer(format);
    try {
      writeFileAtomic(path, render(plan, { color: false, explain: false, timestamp: nowInstant() }));
    } catch (error) {
      // The plan is already on screen: a file that can't be written is asked again, not fatal.
      if (!(error instanceof UserError)) throw error;
      out.write(`${error.message}\n`);
      continue;
    }
    out.write(`Saved ${path}\n`);
    saved++;
  }
}
