// Intake issues in the words of the command line: each names the flag to fix and the
// valid values, so a message from the shared intake schema reads as a usage error.
import { splitList, zonesForConcern, intakeParsers, type IntakeIssue, type RawIntake } from '../intake/schema.js';
import type { RuleSet } from '../rules/schema.js';
import { FIELDS } from '../intake/fields.js';


/** The concern ids the raw answers name, when they parse (for zone and severity hints). */
function namedConcerns(raw: RawIntake, rules: RuleSet) {
  if (splitList(raw.concerns).length === 0) return [];
  const parsed = intakeParsers(rules).concerns.safeParse(raw.concerns);
  return parsed.success ? parsed.data : [];
}

function missingLine(issue: IntakeIssue, raw: RawIntake, rules: RuleSet): string {
  const flag = FIELDS[issue.field].flag;
  switch (issue.field) {
    case 'concerns':
      return `missing ${flag} (one or more of: ${rules.concerns.concerns.map((c) => c.id).join(', ')})`;
    case 'zones': {
      const concerns = namedConcerns(raw, rules);
      const zones = concerns.length ? [...new Set(concerns.flatMap((c) => zonesForConcern(rules, c.id)))] : rules.zones.zones.map((z) => z.id);
      return `missing ${flag} (one or more of: ${zones.join(', ')})`;
    }
    case 'severity': {
      const first = namedConcerns(raw, rules).find((c) => !c.severity)?.id ?? 'acne-scars';
      return `missing ${flag} (mild, moderate or severe): ${issue.message.replace(/ \(mild, moderate or severe\)$/, '')}; or give a concern its own, e.g. --concern ${first}=moderate`;
    }
    case 'fitzpatrick':
      return `missing ${flag} (I-VI, or 1-6)`;
    case 'areas': {
      const example = /e\.g\. (.*)$/.exec(issue.message)?.[1]?.split(', ').map((pair) => `${flag} ${pair}`).join(' ');
      return `missing ${flag}: ${issue.message.replace(/; name each .*$/, '')}; name each treatment area${example ? `, e.g. ${example}` : ''}`;
    }
    default:
      return `missing ${flag}: ${issue.message}`;
  }
}

/** One line per issue, e.g. "missing --fitzpatrick (I-VI, or 1-6)" or "--zone: ...". */
export function issueLines(issues: readonly IntakeIssue[], raw: RawIntake, rules: RuleSet): string[] {
  return issues.map((issue) => (issue.code === 'missing' ? missingLine(issue, raw, rules) : `${FIELDS[issue.field].flag}: ${issue.message}`));
}
