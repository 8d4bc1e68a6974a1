// The command-line program: thin registration only. Each action parses its options and
// calls one function, imported lazily so `--help` loads nothing heavy. One catch turns
// every failure into a message and the contract's exit code.
import { Command, CommanderError, Option } from 'commander';
import { UserError } from './errors.js';
import { EXIT, exitCodeFor } from './exit-code.js';

const VERSION = '0.1.0';

const EXIT_CODES_HELP = `
Exit codes:
  0    plan(s) produced, whatever their status (a not-eligible client is a result)
  1    batch finished but some rows were rejected (see --rejects)
  2    usage or input error: unknown option or id, bad value, missing answer
  3    the rules folder is invalid
  130  interrupted (Ctrl-C)`;

const PLAN_EXAMPLES = `
Examples:
  $ needleplan plan --concern acne-scars=severe --zone cheeks --fitzpatrick III --screened --start 2027-01-05
  $ needleplan plan -c pigmentation,texture -z cheeks,forehead -s mild --fitzpatrick 4 --screened -f json
  $ needleplan plan -c fine-lines=moderate -z periorbital --fitzpatrick II --condition blood-thinners --screened
  $ needleplan            (on a terminal: walks through a consultation)`;

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function buildProgram(): Command {
  const program = new Command('needleplan')
    .description('Treatment planner for microneedling (collagen induction therapy): needle depth per zone, sessions, interval, screening and care.')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces for unexpected errors')
    .showSuggestionAfterError(true)
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str) });

  program
    .command('plan')
    .description('plan one client from flags, prompts, or both')
    .option('-c, --concern <id...>', 'concern ids (repeatable or comma-separated); id=severity sets its own severity', collect)
    .option('-z, --zone <id...>', 'zone ids (repeatable or comma-separated)', collect)
    .addOption(new Option('-s, --severity <level>', 'severity for concerns without their own').choices(['mild', 'moderate', 'severe']))
    .option('--fitzpatrick <type>', 'Fitzpatrick skin type I..VI (or 1..6)')
    .addOption(new Option('--pain-tolerance <level>', 'pain tolerance (default: normal)').choices(['low', 'normal', 'high']))
    .option('--age <years>', 'client age in years')
    .option('--condition <id...>', 'screening conditions that apply (repeatable or comma-separated)', collect)
    .option('--screened', 'every other screening question was asked and answered no')
    .option('--start <YYYY-MM-DD>', 'first session date; the plan then carries dated sessions')
    .option('--client <text>', 'client name or id, echoed in the output')
    .option('--device <id>', "needling device from the rules (default: the rule set's own)")
    .option('--rules <dir>', 'use this rules folder instead of the built-in one (env: NEEDLEPLAN_RULES)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'markdown', 'html', 'ics']).default('text'))
    .option('-o, --output <file>', 'write there instead of stdout (- is stdout)')
    .option('--explain', 'show every rule behind every number')
    .option('--no-color', 'no colour, even on a terminal')
    .option('--no-input', 'never prompt; missing answers are an error naming the flags to pass')
    .addHelpText('after', PLAN_EXAMPLES + '\n' + EXIT_CODES_HELP)
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
    .option('--encoding <name>', 'input encoding: utf8 (default) or windows-1252', 'utf8')
    .option('--map <mapping>', 'map a header: "Their Header=field" (repeatable)', collect)
    .option('--rules <dir>', 'use this rules folder instead of the built-in one (env: NEEDLEPLAN_RULES)')
    .option('--excel', 'write a BOM and CRLF line ends for Excel')
    .option('--quiet', 'no summary on stderr')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (file: string, options) => {
      const { runBatch } = await import('../commands/batch.js');
      const rejected = await runBatch(file, options);
      process.exitCode = exitCodeFor({ kind: 'batch', rejected });
    });

  const rules = program.command('rules').description("check, show or copy a clinic's rules");
  rules
    .command('validate')
    .description('check every rule file and cross-reference; all problems at once (exit 3 if invalid)')
    .argument('[dir]', 'rules folder (default: the built-in rules)')
    .action(async (dir: string | undefined) => {
      const { runRulesValidate } = await import('../commands/rules.js');
      await runRulesValidate(dir);
    });
  rules
    .command('show')
    .description('print the rule set as a practitioner reads it')
    .argument('[dir]', 'rules folder (default: the built-in rules)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
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
  program.action(async () => {
    if (process.stdin.isTTY && process.stdout.isTTY) {
      const { runPlan } = await import('../commands/plan.js');
      await runPlan({ format: 'text', color: true, input: true });
    } else {
      process.stderr.write(`${program.helpInformation()}\nneedleplan: no command given and no terminal to ask on; try "needleplan plan --help"\n`);
      process.exitCode = EXIT.usage;
    }
  });
  return program;
}

/** Prints an error as the contract asks and returns the exit code. */
async function report(error: unknown, debug: boolean): Promise<number> {
  const code = exitCodeFor({ kind: 'error', error });
  if (code === EXIT.interrupted) {
    process.stderr.write('\nneedleplan: interrupted\n');
  } else if (error instanceof UserError) {
    process.stderr.write(`needleplan: ${error.message}\n`);
  } else if (code === EXIT.rules) {
    const { formatRulesError } = await import('./report-rules.js');
    process.stderr.write(formatRulesError(error));
  } else {
    process.stderr.write(
      `needleplan: internal error: ${(error as Error)?.message ?? String(error)}\n` +
        'This is a bug in needleplan; please report it with the command you ran' +
        (debug ? '' : ' (add --debug to see the stack)') +
        '.\n',
    );
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  }
  return code;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version are not errors; every other commander error is a usage error.
      const ok = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help';
      process.exitCode = ok ? EXIT.ok : EXIT.usage;
      return;
    }
    process.exitCode = await report(error, debug);
  }
}
