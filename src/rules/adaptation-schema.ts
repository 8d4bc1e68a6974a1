// adaptation.json: how the next session of a course follows from how the last one healed
// (domain file, section 8b). No published protocol exists, so the whole file is a project
// assumption a clinic may replace; the engine's nextSession() reads it.
import { z } from 'zod';

const Id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id is lower-case words joined by "-", e.g. "acne-scars"')
  .meta({ description: 'Stable identifier: lower-case words joined by "-".' });

/** What a recorded reaction does to the next session. */
export const ADAPTATION_ACTIONS = ['continue', 'adapt', 'hold'] as const;
export const AdaptationAction = z.enum(ADAPTATION_ACTIONS).meta({
  description: 'continue: as planned; adapt: shallower and later (as for slow healing); hold: needs-review until the practitioner records the next session.',
});
export type AdaptationAction = z.infer<typeof AdaptationAction>;

export const AdaptationFile = z.strictObject({
  $schema: z.string().optional().meta({ description: 'JSON Schema reference for editors.' }),
  id: Id,
  stepsShallower: z
    .number()
    .int()
    .min(0)
    .max(8)
    .meta({ description: "Device steps shallower in a zone that healed slowly (or after an 'adapt' reaction)." }),
  weeksLater: z
    .number()
    .min(0)
    .max(12)
    .meta({ description: "Weeks added to the interval after slow healing or an 'adapt' reaction (kept within the course's interval range where it has room)." }),
  reactions: z.strictObject({
    none: AdaptationAction,
    mild: AdaptationAction,
    moderate: AdaptationAction,
    severe: AdaptationAction,
  }),
  adverseEvent: AdaptationAction.meta({ description: 'What a recorded adverse event does.' }),
  maintenanceMonthsAfterLast: z.number().int().min(1).max(36).meta({ description: 'Maintenance session this many months after the last session of the course.' }),
  source: z.string().min(1).optional().meta({ description: 'Where the numbers come from, or "project assumption: …".' }),
  assumption: z.boolean().optional().meta({ description: 'true when no source was found and the values are a project assumption.' }),
});
export type AdaptationFile = z.infer<typeof AdaptationFile>;
