// plan --save and the consultation's "Save to the client's records": the intake, the plan
// exactly as produced and its rules fingerprint become the client's active course (an
// earlier course stays in the history). Imported lazily: a plan without --save never
// loads the records driver.
import type { Plan } from '../engine/types.js';
import type { RuleSet } from '../rules/schema.js';
import type { Intake } from '../intake/schema.js';
import { UserError } from '../errors.js';
import { withRecords } from '../records/open.js';
import { dueOf, nextFor } from './records-common.js';

export async function saveCourse(db: string | undefined, intake: Intake, plan: Plan, rules: RuleSet, today: string): Promise<string> {
  const client = plan.client?.trim();
  if (!client) throw new UserError('--save needs --client NAME: the course is stored under the client\'s name');
  return withRecords(db, (store) => {
    const existing = store.findClient(client);
    const draft = { id: 0, clientId: 0, client, number: 0, createdOn: today, createdAt: '', active: true, intake, plan, rulesSha256: plan.rules.sha256, rulesVersion: plan.rules.version };
    const course = store.saveCourse({
      client: existing?.name ?? client,
      createdOn: today,
      createdAt: new Date().toISOString(),
      intake,
      plan,
      due: dueOf(nextFor(draft, [], rules, today)),
    });
    return `Saved as course ${course.number} for ${course.client} in ${store.file}${course.number > 1 ? ' (the earlier course stays in the history)' : ''}`;
  });
}
