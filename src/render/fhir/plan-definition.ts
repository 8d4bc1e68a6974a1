// The rule set as a PlanDefinition (a clinical protocol): its version as `version`, its
// sha256 fingerprint as an identifier and in the canonical URL (so two sets that differ
// in any value never share one). Actions: the consultation (the generated Questionnaire),
// then one per concern with one sub-action per zone it may be treated in, then screening.
import type { RuleSet, Severity } from '../../rules/schema.js';
import { SEVERITIES } from '../../rules/vocabulary.js';
import { fmt, span } from '../../text/numbers.js';
import { zonesForConcern } from '../../rules/applies.js';
import type { Resource } from './types.js';
import { CODE_SYSTEM, IDENTIFIER_SYSTEM, planDefinitionUrl, questionnaireUrl, versioned } from './urls.js';
import { concept, microneedling } from './codes.js';
import { stableUuid } from './ids.js';
import { OUTCOME_WORDS } from '../outcome-words.js';

/** A computable name (cnl-0 wants an initial capital, then letters, digits and _). */
function computableName(name: string): string {
  const words = name.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  const joined = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return /^[A-Z]/.test(joined) ? joined : `Rules${joined}`;
}

export function planDefinition(rules: RuleSet): Resource {
  const byId = new Map(rules.zones.zones.map((z) => [z.id, z]));
  const depths = (d: Record<Severity, number>) => SEVERITIES.map((s) => `${s} ${fmt(d[s])} mm`).join(', ');
  return {
    resourceType: 'PlanDefinition',
    id: stableUuid('PlanDefinition', rules.sha256),
    url: planDefinitionUrl(rules.sha256),
    identifier: [{ system: IDENTIFIER_SYSTEM.rulesSha256, value: rules.sha256 }],
    version: rules.ruleset.version,
    name: computableName(rules.ruleset.name),
    title: `${rules.ruleset.name}: microneedling rules version ${rules.ruleset.version}`,
    type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/plan-definition-type', code: 'clinical-protocol', display: 'Clinical Protocol' }] },
    status: 'active',
    publisher: rules.ruleset.name,
    description: `Depth per zone, sessions, interval, screening and care for microneedling, as needleplan plans them. ${rules.ruleset.disclaimer}`,
    topic: [microneedling()],
    action: [
      {
        title: 'Consultation',
        description: 'Ask the consultation questions; every plan is made from the answers.',
        definitionCanonical: versioned(questionnaireUrl(rules.sha256), rules.ruleset.version),
      },
      ...rules.concerns.concerns.map((c) => ({
        title: c.label,
        description: `Depth by severity before zone caps and skin-type adjustments: ${depths(c.depthMm)}.`,
        code: [concept(CODE_SYSTEM.concern, c.id, c.label)],
        action: zonesForConcern(rules, c.id).map((id) => {
          const zone = byId.get(id)!;
          return {
            title: zone.label,
            description: `No deeper than ${fmt(zone.maxDepthMm)} mm here.`,
            code: [concept(CODE_SYSTEM.zone, zone.id, zone.label)],
          };
        }),
      })),
      {
        title: 'Screening',
        description: 'A yes to any of these changes the plan as each says.',
        action: rules.screening.conditions.map((c) => ({
          title: c.label,
          description: `${c.question} If yes (${OUTCOME_WORDS[c.outcome].meaning}): ${c.message}${c.deferWeeks ? ` Wait ${fmt(c.deferWeeks)} weeks.` : ''}${c.downtimeExtraDays ? ` Adds ${span(c.downtimeExtraDays, 'days')} of downtime.` : ''}`,
          code: [concept(CODE_SYSTEM.finding, c.id, c.label)],
        })),
      },
    ],
  };
}
