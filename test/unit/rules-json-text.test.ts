// The JSON scanner behind "bad JSON at line L, column C" and the line of every problem.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { scanJson } from '../../src/rules/load/json-text.js';

const error = (text: string) => {
  const scan = scanJson(text);
  if (scan.ok) throw new Error('expected a syntax error');
  return scan.error;
};

describe('scanJson: where each path is', () => {
  it('records the line and column of keys and list items', () => {
    const scan = scanJson('{\n  "zones": [\n    { "id": "cheeks",\n      "maxDepthMm": 2 }\n  ]\n}\n');
    expect(scan.ok).toBe(true);
    if (!scan.ok) return;
    expect(scan.map.positions.get('')).toEqual({ line: 1, column: 1 });
    expect(scan.map.positions.get('zones')).toEqual({ line: 2, column: 3 });
    expect(scan.map.positions.get('zones[0]')).toEqual({ line: 3, column: 5 });
    expect(scan.map.positions.get('zones[0].maxDepthMm')).toEqual({ line: 4, column: 7 });
  });

  it('finds a key written twice in one object (JSON.parse would keep the last silently)', () => {
    const scan = scanJson('{"a": 1,\n "b": {"a": 2},\n "a": 3}');
    expect(scan.ok && scan.map.duplicateKeys).toEqual([{ path: 'a', key: 'a', first: { line: 1, column: 2 }, at: { line: 3, column: 2 } }]);
  });

  it('accepts a byte-order mark and CRLF line ends', () => {
    const scan = scanJson('\uFEFF{\r\n  "a": 1\r\n}\r\n');
    expect(scan.ok && scan.map.positions.get('a')).toEqual({ line: 2, column: 3 });
  });
});

describe('scanJson: syntax errors in plain words, with line and column', () => {
  it.each([
    ['{\n  "a": 1,\n}', 2, 9, 'remove this comma: JSON allows no comma after the last item before }'],
    ['[1, 2,]', 1, 6, 'remove this comma: JSON allows no comma after the last item before ]'],
    ['{\n  "a": 1\n  "b": 2\n}', 2, 9, 'a comma is missing after the value of "a" (before the next key)'],
    ['{"a": [1, 2}', 1, 12, 'a "]" is missing before this "}" (to close the [ at line 1, column 7)'],
    ['{\n  "a": {\n    "b": 1\n', 4, 1, 'the file ends before the { opened at line 2, column 8 is closed with }'],
    ["{'a': 1}", 1, 2, 'keys need double quotes ("), not single quotes (\')'],
    ['{a: 1}', 1, 2, 'keys need double quotes, e.g. "id": "cheeks"'],
    ['{"a": \'x\'}', 1, 7, 'text needs double quotes ("), not single quotes (\')'],
    ['{"a": cheeks}', 1, 7, 'cheeks is not a JSON value: text needs double quotes ("cheeks"); only true, false and null go without'],
    ['{"a": 01}', 1, 7, '"01" is not a JSON number; write numbers like 0.5, 2 or 10 (no leading zeros, + signs or trailing dots)'],
    ['{"a": .5}', 1, 7, '".5" is not a JSON number; write numbers like 0.5, 2 or 10 (no leading zeros, + signs or trailing dots)'],
    ['{"a": 1} // note', 1, 10, 'comments (// or /* */) are not allowed in JSON; delete the comment'],
    ['{"a": "one\ntwo"}', 1, 11, 'the text in quotes runs past the end of the line; close it with " (write \\n for a line break inside text)'],
    ['{"a": "x\\q"}', 1, 9, '"\\q" is not a JSON escape; write \\\\ for a backslash, \\" for a quote'],
    ['{"a": "open', 1, 12, 'the text in quotes that starts at line 1, column 7 is never closed; add the closing "'],
    ['{"a" 1}', 1, 6, 'expected ":" after the key "a", found "1"'],
    ['{"a": 1}}', 1, 9, 'unexpected "}" after the end of the JSON; a rule file holds exactly one { ... }'],
    ['', 1, 1, 'the file is empty; a rule file holds one JSON object, { ... }'],
    ['  \n', 2, 1, 'the file is empty; a rule file holds one JSON object, { ... }'],
  ])('%j -> line %i, column %i', (text, line, column, message) => {
    expect(error(text)).toEqual({ line, column, code: 'syntax', message });
  });

  it('refuses nesting deeper than any rule file, without exhausting the stack', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    expect(error(deep)).toMatchObject({ code: 'depth', line: 1, column: 66 });
  });
});

describe('scanJson agrees with JSON.parse', () => {
  const sample = readFileSync(new URL('../../rules/zones.json', import.meta.url), 'utf8');
  const parses = (text: string) => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };

  it('on the built-in rule files', () => {
    for (const name of ['zones', 'concerns', 'screening', 'adjustments'])
      expect(scanJson(readFileSync(new URL(`../../rules/${name}.json`, import.meta.url), 'utf8')).ok).toBe(true);
  });

  it('on a rule file with a random edit (a character deleted, inserted or replaced)', () => {
    const edit = fc.record({
      at: fc.nat({ max: sample.length - 1 }),
      kind: fc.constantFrom('delete', 'insert', 'replace'),
      char: fc.constantFrom(...'{}[],:"\'\\ \n\t0123456789.-+eEtrufalsn/*x'),
    });
    fc.assert(
      fc.property(edit, ({ at, kind, char }) => {
        const text =
          kind === 'delete' ? sample.slice(0, at) + sample.slice(at + 1) : sample.slice(0, at) + char + sample.slice(kind === 'insert' ? at : at + 1);
        expect(scanJson(text).ok).toBe(parses(text));
      }),
      { numRuns: 2000 },
    );
  });
});
