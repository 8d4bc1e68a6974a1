// JSON Schemas for editors, generated from the zod schemas so the two cannot drift.
// `npm run schema` writes them to rules/schema/; a test fails when they differ.
import { z } from 'zod';
import { RULE_FILES, type RuleFileName } from './schema.js';

export function schemaFileName(name: RuleFileName): string {
  return name.replace(/\.json$/, '.schema.json');
}

export function jsonSchemaText(name: RuleFileName): string {
  const schema = z.toJSONSchema(RULE_FILES[name], { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, title: `needleplan ${name}` }, null, 2)}\n`;
}
