// The command-line program: thin registration only. Each action parses its options and
// calls one function, imported lazily so `--help` loads nothing heavy. One catch turns
// every failure into a message and the contract's exit code.
import { existsSync, readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { UserError } from '../errors.js';
import { describeError } from './catch.js';
import { EXIT, exitCodeFor } from './exit-code.js';
import { FORMATS } from '../render/index.js';
import { readRuleIds, rulesDir } from '../shell/rules-dir.js';
import { suggest } from '../text/names.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const EXIT_CODES_HELP = `
Exit codes:
  0    plan(s) produced, whatever their status (not-eligible is a result too)
  1    batch finished but some rows were rejected (see --rejects)
  2    usage or input error: unknown option or id, bad value, missing answer
  3    the rules folder is invalid
  130  interrupted (Ctrl-C)`;

const PLAN_EXAMPLES = `
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
  $ needleplan                                 (a full consultation)

Treatment areas: each zone is planned from the concerns treated in it. With one
concern, or one zone, -c and -z pair every concern with every zone it fits; with
several of each, name the areas with --area (a terminal asks instead).

When a required answer (concern, severity, zone, skin type) is missing, a
terminal gets a consultation asking only what the flags left open; with
--no-input or no terminal, it is an error naming the flag to pass. Without
--screened (and without the screening prompts) the plan is "unscreened".`;

const BATCH_HELP = `
Columns (headers ignore case, spaces, "_" and "-"; unknown columns are ignored):
  client (or name, client id, client name), concerns, zones (or areas,
  treatment areas), severity, fitzpatrick (or skin type), pain tolerance, age,
  conditions, screened, start (or start date, first session), device.
  List cells take | ; or , between items. --map "Their Header=zones" for others.

Examples:
  $ needleplan batch clients.csv -o plans.csv --rejects rejects.csv
  $ needleplan batch export.csv --encoding windows-1252 \\
      --map "Problem Areas=zones" --excel -o plans.csv
  $ cat clients.csv | needleplan batch - -f ndjson > plans.ndjson`;

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** "  --concern    a, b, c" wrapped to 80 columns under its label. */
function idLine(flag: string, ids: readonly string[]): string {
  const lines: string[] = [];
  let line = `  ${flag.padEnd(13)}`;
  ids.forEach((id, i) => {
    const word = i < ids.length - 1 ? `${id},` : id;
    if (line.length + word.length + 1 > 80 && line.trim() !== flag) {
      lines.push(line.trimEnd());
      line = ' '.repeat(15);
    }
    line += line.endsWith(' ') ? word : ` ${word}`;
  });
  lines.push(line);
  return lines.join('\n');
}

/** The valid ids, read from the rules in force (cheaply: no zod just to print help). */
function planChoicesHelp(rulesFlag: string | undefined): string {
  const dir = rulesDir(rulesFlag);
  const ids = readRuleIds(dir);
  const from =
    dir === undefined ? 'the built-in rules' : existsSync(dir) ? `the rules in ${dir}` : `the built-in rules: ${dir} does not exist`;
  const unreadable = ids.unreadable.length ? `\n  (could not read ${ids.unreadable.join(', ')}: run "needleplan rules validate")` : '';
  return (
    `\nValid ids (from ${from}):\n` +
    [idLine('--concern', ids.concerns), idLine('--zone', ids.zones), idLine('--condition', ids.conditions), idLine('--device', ids.devices)].join('\n') +
    unreadable
  );
}

export function buildProgram(): Command {
  const program = new Command('needleplan')
    .description('Treatment planner for microneedling (collagen induction therapy): needle depth per zone, sessions, interval, screening and care.')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces for unexpected errors')
    .showSuggestionAfterError(true)
    .showHelpAfterError('(add --help to see the options)')
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(`needleplan: ${str.replace(/^error: /, '')}`) });

  program
    .command('plan')
    .description('plan one client from flags, prompts, or both')
    .option('-c, --concern <id...>', 'concern ids (repeatable or comma-separated); id=severity sets its own severity', collect)
    .option('-z, --zone <id...>', 'zone ids (repeatable or comma-separated)', collect)
    .option('-a, --area <zone:concern...>', 'a treatment area: a zone and a concern treated there, zone:concern[=severity] (repeatable or comma-separated; repeat a zone to add concerns)', collect)
    .option('-s, --severity <level>', 'mild, moderate or severe: for concerns without their own')
    .option('--fitzpatrick <type>', 'Fitzpatrick skin type I..VI (or 1..6)')
    .option('--pain-tolerance <level>', 'low, normal or high (default: normal)')
    .option('--age <years>', 'client age in years')
    .option('--condition <id...>', 'screening conditions that apply (repeatable or comma-separated); an in-area one may name its zone: id@zone', collect)
    .option('--screened', 'every other screening question was asked and answered no')
    .option('--start <YYYY-MM-DD>', 'first session date; the plan then carries dated sessions')
    .option('--client <text>', 'client name or id, echoed in the output')
    .option('--device <id>', "needling device from the rules (default: the rule set's own)")
    .option('--rules <dir>', 'use this rules folder instead of the built-in one (env: NEEDLEPLAN_RULES)')
    .addOption(new Option('-f, --format <format>', 'output format (default: from the -o extension, else text)').choices(FORMATS))
    .option('-o, --output <file>', 'write there instead of stdout (- is stdout)')
    .option('--explain', 'show every rule behind every number')
    .option('--no-color', 'no colour, even on a terminal (NO_COLOR works too)')
    .option('--no-input', 'never prompt; missing answers are an error naming the flags to pass')
    // Built when shown: the ids of the rules in force (--rules is parsed before --help acts).
    .addHelpText('after', ({ command }) => `${planChoicesHelp(command.opts().rules)}\n${PLAN_EXAMPLES}\n${EXIT_CODES_HELP}`)
    .action(async (options) => {
      const { runPlan } = await import('../commands/plan.js');
      await runPlan(options);
    });

  program
    .command('batch')
    .description('plan many clients from a CSV export (- reads stdin)')
    .argument('<file>', 'CSV file, or - for stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['csv', 'ndjson']).default('csv'))
    .option('-o, --output <file>', 'write there instead of stdout (- is stdout)')
    .option('--rejects <file>', 'write rejected rows (line, error, original cells) there')
    .option('--delimiter <char>', 'field delimiter (default: detected from the header; "tab" for tab)')
    .option('--encoding <name>', 'input encoding when the file has no BOM: utf8 (default) or windows-1252', 'utf8')
    .option('--map <mapping>', 'map a header: "Their Header=field" (repeatable; field "ignore" drops a column)', collect)
    .option('--rules <dir>', 'use this rules folder instead of the built-in one (env: NEEDLEPLAN_RULES)')
    .option('--excel', 'write a BOM and CRLF line ends for Excel')
    .option('--quiet', 'no summary and no progress bar on stderr')
    .addHelpText('after', BATCH_HELP + '\n' + EXIT_CODES_HELP)
    .action(async (file: string, options) => {
      const { runBatch } = await import('../commands/batch.js');
      const rejected = await runBatch(file, options);
      process.exitCode = exitCodeFor({ kind: 'batch', rejected });
    });

  const rules = program
    .command('rules')
    .description("check, show or copy a clinic's rules")
    .addHelpText(
      'after',
      `
Examples:
  $ needleplan rules init clinic         copy the built-in rules to edit
  $ needleplan rules validate clinic     all problems at once (exit 3 if any)
  $ needleplan rules show clinic         the tables a practitioner reads
  $ needleplan plan --rules clinic ...   plan with them (or NEEDLEPLAN_RULES)

A clinic folder may hold only the files it changes; the rest are built-in.
With no [dir], validate and show use the built-in rules.`,
    );
  rules
    .command('validate')
    .description('check every rule file and cross-reference; all problems at once (exit 3 if invalid)')
    .argument('[dir]', 'rules folder (default: $NEEDLEPLAN_RULES, else the built-in rules)')
    .action(async (dir: string | undefined) => {
      const { runRulesValidate } = await import('../commands/rules.js');
      await runRulesValidate(dir);
    });
  rules
    .command('show')
    .description('print the rule set as a practitioner reads it')
    .argument('[dir]', 'rules folder (default: $NEEDLEPLAN_RULES, else the built-in rules)')
    .addOption(new Option('-f, --format <format>', 'output format (fhir: a PlanDefinition and Questionnaire)').choices(['text', 'json', 'fhir']).default('text'))
    .option('--no-color', 'no colour, even on a terminal')
    .action(async (dir: string | undefined, options) => {
      const { runRulesShow } = await import('../commands/rules.js');
      await runRulesShow(dir, options);
    });
  rules
    .command('init')
    .description('copy the built-in rules into a new folder to edit')
    .argument('<dir>', 'new folder (must not exist, or be empty)')
    .action(async (dir: string) => {
      const { runRulesInit } = await import('../commands/rules.js');
      await runRulesInit(dir);
    });

  // No command: a consultation on a terminal, short help otherwise.
  // Set after the subcommands exist so they keep commander's own excess-argument check.
  program.allowExcessArguments(true);
  program.action(async (_options: unknown, command: Command) => {
    const [word] = command.args;
    if (word !== undefined) {
      const names = program.commands.map((c) => c.name());
      const guess = suggest(word, names.map((n) => ({ id: n, label: n, aliases: [] })));
      throw new UserError(`unknown command "${word}"${guess ? ` (did you mean ${guess}?)` : ''}; commands: ${names.join(', ')}`);
    }
    if (!process.stdin.isTTY) {
      process.stderr.write(program.helpInformation());
      throw new UserError('no command given and no terminal to ask on; try "needleplan plan --help"');
    }
    const { runPlan } = await import('../commands/plan.js');
    await runPlan({ format: 'text', color: true, input: true });
  });
  return program;
}

export async function main(argv: string[]): Promise<void> {
  // A reader that closes the pipe early (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    throw error;
  });
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    const { code, text } = describeError(error, argv.includes('--debug'));
    process.stderr.write(text);
    process.exitCode = code;
  }
}
