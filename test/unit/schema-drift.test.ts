// The JSON Schemas in rules/schema/ are generated from the zod schemas; this fails when
// someone changes one without regenerating (npm run schema).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_FILES, type RuleFileName } from '../../src/rules/schema.js';
import { jsonSchemaText, schemaFileName } from '../../src/rules/json-schema.js';

const rulesDir = new URL('../../rules/', import.meta.url);
const names = Object.keys(RULE_FILES) as RuleFileName[];

describe('generated JSON Schemas', () => {
  it.each(names)('rules/schema for %s matches the zod schema', (name) => {
    const committed = readFileSync(new URL(`schema/${schemaFileName(name)}`, rulesDir), 'utf8');
    expect(committed, 'run "npm run schema" and commit rules/schema/').toBe(jsonSchemaText(name));
  });

  it.each(names)('%s points its $schema at the generated file', (name) => {
    const json = JSON.parse(readFileSync(new URL(name, rulesDir), 'utf8'));
    expect(json.$schema).toBe(`./schema/${schemaFileName(name)}`);
  });
});
