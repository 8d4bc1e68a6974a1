// The command-line program: thin registration only. Each action parses its options and
// calls one function, imported lazily so `--help` loads nothing heavy. One catch turns
// every failure into a message and the contract's exit code.
import { readFileSync } from 'node:fs';
import { Argument, Command, Option } from 'commander';
import { UserError } from '../errors.js';
import { describeError } from './catch.js';
import { packageFile } from '../package-root.js';
import { exitCodeFor } from './exit-code.js';
import { FORMATS } from '../render/index.js';
import { batchHelp, COMPLETION_HELP, exitCodesHelp, helpWidth, planChoicesHelp, planNotes, PLAN_EXAMPLES, PLAN_EXIT_CODES, RULES_HELP } from './help.js';
import { suggest } from '../text/names.js';
import { guardStdio, writeStderr } from '../shell/streams.js';
import { installSignalHandlers } from '../shell/signals.js';
import { registerRecordsCommands } from './records-commands.js';
import { printable } from '../text/escape.js';

const VERSION = (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version;

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `completion: false` leaves out the completion commands (the completion module adds its own). */
export function buildProgram({ completion = true }: { completion?: boolean } = {}): Command {
  const program = new Command('needleplan')
    .description('Treatment planner for microneedling (collagen induction therapy): needle depth per zone, sessions, interval, screening and care.')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces for unexpected errors')
    .configureHelp({ helpWidth: helpWidth() })
    .showSuggestionAfterError(true)
    .showHelpAfterError('(add --help to see the options)')
    .addHelpText('after', () => exitCodesHelp(helpWidth()))
    .helpCommand('help [command]', 'show help for a command')
    .exitOverride()
    // An option value is shown, never run: escape sequences in it are printed as \xNN.
    .configureOutput({
      writeErr: writeStderr,
      outputError: (str, write) => write(`needleplan: ${str.replace(/^error: /, '').split('\n').map(printable).join('\n')}`),
    });

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
    .option('--save', "store the plan as the client's course in the records database (needs --client)")
    .option('--db <file>', 'the records database (env: NEEDLEPLAN_DB)')
    // Built when shown: the ids of the rules in force (--rules is parsed before --help acts).
    .addHelpText('after', ({ command }) => {
      const width = helpWidth();
      return `${planChoicesHelp(command.opts().rules, width)}\n${PLAN_EXAMPLES}\n${planNotes(width)}\n${exitCodesHelp(width, PLAN_EXIT_CODES)}`;
    })
    .action(async (options) => {
      const { runPlan } = await import('../commands/plan.js');
      await runPlan(options);
    });

  program
    .command('batch')
    .description('plan many clients from a CSV export (- reads stdin)')
    .argument('<file>', 'CSV file, or - for stdin')
    .addOption(new Option('-f, --format <format>', 'output format (default: from the -o extension, else csv)').choices(['csv', 'ndjson']))
    .option('-o, --output <file>', 'write there instead of stdout (- is stdout)')
    .option('--rejects <file>', 'write rejected rows (line, error, original cells) there')
    .option('--delimiter <char>', 'field delimiter (default: detected from the header; "tab" for tab)')
    .option('--encoding <name>', 'input encoding when the file has no BOM: utf8 (default) or windows-1252')
    .option('--map <mapping>', 'map a header: "Their Header=field" (repeatable; "A+B=client" joins columns; field "ignore" drops a column)', collect)
    .option('--date-format <format>', 'how start and dob dates are written: YYYY-MM-DD (default), DD/MM/YYYY or MM/DD/YYYY')
    .option('--strict', 'columns nothing reads are an error (exit 2), not a note')
    .option('--no-strict', 'columns nothing reads are a note (over a saved mapping that says strict)')
    .option('--mapping <file>', 'read a saved column mapping (maps, delimiter, encoding, date format, strict); flags win over it')
    .option('--save-mapping <file>', 'save the mapping in force to a file, for the next export')
    .option('--rules <dir>', 'use this rules folder instead of the built-in one (env: NEEDLEPLAN_RULES)')
    .option('--excel', 'write CSV for Excel the way the input came: its delimiter, a BOM, CRLF')
    .option('--quiet', 'no summary and no progress bar on stderr')
    .addHelpText('after', () => `${batchHelp(helpWidth())}\n${exitCodesHelp(helpWidth(), [0, 1, 2, 3, 70, 74, 130, 143])}`)
    .action(async (file: string, options) => {
      const { runBatch } = await import('../commands/batch.js');
      const rejected = await runBatch(file, options);
      process.exitCode = exitCodeFor({ kind: 'batch', rejected });
    });

  registerRecordsCommands(program);

  const rules = program
    .command('rules')
    .description("check, show or copy a clinic's rules")
    .addHelpText('after', RULES_HELP);
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

  if (completion) {
    program
      .command('completion')
      .description('print a shell completion script (bash, zsh or fish)')
      .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
      .addHelpText('after', COMPLETION_HELP)
      .action(async (shell: 'bash' | 'zsh' | 'fish') => {
        const { runCompletion } = await import('../commands/completion.js');
        runCompletion(shell, buildProgram({ completion: false }));
      });
    // What the completion script asks on each Tab: `needleplan complete -- <words so far>`.
    program
      .command('complete', { hidden: true })
      .argument('[words...]')
      .action(async (words: string[]) => {
        const { runComplete } = await import('../commands/completion.js');
        runComplete(words, buildProgram({ completion: false }));
      });
  }

  // No command: a consultation on a terminal, short help otherwise.
  // Set after the subcommands exist so they keep commander's own excess-argument check.
  // Unknown options reach the action too, so "needleplan plam -c x" names the command, not -c.
  program.allowExcessArguments(true).allowUnknownOption(true);
  program.action(async (_options: unknown, command: Command) => {
    const [word] = command.args;
    if (word !== undefined) {
      const names = program.commands.map((c) => c.name()).filter((name) => name !== 'complete');
      if (word.startsWith('-')) throw new UserError(`unknown option ${printable(word)} (add --help to see the options)`);
      const guess = suggest(word, names.map((n) => ({ id: n, label: n, aliases: [] })));
      throw new UserError(`unknown command "${printable(word)}"${guess ? ` (did you mean ${guess}?)` : ''}; commands: ${names.join(', ')}`);
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
  // A closed or full stdout or stderr, and SIGINT/SIGTERM/SIGHUP, end the process in one
  // line with the contract's code (shell/streams.ts, shell/signals.ts).
  guardStdio();
  installSignalHandlers();
  // A wait nothing will ever end (an event that never comes) would let the process run out
  // of work and exit 0 without a word, as if all was written: call it the bug it is.
  let settled = false;
  const unsettled = () => {
    if (settled) return;
    const { code, text } = describeError(new Error('the command stopped before it finished (a wait that never ended)'), argv.includes('--debug'));
    writeStderr(text);
    process.exitCode = code;
  };
  process.once('beforeExit', unsettled);
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    const { code, text } = describeError(error, argv.includes('--debug'));
    writeStderr(text);
    process.exitCode = code;
  } finally {
    settled = true;
    process.removeListener('beforeExit', unsettled);
  }
}
