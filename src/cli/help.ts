// The words of --help beyond commander's option lists: exit codes, examples, the columns
// batch reads and the ids the rules in force accept. Wrapped to the terminal's width (80
// when not a terminal), like all other text.
import { existsSync } from 'node:fs';
import { readRuleIds, rulesDir } from '../shell/rules-dir.js';
import { wrapWords } from '../render/wrap.js';
import { FIELD_IDS, FIELDS } from '../intake/fields.js';

/** The width help is written for: the terminal's, at most 80 (help reads best narrow), never below 40. */
export function helpWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout): number {
  return stream.isTTY && stream.columns ? Math.max(40, Math.min(80, stream.columns)) : 80;
}

const CODES: [number, string][] = [
  [0, 'plan(s) produced, whatever their status (not-eligible is a result too)'],
  [1, 'batch finished but some rows were rejected (see --rejects)'],
  [2, 'usage or input error: unknown option or id, bad value, missing answer'],
  [3, 'the rules folder is invalid'],
  [4, 'the records database cannot be used'],
  [70, 'a bug: please report it (add --debug for the stack)'],
  [74, 'an output could not be written; the file that was there is left as it was'],
  [130, 'interrupted (Ctrl-C)'],
  [143, 'terminated (SIGTERM); 129 when the terminal hung up (SIGHUP)'],
];

/** "Exit codes:" with the codes a command can end with (1 is batch's only). */
export function exitCodesHelp(width: number, only?: readonly number[]): string {
  const lines = CODES.filter(([code]) => !only || only.includes(code)).flatMap(([code, text]) =>
    wrapWords(text, width - 7).map((line, i) => `  ${(i === 0 ? String(code) : '').padEnd(5)}${line}`),
  );
  return `\nExit codes:\n${lines.join('\n')}`;
}

export const PLAN_EXIT_CODES = [0, 2, 3, 4, 70, 74, 130];

export const PLAN_EXAMPLES = `
Examples:
  $ needleplan plan --concern acne-scars=severe --zone cheeks \\
      --fitzpatrick III --screened --start 2027-01-05
  $ needleplan plan --area cheeks:acne-scars=severe \\
      --area forehead:pigmentation=mild --fitzpatrick 4 --screened -f json
  $ needleplan plan -c pigmentation,texture -z cheeks -s mild --fitzpatrick 4 \\
      --condition active-acne@cheeks --screened
  $ needleplan plan -c fine-lines=moderate -z periorbital --fitzpatrick II \\
      --condition blood-thinners --screened
  $ needleplan plan -c acne-scars -z cheeks    (on a terminal: asks the rest)
  $ needleplan                                 (a full consultation)`;

/** Why prompts may appear, wrapped to the width. */
export function planNotes(width: number): string {
  return `\n${wrapWords(
    'Treatment areas: each zone is planned from the concerns treated in it. With one concern, or one zone, -c and -z pair every concern with every zone it fits; with several of each, name the areas with --area (a terminal asks instead). When a required answer (concern, severity, zone, skin type) is missing, a terminal gets a consultation asking only what the flags left open; with --no-input or no terminal, it is an error naming the flag to pass. Without --screened (and without the screening prompts) the plan is "unscreened".',
    width,
  ).join('\n')}`;
}

/** The columns batch reads, from the one fields table. */
export function batchHelp(width: number): string {
  const columns = FIELD_IDS.map((f) => {
    const [name, ...others] = FIELDS[f].headers;
    return others.length ? `${name} (or ${others.slice(0, 2).join(', ')}${others.length > 2 ? ', ...' : ''})` : name!;
  }).join(', ');
  const text = wrapWords(
    `Columns (headers ignore case, spaces, "_" and "-"; unknown columns are ignored): ${columns}. Also: dob (or date of birth, birth date), medications (free text: drug and brand names read through the screening rules' aliases). A header naming a screening condition (Pregnant, Blood thinners) is a yes/no column for it; --map "Their Header=condition:<id>" for others. List cells take | ; or , between items. --map "Their Header=zones" for others. Columns nothing reads are named in a note (--strict: exit 2).`,
    width - 2,
  ).map((l) => `  ${l}`);
  return `\n${text.join('\n').replace(/^ {2}Columns/, 'Columns')}

Examples:
  $ needleplan batch examples/clients.csv -o plans.csv --rejects rejects.csv
  $ needleplan batch export.csv --encoding windows-1252 \\
      --map "Problem Areas=zones" --excel -o plans.csv
  $ needleplan batch export.csv --map "First Name+Last Name=client" \\
      --date-format DD/MM/YYYY --save-mapping clinic.json -o plans.csv
  $ needleplan batch next-export.csv --mapping clinic.json -o plans.csv
  $ cat examples/clients.csv | needleplan batch - -f ndjson > plans.ndjson`;
}

export const RULES_HELP = `
Examples:
  $ needleplan rules init clinic         copy the built-in rules to edit
  $ needleplan rules validate clinic     all problems at once (exit 3 if any)
  $ needleplan rules show clinic         the tables a practitioner reads
  $ needleplan plan --rules clinic ...   plan with them (or NEEDLEPLAN_RULES)

A clinic folder may hold only the files it changes; the rest are built-in.
With no [dir], validate and show use the built-in rules.`;

/**
 * Words wrapped to the width, continuation lines indented; a word longer than a line (a
 * folder path) gets a line of its own rather than being cut, so it can be copied whole.
 */
function wrapKeepingWords(text: string, width: number, indent = '  '): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line.trim() !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join('\n');
}

/** "  --concern    a, b, c" wrapped to the width under its label. */
function idLine(flag: string, ids: readonly string[], width: number): string {
  const label = `  ${flag.padEnd(13)}`;
  const lines = wrapWords(ids.join(', '), width - label.length);
  return lines.map((line, i) => (i === 0 ? label : ' '.repeat(label.length)) + line).join('\n');
}

/** The valid ids, read from the rules in force (cheaply: no zod just to print help). */
export function planChoicesHelp(rulesFlag: string | undefined, width: number): string {
  const dir = rulesDir(rulesFlag);
  const ids = readRuleIds(dir);
  const from =
    dir === undefined ? 'the built-in rules' : existsSync(dir) ? `the rules in ${dir}` : `the built-in rules: ${dir} does not exist`;
  const unreadable = ids.unreadable.length
    ? `\n${wrapKeepingWords(`  (could not read ${ids.unreadable.join(', ')}: run "needleplan rules validate")`, width, '   ')}`
    : '';
  return (
    `\n${wrapKeepingWords(`Valid ids (from ${from}):`, width)}\n` +
    [
      idLine('--concern', ids.concerns, width),
      idLine('--zone', ids.zones, width),
      idLine('--condition', ids.conditions, width),
      idLine('--device', ids.devices, width),
    ].join('\n') +
    unreadable
  );
}

export const COMPLETION_HELP = `
Install (the script runs needleplan, so needleplan must be on PATH):
  $ echo 'source <(needleplan completion bash)' >> ~/.bashrc
  $ needleplan completion zsh > "\${fpath[1]}/_needleplan"
  $ needleplan completion fish > ~/.config/fish/completions/needleplan.fish

Concern, zone and condition ids are those of the rules in force (--rules on the
line being completed, else NEEDLEPLAN_RULES, else the built-in rules).`;
