// Writes rules/schema/*.schema.json from the zod schemas (npm run schema).
import { mkdirSync, writeFileSync } from 'node:fs';
import { RULE_FILES, type RuleFileName } from '../src/rules/schema.js';
import { jsonSchemaText, schemaFileName } from '../src/rules/json-schema.js';

const dir = new URL('../rules/schema/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const name of Object.keys(RULE_FILES) as RuleFileName[]) {
  writeFileSync(new URL(schemaFileName(name), dir), jsonSchemaText(name));
  console.log(`wrote rules/schema/${schemaFileName(name)}`);
}
