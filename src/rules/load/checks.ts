// Cross-field checks on a rule set whose files each passed their schema. Each check is a
// small named function that reports problems (never throws), so `rules validate` can
// show every problem at once. Pure: no I/O.
import type { RuleFileName, RuleSet } from '../schema.js';
import type { RuleProblem } from './problems.js';
import { looseKey, suggest } from '../../text/names.js';
import { appliesTo } from '../applies.js';

type Sections = Omit<RuleSet, 'sha256' | 'origin'>;
/** Display name of each file, e.g. "clinic/zones.json" or "(built-in) zones.json". */
export type FileNames = Record<RuleFileName, string>;

/** The deepest setting any source in the domain file names (body zones, SteriLock 2.5 mm). */
const DEEPEST_SOURCED_MM = 2.5;
const SHORTEST_SOURCED_INTERVAL_WEEKS = 2;

interface Ctx {
  rules: Sections;
  files: FileNames;
  out: RuleProblem[];
  /** The check running now: every problem it reports carries its name as the code. */
  code: string;
}

const err = (ctx: Ctx, file: RuleFileName, path: string, message: string) =>
  ctx.out.push({ level: 'error', code: ctx.code, file: ctx.files[file], path, message });
const warn = (ctx: Ctx, file: RuleFileName, path: string, message: string) =>
  ctx.out.push({ level: 'warning', code: ctx.code, file: ctx.files[file], path, message });

function rangeOrdered(ctx: Ctx, file: RuleFileName, path: string, what: string, r: { min: number; max: number }) {
  if (r.min > r.max) err(ctx, file, path, `${what}: min ${r.min} is above max ${r.max}; swap them, or fix the one that is wrong`);
}

function duplicateIds(ctx: Ctx, file: RuleFileName, list: string, items: readonly { id: string }[]) {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined)
      err(ctx, file, `${list}[${i}].id`, `the id "${item.id}" is used twice (first at ${list}[${first}]); rename or delete one, ids must be unique`);
    else seen.set(item.id, i);
  });
}

/** A reference to an id defined elsewhere (`where`, e.g. "zones.json") that must exist. */
function missingRef(ctx: Ctx, file: RuleFileName, path: string, what: string, id: string, valid: readonly { id: string }[], where: string) {
  if (valid.some((v) => v.id === id)) return;
  const guess = suggest(id, valid.map((v) => ({ id: v.id, label: v.id, aliases: [] })));
  err(ctx, file, path, `there is no ${what} "${id}" in ${where}${guess ? ` (did you mean "${guess}"?)` : ''}; use one of: ${valid.map((v) => v.id).join(', ')}`);
}

function defaultDevice(rules: Sections) {
  return rules.devices.devices.find((d) => d.id === rules.ruleset.device);
}

type Section = keyof Sections;

/**
 * The sections each check reads. A file that failed its own schema is left out of the set,
 * and only the checks that need it are skipped: the rest still report (every problem in one
 * run). uniqueIds, rangesOrdered and sourcesNamed look at each file on its own and skip a
 * missing one themselves.
 */
const NEEDS: Record<string, readonly Section[]> = {
  unambiguousNames: ['zones', 'concerns', 'screening'],
  referencesExist: ['ruleset', 'devices', 'concerns', 'zones', 'screening'],
  depthsWithinDevice: ['ruleset', 'devices', 'zones', 'concerns'],
  concernsApplySomewhere: ['zones', 'concerns'],
  downtimeCoversAllDepths: ['downtime'],
  fitzpatrickTypesOnce: ['adjustments'],
  suspiciousValues: ['ruleset', 'devices', 'zones', 'concerns'],
};

