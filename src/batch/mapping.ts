// A saved column mapping: what a clinic would otherwise retype for every export of the same
// software (its --map list, delimiter, encoding, date format, --strict). `--save-mapping`
// writes the mapping in force; `--mapping` reads it back, and flags on the command line
// win over it. JSON, checked by a strict zod schema so a typo in a key is an error naming
// the file and the JSON path, never a setting silently ignored.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { UserError } from '../errors.js';
import { problemsFromZod } from '../rules/load/issue-words.js';
import { formatProblem } from '../rules/load/problems.js';
import { fileErrorWords } from '../text/file-errors.js';
import { DATE_FORMATS, type DateFormat } from './dates.js';
import { mapText, parseMaps, type MapEntry } from './columns.js';

/** The file's format version: a later needleplan that changes it says so instead of misreading. */
export const MAPPING_VERSION = 1;

export const MappingFile = z.strictObject({
  needleplanMapping: z.literal(MAPPING_VERSION).meta({ description: 'The mapping format version.' }),
  /** "Their Header": "field", as --map "Their Header=field". */
  map: z.record(z.string().min(1), z.string().min(1)).default({}),
  delimiter: z.string().min(1).optional(),
  encoding: z.string().min(1).optional(),
  dateFormat: z.enum(DATE_FORMATS).optional(),
  strict: z.boolean().optional(),
});
export type MappingFile = z.infer<typeof MappingFile>;

/** A mapping as batch uses it. */
export interface Mapping {
  maps: MapEntry[];
  delimiter?: string | undefined;
  encoding?: string | undefined;
  dateFormat?: DateFormat | undefined;
  strict?: boolean | undefined;
}

/** Reads and checks a mapping file; exit 2 with the file (and JSON path) on any problem. */
export function readMapping(path: string): Mapping {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read the mapping ${path}: ${fileErrorWords(e, 'file', 'read')}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UserError(`${path}: not valid JSON (${(e as Error).message}); a mapping is written by --save-mapping`);
  }
  const parsed = MappingFile.safeParse(json);
  if (!parsed.success)
    throw new UserError(
      [`${path}: not a needleplan mapping:`, ...problemsFromZod(parsed.error, path, json, MappingFile).map((p) => `  ${formatProblem(p)}`)].join('\n'),
    );
  const { map, delimiter, encoding, dateFormat, strict } = parsed.data;
  let maps: MapEntry[];
  try {
    maps = parseMaps(Object.entries(map).map(([header, target]) => `${header}=${target}`));
  } catch (e) {
    if (e instanceof UserError) throw new UserError(`${path}: map: ${e.message}`);
    throw e;
  }
  return { maps, delimiter, encoding, dateFormat, strict };
}

/** The mapping as JSON text for --save-mapping (keys in a fixed order, a newline at the end). */
export function mappingJson(mapping: Mapping): string {
  const file: MappingFile = {
    needleplanMapping: MAPPING_VERSION,
    map: Object.fromEntries(mapping.maps.map((m) => {
      const text = mapText(m);
      const at = text.lastIndexOf('=');
      return [text.slice(0, at), text.slice(at + 1)];
    })),
    ...(mapping.delimiter !== undefined && { delimiter: mapping.delimiter }),
    ...(mapping.encoding !== undefined && { encoding: mapping.encoding }),
    ...(mapping.dateFormat !== undefined && { dateFormat: mapping.dateFormat }),
    ...(mapping.strict !== undefined && { strict: mapping.strict }),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
