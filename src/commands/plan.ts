// `needleplan plan`: flags (and, on a terminal, prompts) -> Intake -> plan -> renderer.
import { loadRuleSet } from '../cli/rules-source.js';
import { UserError } from '../cli/errors.js';
import { emit } from '../cli/output.js';
import { today } from '../cli/today.js';
import { parseIntake, type RawIntake } from '../intake/schema.js';
import { plan } from '../engine/plan.js';
import { loadRenderer, type Format } from '../render/index.js';

export interface PlanOptions {
  concern?: string[];
  zone?: string[];
  severity?: string;
  fitzpatrick?: string;
  painTolerance?: string;
  age?: string;
  condition?: string[];
  screened?: boolean;
  start?: string;
  client?: string;
  device?: string;
  rules?: string;
  format: Format;
  output?: string;
  explain?: boolean;
  color: boolean;
  input: boolean;
}

export function rawFromFlags(o: PlanOptions): RawIntake {
  return {
    client: o.client,
    concerns: o.concern,
    severity: o.severity,
    zones: o.zone,
    fitzpatrick: o.fitzpatrick,
    painTolerance: o.painTolerance,
    age: o.age,
    conditions: o.condition,
    screened: o.screened,
    start: o.start,
    device: o.device,
  };
}

export async function runPlan(options: PlanOptions): Promise<void> {
  const rules = loadRuleSet(options.rules);
  const result = parseIntake(rawFromFlags(options), rules);
  if (!result.ok) throw new UserError(result.issues.map((i) => `${i.field}: ${i.message}`).join('\n'));
  const p = plan(result.intake, rules, today());
  const render = await loadRenderer(options.format);
  emit(render(p, { color: false, explain: options.explain ?? false }), options.output);
}
