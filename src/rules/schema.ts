// Zod schemas for the rule files in rules/. Strict objects everywhere, so a typo in a
// clinic's file is an error rather than a silently ignored key. Types come from z.infer.
import { z } from 'zod';

import { OUTCOMES, SEVERITIES, ZONE_KINDS } from './vocabulary.js';
import { AdaptationFile } from './adaptation-schema.js';

export { OUTCOMES, SEVERITIES, ZONE_KINDS } from './vocabulary.js';
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;
export const Outcome = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof Outcome>;
export const ZoneKind = z.enum(ZONE_KINDS);

const Id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id is lower-case words joined by "-", e.g. "acne-scars"')
  .meta({ description: 'Stable identifier: lower-case words joined by "-".' });

// Optional in the schema so a clinic's draft still loads; a missing source is a warning.
const Source = z
  .string()
  .min(1)
  .optional()
  .meta({
    description:
      'Where the number comes from (paper, label, chart, or "project assumption: …" when none was found).',
  });

/** Marks a rule whose number has no published source: the plan says so. */
const Assumption = z
  .boolean()
  .optional()
  .meta({ description: 'true when no source was found and the value is a project assumption.' });

const Mm = z.number().positive().max(10);
const Count = z.number().int().positive().max(52);

export const Range = <T extends z.ZodNumber>(n: T) => z.strictObject({ min: n, max: n });
const MmRange = Range(z.number().min(0).max(10));
const WeekRange = Range(z.number().positive().max(104));
const DayRange = Range(z.number().int().min(0).max(60));
const MinuteRange = Range(z.number().int().min(0).max(240));

const SchemaRef = z.string().optional().meta({ description: 'JSON Schema reference for editors.' });
const Text = z.string().min(1);

// ---------- ruleset.json ----------

export const RulesetFile = z.strictObject({
  $schema: SchemaRef,
  version: z.string().min(1).meta({ description: 'Version of this rule set, shown on every plan.' }),
  name: Text.meta({ description: 'Who owns this rule set, e.g. "needleplan built-in" or a clinic name.' }),
  device: Id.meta({ description: 'Id of the default device in devices.json.' }),
  disclaimer: Text,
});
export type RulesetFile = z.infer<typeof RulesetFile>;

// ---------- devices.json ----------

export const Device = z.strictObject({
  id: Id,
  name: Text,
  needles: z.number().int().positive().optional(),
  depthMm: MmRange,
  stepMm: Mm,
  source: Source,
  assumption: Assumption,
});
export type Device = z.infer<typeof Device>;

export const DevicesFile = z.strictObject({
  $schema: SchemaRef,
  devices: z.array(Device).min(1),
});

// ---------- zones.json ----------

export const Zone = z.strictObject({
  id: Id,
  label: Text,
  aliases: z.array(Text).default([]),
  kind: ZoneKind,
  maxDepthMm: Mm,
  notes: z.array(Text).default([]),
  source: Source,
  assumption: Assumption,
});
export type Zone = z.infer<typeof Zone>;

export const ZonesFile = z.strictObject({
  $schema: SchemaRef,
  zones: z.array(Zone).min(1),
});

// ---------- concerns.json ----------

export const Course = z.strictObject({
  id: Id,
  label: Text,
  sessions: Range(Count),
  intervalWeeks: WeekRange,
  source: Source,
  assumption: Assumption,
});
export type Course = z.infer<typeof Course>;

const BySeverity = <T extends z.ZodType>(t: T) => z.strictObject({ mild: t, moderate: t, severe: t });

export const SeverityWording = z.strictObject({
  scale: Text,
  mild: Text,
  moderate: Text,
  severe: Text,
});

export const Concern = z.strictObject({
  id: Id,
  label: Text,
  aliases: z.array(Text).default([]),
  appliesTo: z.strictObject({
    kinds: z.array(ZoneKind).default([]),
    zones: z.array(Id).default([]).meta({ description: 'Zones outside those kinds that also apply.' }),
  }),
  depthMm: BySeverity(Mm),
  course: BySeverity(Id).meta({ description: 'Course id (sessions and interval) for each severity.' }),
  serums: z.array(Text).default([]),
  notes: z.array(Text).default([]),
  severityWording: SeverityWording.optional(),
  source: Source,
  assumption: Assumption,
});
export type Concern = z.infer<typeof Concern>;

export const ConcernsFile = z.strictObject({
  $schema: SchemaRef,
  courses: z.array(Course).min(1),
  concerns: z.array(Concern).min(1),
});

// ---------- adjustments.json ----------

/** A before-care step of an adjustment: its text, or its text and how many days before the first session it starts. */
export const AdjustmentCare = z.union([
  Text,
  z.strictObject({
    text: Text,
    daysBefore: z.number().int().min(0).max(60).meta({ description: 'The step starts this many days before the first session.' }),
  }),
]);

export const FitzpatrickAdjustment = z.strictObject({
  id: Id,
  types: z.array(z.number().int().min(1).max(6)).min(1),
  depthDeltaMm: z.number().min(-2).max(0),
  outcome: Outcome,
  message: Text,
  before: z.array(AdjustmentCare).default([]),
  after: z.array(Text).default([]),
  source: Source,
  assumption: Assumption,
});

