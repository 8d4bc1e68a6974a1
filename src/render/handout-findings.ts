// Screening findings as the client reads them: the rule's clientMessage, a plain label
// for what it means for the client, and nothing that is only the practitioner's to-do.
import type { Finding, Plan } from '../engine/types.js';
import type { Outcome } from '../rules/schema.js';
import { dated, forClients } from './handout-format.js';

const LABELS: Record<Outcome, string> = {
  block: 'Not now',
  clearance: "Your doctor's approval first",
  defer: 'A later start',
  modify: 'A change to your plan',
  caution: 'Good to know',
};

/** Findings that ask the practitioner to do something and tell the client nothing. */
const PRACTITIONER_ONLY = new Set(['age-not-recorded', 'interval-conflict']);

/** Whatever a clinic's rules say, a blood-thinner handout carries this sentence (the
 * domain's one hard rule about medicines: stopping one raises clot and stroke risk). */
export const KEEP_MEDICINE = "Don't stop or change a prescribed medicine without your prescriber's approval.";

export interface ClientFinding {
  code: string;
  outcome: Outcome;
  label: string;
  text: string;
}

function wording(finding: Finding, plan: Plan): string {
  let text = finding.clientMessage.trim();
  if (finding.code === 'blood-thinners' && !/prescrib/i.test(text)) text = `${text} ${KEEP_MEDICINE}`;
  // A date to aim for helps only when treatment is going ahead.
  if (finding.outcome === 'defer' && plan.earliestStart && plan.status !== 'not-eligible') text = `${text} First session on or after ${dated(plan.earliestStart)}.`;
  return text;
}

/** True when the message only repeats care steps the handout lists anyway (the skin-type
 * adjustment words itself as its before- and after-care). */
function onlyRepeatsCare(text: string, plan: Plan): boolean {
  let rest = text;
  for (const step of [...plan.beforeCare, ...plan.afterCare]) rest = rest.split(step.text).join('');
  return rest.trim() === '';
}

/** The findings to show the client, blocks first, in the order the engine gave them. */
export function clientFindings(plan: Plan): ClientFinding[] {
  const order: Outcome[] = ['block', 'clearance', 'defer', 'modify', 'caution'];
  return plan.findings
    .filter((f) => !PRACTITIONER_ONLY.has(f.code) && !onlyRepeatsCare(f.clientMessage, plan))
    .map((f) => ({ code: f.code, outcome: f.outcome, label: LABELS[f.outcome], text: forClients(wording(f, plan)) }))
    .sort((a, b) => order.indexOf(a.outcome) - order.indexOf(b.outcome));
}