const checks: Record<string, (ctx: Ctx) => void> = {
  uniqueIds(ctx) {
    const r = ctx.rules;
    duplicateIds(ctx, 'devices.json', 'devices', r.devices?.devices ?? []);
    duplicateIds(ctx, 'zones.json', 'zones', r.zones?.zones ?? []);
    duplicateIds(ctx, 'concerns.json', 'courses', r.concerns?.courses ?? []);
    duplicateIds(ctx, 'concerns.json', 'concerns', r.concerns?.concerns ?? []);
    duplicateIds(ctx, 'adjustments.json', 'fitzpatrick', r.adjustments?.fitzpatrick ?? []);
    duplicateIds(ctx, 'downtime.json', 'bands', r.downtime?.bands ?? []);
    duplicateIds(ctx, 'screening.json', 'groups', r.screening?.groups ?? []);
    duplicateIds(ctx, 'screening.json', 'conditions', r.screening?.conditions ?? []);
    duplicateIds(ctx, 'care.json', 'before', r.care?.before ?? []);
    duplicateIds(ctx, 'care.json', 'after', r.care?.after ?? []);
  },

  /**
   * A label or alias that names two things would make CSV and prompt matching ambiguous.
   * Names are compared as people type them: case, accents, punctuation and a plural "s"
   * ignored, so "cold sore" (an active lesion) and "cold sores" (a history) can't be two
   * conditions a letter apart with two different outcomes.
   */
  unambiguousNames(ctx) {
    const lists: [RuleFileName, string, readonly { id: string; label: string; aliases: string[] }[]][] = [
      ['zones.json', 'zones', ctx.rules.zones.zones],
      ['concerns.json', 'concerns', ctx.rules.concerns.concerns],
      ['screening.json', 'conditions', ctx.rules.screening.conditions],
    ];
    for (const [file, list, items] of lists) {
      const owner = new Map<string, { id: string; name: string }>();
      items.forEach((item, i) => {
        for (const name of [item.id, item.label, ...item.aliases]) {
          const key = looseKey(name);
          const other = owner.get(key);
          if (other !== undefined && other.id !== item.id)
            err(
              ctx,
              file,
              `${list}[${i}]`,
              `"${item.id}" is called "${name}" and "${other.id}" "${other.name}": the same name once case, punctuation and plurals are ignored; rename one`,
            );
          else if (!other) owner.set(key, { id: item.id, name });
        }
      });
    }
  },

  rangesOrdered(ctx) {
    const r = ctx.rules;
    (r.devices?.devices ?? []).forEach((d, i) => rangeOrdered(ctx, 'devices.json', `devices[${i}].depthMm`, d.id, d.depthMm));
    (r.concerns?.courses ?? []).forEach((c, i) => {
      rangeOrdered(ctx, 'concerns.json', `courses[${i}].sessions`, `${c.id} sessions`, c.sessions);
      rangeOrdered(ctx, 'concerns.json', `courses[${i}].intervalWeeks`, `${c.id} interval`, c.intervalWeeks);
    });
    (r.concerns?.concerns ?? []).forEach((c, i) => {
      const { mild, moderate, severe } = c.depthMm;
      if (mild > moderate || moderate > severe)
        err(ctx, 'concerns.json', `concerns[${i}].depthMm`, `${c.id}: depth must not fall as severity rises (mild ${mild}, moderate ${moderate}, severe ${severe}); make each at least as deep as the one before`);
    });
    (r.downtime?.bands ?? []).forEach((b, i) => rangeOrdered(ctx, 'downtime.json', `bands[${i}].days`, `${b.id} days`, b.days));
    (r.screening?.conditions ?? []).forEach((c, i) => {
      if (c.downtimeExtraDays) rangeOrdered(ctx, 'screening.json', `conditions[${i}].downtimeExtraDays`, c.id, c.downtimeExtraDays);
    });
    if (!r.adjustments) return;
    rangeOrdered(ctx, 'adjustments.json', 'numbing.leadMinutes', 'numbing lead time', r.adjustments.numbing.leadMinutes);
    const age = r.adjustments.age;
    if (age.minYears > age.cautionBelowYears)
      err(ctx, 'adjustments.json', 'age', `minYears ${age.minYears} is above cautionBelowYears ${age.cautionBelowYears}; the caution age must be the same or older`);
    const t = r.adjustments.numbing.thresholdsMm;
    if (t.low > t.normal || t.normal > t.high)
      err(ctx, 'adjustments.json', 'numbing.thresholdsMm', `thresholds must rise with tolerance (low ${t.low} <= normal ${t.normal} <= high ${t.high})`);
  },

  referencesExist(ctx) {
    const r = ctx.rules;
    missingRef(ctx, 'ruleset.json', 'device', 'device', r.ruleset.device, r.devices.devices, 'devices.json');
    r.concerns.concerns.forEach((c, i) => {
      for (const sev of ['mild', 'moderate', 'severe'] as const)
        missingRef(ctx, 'concerns.json', `concerns[${i}].course.${sev}`, `course`, c.course[sev], r.concerns.courses, 'the courses list');
      c.appliesTo.zones.forEach((z, j) =>
        missingRef(ctx, 'concerns.json', `concerns[${i}].appliesTo.zones[${j}]`, 'zone', z, r.zones.zones, 'zones.json'),
      );
    });
    r.screening.conditions.forEach((c, i) => {
      missingRef(ctx, 'screening.json', `conditions[${i}].group`, 'group', c.group, r.screening.groups, 'the groups list');
      c.onlyZones?.forEach((z, j) => missingRef(ctx, 'screening.json', `conditions[${i}].onlyZones[${j}]`, 'zone', z, r.zones.zones, 'zones.json'));
    });
  },

  depthsWithinDevice(ctx) {
    const device = defaultDevice(ctx.rules);
    if (device) {
      const { max } = device.depthMm;
      ctx.rules.zones.zones.forEach((z, i) => {
        if (z.maxDepthMm > max)
          err(ctx, 'zones.json', `zones[${i}].maxDepthMm`, `${z.id}: maxDepthMm ${z.maxDepthMm} is above the device's ${max} mm range (${device.id}); lower it to ${max} or less`);
      });
    }
    // Every device must be able to go as shallow as every cap and concern asks, or the
    // clamp to its range would needle deeper than the rule allows.
    for (const d of ctx.rules.devices.devices) {
      const min = d.depthMm.min;
      ctx.rules.zones.zones.forEach((z, i) => {
        if (z.maxDepthMm < min)
          err(ctx, 'zones.json', `zones[${i}].maxDepthMm`, `${z.id}: maxDepthMm ${z.maxDepthMm} is below the shallowest setting of ${d.id} (${min} mm)`);
      });
      ctx.rules.concerns.concerns.forEach((c, i) => {
        for (const sev of ['mild', 'moderate', 'severe'] as const)
          if (c.depthMm[sev] < min)
            err(ctx, 'concerns.json', `concerns[${i}].depthMm.${sev}`, `${c.id}: ${c.depthMm[sev]} mm is below the shallowest setting of ${d.id} (${min} mm)`);
      });
    }
  },

  concernsApplySomewhere(ctx) {
    const zones = ctx.rules.zones.zones;
    ctx.rules.concerns.concerns.forEach((c, i) => {
      const any = zones.some((z) => appliesTo(c, z));
      if (!any)
        err(ctx, 'concerns.json', `concerns[${i}].appliesTo`, `${c.id} applies to no zone; list zone kinds (face, body) or zone ids`);
    });
  },

  downtimeCoversAllDepths(ctx) {
    const bands = ctx.rules.downtime.bands;
    const bound = (mm: number | null) => (mm === null ? 'null (no bound)' : `${mm} mm`);
    bands.forEach((b, i) => {
      const prev = bands[i - 1];
      if (prev && (prev.upToMm === null || (b.upToMm !== null && b.upToMm <= prev.upToMm)))
        err(ctx, 'downtime.json', `bands[${i}].upToMm`, `${b.id}: upToMm ${bound(b.upToMm)} must be deeper than the band before it (${prev.id}, ${bound(prev.upToMm)}); list bands from shallowest to deepest, with null last`);
    });
    const last = bands[bands.length - 1];
    if (last && last.upToMm !== null)
      err(ctx, 'downtime.json', `bands[${bands.length - 1}].upToMm`, `${last.id}: the last band needs "upToMm": null, so every depth has a downtime`);
  },

  fitzpatrickTypesOnce(ctx) {
    const seen = new Map<number, string>();
    ctx.rules.adjustments.fitzpatrick.forEach((a, i) => {
      for (const t of a.types) {
        const other = seen.get(t);
        if (other) err(ctx, 'adjustments.json', `fitzpatrick[${i}].types`, `${a.id}: type ${t} is already adjusted by "${other}"; list each type in one adjustment only`);
        else seen.set(t, a.id);
      }
    });
  },

  suspiciousValues(ctx) {
    const r = ctx.rules;
    // A cap beyond the device's range is already an error (depthsWithinDevice): say it once.
    const deviceMax = defaultDevice(r)?.depthMm.max ?? Infinity;
    r.zones.zones.forEach((z, i) => {
      if (z.maxDepthMm > DEEPEST_SOURCED_MM && z.maxDepthMm <= deviceMax)
        warn(ctx, 'zones.json', `zones[${i}].maxDepthMm`, `${z.id}: maxDepthMm ${z.maxDepthMm} mm is deeper than any source in the domain file (${DEEPEST_SOURCED_MM} mm); check it`);
    });
    r.concerns.concerns.forEach((c, i) => {
      if (c.depthMm.severe > DEEPEST_SOURCED_MM)
        warn(ctx, 'concerns.json', `concerns[${i}].depthMm.severe`, `${c.id}: depthMm.severe ${c.depthMm.severe} mm is deeper than any source in the domain file (${DEEPEST_SOURCED_MM} mm); check it`);
    });
    r.concerns.courses.forEach((c, i) => {
      if (c.intervalWeeks.min < SHORTEST_SOURCED_INTERVAL_WEEKS)
        warn(ctx, 'concerns.json', `courses[${i}].intervalWeeks.min`, `${c.id}: an interval of ${c.intervalWeeks.min} week${c.intervalWeeks.min === 1 ? '' : 's'} is shorter than any study in the domain file uses (${SHORTEST_SOURCED_INTERVAL_WEEKS} weeks); check it`);
    });
  },

  sourcesNamed(ctx) {
    const r = ctx.rules;
    const lists: [RuleFileName, string, readonly { id: string; source?: string | undefined }[]][] = [
      ['devices.json', 'devices', r.devices?.devices ?? []],
      ['zones.json', 'zones', r.zones?.zones ?? []],
      ['concerns.json', 'courses', r.concerns?.courses ?? []],
      ['concerns.json', 'concerns', r.concerns?.concerns ?? []],
      ['adjustments.json', 'fitzpatrick', r.adjustments?.fitzpatrick ?? []],
      ['downtime.json', 'bands', r.downtime?.bands ?? []],
      ['screening.json', 'conditions', r.screening?.conditions ?? []],
      ['care.json', 'before', r.care?.before ?? []],
      ['care.json', 'after', r.care?.after ?? []],
    ];
    for (const [file, list, items] of lists)
      items.forEach((item, i) => {
        if (!item.source) warn(ctx, file, `${list}[${i}].source`, `${item.id} has no source; name one, or write "project assumption: …"`);
      });
    if (r.adjustments)
      for (const [path, rule] of [
        ['sessionCount', r.adjustments.sessionCount],
        ['numbing', r.adjustments.numbing],
        ['age', r.adjustments.age],
      ] as const)
        if (!rule.source) warn(ctx, 'adjustments.json', `${path}.source`, `${rule.id} has no source`);
    if (r.care && !r.care.followUp.source) warn(ctx, 'care.json', 'followUp.source', `${r.care.followUp.id} has no source`);
    if (r.adaptation && !r.adaptation.source) warn(ctx, 'adaptation.json', 'source', `${r.adaptation.id} has no source`);
  },
};

/**
 * Runs every named check whose sections are all there (a section is undefined when its
 * file failed to parse); errors and warnings together, in check order.
 */
export function checkRuleSet(rules: Partial<Sections>, files: FileNames): RuleProblem[] {
  const ctx: Ctx = { rules: rules as Sections, files, out: [], code: '' };
  for (const [name, check] of Object.entries(checks)) {
    if (NEEDS[name]?.some((section) => rules[section] === undefined)) continue;
    ctx.code = name;
    check(ctx);
  }
  return ctx.out;
}