export const NumbingRule = z.strictObject({
  id: Id,
  /** Numbing is recommended when the deepest depth is above the client's threshold. */
  thresholdsMm: z.strictObject({ low: z.number().min(0), normal: z.number().min(0), high: z.number().min(0) }),
  leadMinutes: MinuteRange,
  source: Source,
});

export const AgeRule = z.strictObject({
  id: Id,
  minYears: z.number().int().min(0).max(120),
  cautionBelowYears: z.number().int().min(0).max(120),
  blockMessage: Text,
  cautionMessage: Text,
  missingMessage: Text,
  source: Source,
});

export const SessionCountRule = z.strictObject({
  id: Id,
  position: BySeverity(z.number().min(0).max(1)).meta({
    description: 'Where in the course range the count sits: 0 = min, 1 = max (rounded up).',
  }),
  source: Source,
  assumption: Assumption,
});

export const AdjustmentsFile = z.strictObject({
  $schema: SchemaRef,
  sessionCount: SessionCountRule,
  fitzpatrick: z.array(FitzpatrickAdjustment).default([]),
  numbing: NumbingRule,
  age: AgeRule,
});
export type AdjustmentsFile = z.infer<typeof AdjustmentsFile>;

// ---------- downtime.json ----------

export const DowntimeBand = z.strictObject({
  id: Id,
  upToMm: z.number().positive().nullable().meta({ description: 'Upper bound (inclusive); null = no bound.' }),
  days: DayRange,
  source: Source,
});
export type DowntimeBand = z.infer<typeof DowntimeBand>;

export const DowntimeFile = z.strictObject({
  $schema: SchemaRef,
  bands: z.array(DowntimeBand).min(1),
});

// ---------- screening.json ----------

export const ScreeningGroup = z.strictObject({ id: Id, label: Text });

export const Condition = z.strictObject({
  id: Id,
  label: Text,
  aliases: z.array(Text).default([]),
  group: Id,
  question: Text.meta({ description: 'Asked in the consultation; a yes means the condition applies.' }),
  outcome: Outcome,
  message: Text.meta({ description: 'What the practitioner reads in the plan.' }),
  clientMessage: Text.optional().meta({ description: 'Plain-language wording for the client handout.' }),
  deferWeeks: z.number().positive().max(104).optional(),
  downtimeExtraDays: DayRange.optional(),
  noNumbingCream: z.boolean().optional(),
  onlyZones: z.array(Id).optional().meta({ description: 'The finding applies only when one of these zones is planned.' }),
  inArea: z
    .boolean()
    .optional()
    .meta({
      description:
        'true for a condition "in the area" (e.g. active acne): named with a zone (active-acne@cheeks) it holds back that zone only; named without one it holds back every zone.',
    }),
  source: Source,
  assumption: Assumption,
});
export type Condition = z.infer<typeof Condition>;

export const ScreeningFile = z.strictObject({
  $schema: SchemaRef,
  groups: z.array(ScreeningGroup).min(1),
  conditions: z.array(Condition).min(1),
});

// ---------- care.json ----------

export const CareItem = z.strictObject({
  id: Id,
  text: Text,
  daysBefore: z
    .number()
    .int()
    .min(0)
    .max(60)
    .optional()
    .meta({ description: 'Before-care that starts this many days before the first session.' }),
  onlyWithNumbing: z.boolean().optional(),
  source: Source,
});
export type CareItem = z.infer<typeof CareItem>;

export const FollowUp = z.strictObject({
  id: Id,
  reviewMonthsAfterLast: z.number().int().min(1).max(24),
  maintenance: Text,
  resultsNote: Text,
  source: Source,
});

export const CareFile = z.strictObject({
  $schema: SchemaRef,
  before: z.array(CareItem),
  after: z.array(CareItem),
  serumsNote: Text,
  followUp: FollowUp,
});

/** Every rule file, by name: the loader, the schema generator and `rules show` iterate this. */
export const RULE_FILES = {
  'ruleset.json': RulesetFile,
  'devices.json': DevicesFile,
  'zones.json': ZonesFile,
  'concerns.json': ConcernsFile,
  'adjustments.json': AdjustmentsFile,
  'downtime.json': DowntimeFile,
  'screening.json': ScreeningFile,
  'care.json': CareFile,
  'adaptation.json': AdaptationFile,
} as const;
export type RuleFileName = keyof typeof RULE_FILES;

/** The resolved rule set the engine reads: every file parsed, plus where it came from. */
export interface RuleSet {
  ruleset: RulesetFile;
  devices: z.infer<typeof DevicesFile>;
  zones: z.infer<typeof ZonesFile>;
  concerns: z.infer<typeof ConcernsFile>;
  adjustments: AdjustmentsFile;
  downtime: z.infer<typeof DowntimeFile>;
  screening: z.infer<typeof ScreeningFile>;
  care: z.infer<typeof CareFile>;
  adaptation: AdaptationFile;
  /** sha256 of the canonical content of the files above. */
  sha256: string;
  /** "built-in", or the clinic folder the set was read from. */
  origin: string;
}
