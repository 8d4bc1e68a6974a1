// Zod's issues in plain words. Zod says "Too big: expected number to be <=10 at
// zones[1].maxDepthMm" (and z.prettifyError lays that out as a list without the file); a
// practitioner editing zones.json needs "forehead: maxDepthMm 30 is above the most allowed
// (10 mm)". Each issue becomes one problem naming the file and JSON path, with the item's
// id first, the value as written, and what to write instead.
import type { z } from 'zod';
import { formatPath, type RuleProblem } from './problems.js';
import { suggest } from '../../text/names.js';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];
/** Just enough of zod's schema internals to know which keys and types a path allows. */
interface SchemaNode {
  _zod: { def: { type: string; shape?: Record<string, SchemaNode>; element?: SchemaNode; innerType?: SchemaNode; in?: SchemaNode } };
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

function unwrap(node: SchemaNode | undefined): { node: SchemaNode | undefined; nullable: boolean } {
  let nullable = false;
  while (node) {
    const def = node._zod.def;
    if (def.type === 'nullable') nullable = true;
    if (WRAPPERS.has(def.type) && def.innerType) node = def.innerType;
    else if (def.type === 'pipe' && def.in) node = def.in;
    else break;
  }
  return { node, nullable };
}

function schemaAt(root: SchemaNode, path: Path): { node: SchemaNode | undefined; nullable: boolean } {
  let at = unwrap(root);
  for (const key of path) {
    const def = at.node?._zod.def;
    if (def?.type === 'object' && typeof key === 'string') at = unwrap(def.shape?.[key]);
    else if (def?.type === 'array' && typeof key === 'number') at = unwrap(def.element);
    else return { node: undefined, nullable: false };
  }
  return at;
}

function valueAt(json: unknown, path: Path): unknown {
  let v = json;
  for (const key of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/** "forehead: " when the path runs through a list item with an id, and the field within it. */
function subject(json: unknown, path: Path): { prefix: string; field: string } {
  for (let k = path.length - 1; k >= 0; k--) {
    if (typeof path[k] !== 'number') continue;
    const item = valueAt(json, path.slice(0, k + 1));
    const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
    const rest = formatPath(path.slice(k + 1));
    if (typeof id === 'string' && id) return { prefix: `${id}: `, field: rest || 'this item' };
    if (rest === '') return { prefix: '', field: `item ${Number(path[k]) + 1} of ${formatPath(path.slice(0, k)) || 'the list'}` };
    break;
  }
  return { prefix: '', field: formatPath(path) || 'the file' };
}

/** mm, weeks, days… from the field's own name or its parent's (depthMm.min is in mm). */
function unitOf(path: Path): string {
  const names = path.filter((k): k is string => typeof k === 'string').slice(-2).reverse();
  for (const name of names) {
    if (/Mm$/.test(name)) return ' mm';
    if (/Weeks$/.test(name)) return ' weeks';
    if (/Days$/.test(name) || name === 'days') return ' days';
    if (/Minutes$/.test(name)) return ' minutes';
    if (/Years$/.test(name)) return ' years';
  }
  return '';
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text in double quotes',
  boolean: 'true or false',
  array: 'a list in [ ]',
  object: 'an object in { }',
  null: 'null',
};

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return String(value);
}

/** A valid id close to what was written: "Acne Scars" -> "acne-scars". */
function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const didYouMean = (text: string, options: readonly string[]) => {
  const guess = suggest(text, options.map((o) => ({ id: o, label: o, aliases: [] })));
  return guess && guess !== text ? ` (did you mean "${guess}"?)` : '';
};

function words(issue: Issue, json: unknown, schema: SchemaNode): { path: Path; message: string }[] {
  const path = issue.path;
  const value = valueAt(json, path);
  const { prefix, field } = subject(json, path);
  const unit = unitOf(path);
  const say = (message: string) => [{ path, message: prefix + message }];

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = Object.keys(schemaAt(schema, path).node?._zod.def.shape ?? {}).filter((k) => k !== '$schema');
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: `${prefix}"${key}" is not a key here${didYouMean(key, known)}; delete it or fix the spelling. Keys allowed here: ${known.join(', ')}`,
      }));
    }
    case 'invalid_type': {
      const { nullable } = schemaAt(schema, path);
      const expected = (EXPECTED[issue.expected] ?? issue.expected) + (nullable ? ' or null' : '');
      if (path.length === 0) return say(`a rule file holds one JSON object, { ... }, not ${describe(value)}`);
      if (value === undefined) return say(`${field} is missing; add it (${expected})`);
      if ((issue.expected === 'number' || issue.expected === 'int') && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)))
        return say(`${field} is "${value}" in quotes; write the number without quotes: ${Number(value)}`);
      if (issue.expected === 'int' && typeof value === 'number') return say(`${field} ${value} must be a whole number`);
      return say(`${field} must be ${expected}, not ${describe(value)}`);
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array') return say(`${field} has ${(value as unknown[]).length} items; at most ${max} are allowed`);
      if (issue.origin === 'string') return say(`${field} is too long; at most ${max} characters`);
      return say(
        issue.inclusive === false
          ? `${field} ${String(value)}${unit} must be below ${max}${unit}`
          : `${field} ${String(value)}${unit} is above the most allowed (${max}${unit}); lower it`,
      );
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') return say(`the ${field} list is empty; add at least ${min === 1 ? 'one' : min}`);
      if (issue.origin === 'string') return say(`${field} is empty; write the text, or delete the key if it is optional`);
      return say(
        issue.inclusive === false
          ? `${field} ${String(value)}${unit} must be more than ${min}${unit}`
          : `${field} ${String(value)}${unit} is below the least allowed (${min}${unit}); raise it`,
      );
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      if (value === undefined) return say(`${field} is missing; add it (one of: ${options.join(', ')})`);
      const written = typeof value === 'string' ? `"${value}"` : describe(value);
      return say(`${field} ${written} is not one of: ${options.join(', ')}${didYouMean(String(value), options)}`);
    }
    case 'invalid_format': {
      if (issue.format === 'regex' && typeof value === 'string') {
        const fixed = slug(value);
        // The item's own id is the bad one: don't name the item by it.
        const lead = path[path.length - 1] === 'id' ? '' : prefix;
        return [{ path, message: `${lead}${field} "${value}" is not valid: ${issue.message}${fixed && fixed !== value ? `; try "${fixed}"` : ''}` }];
      }
      return say(`${field}: ${issue.message}`);
    }
    default:
      return say(`${field}: ${issue.message}`);
  }
}

/** One problem per issue, naming the file and the JSON path (unknown keys: the key's own path). */
export function problemsFromZod(error: z.ZodError, file: string, json: unknown, schema: z.ZodType): RuleProblem[] {
  return error.issues.flatMap((issue) =>
    words(issue, json, schema as unknown as SchemaNode).map(({ path, message }) => ({
      level: 'error' as const,
      code: 'schema',
      file,
      path: formatPath(path),
      message,
    })),
  );
}
