// Registration of the records commands (record, next, due, history, show, forget): thin,
// each action imports its command module lazily, so --help and plan never load the
// records driver. Kept apart from main.ts so the records work merges as one file.
import { Command, Option } from 'commander';
import { FORMATS } from '../render/index.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];
const DB_HELP = 'the records database (env: NEEDLEPLAN_DB; default: needleplan/needleplan.db under $XDG_DATA_HOME)';
const RULES_HELP = 'use this rules folder instead of the built-in one (env: NEEDLEPLAN_RULES)';

const RECORDS_HELP = `
A whole course (see docs/records.md):
  $ needleplan plan -c fine-lines=moderate -z cheeks --fitzpatrick II \\
      --screened --start 2027-01-05 --client "Ana Li" --save
  $ needleplan record "Ana Li" --zone cheeks=0.75 --passes 2 --reaction mild
  $ needleplan record "Ana Li" --healed-days 5     (healing time, added later)
  $ needleplan next "Ana Li"                       (adapted, with reasons)
  $ needleplan due --within 7                      (who is due this week)
  $ needleplan show "Ana Li" -f html -o ana.html   (the saved plan, as planned)
  $ needleplan forget "Ana Li"`;

export function registerRecordsCommands(program: Command): void {
  program
    .command('record')
    .description("record a session done in the client's course (or, with --healed-days alone, add the healing time to the last one)")
    .argument('<client>', 'client name, as saved with plan --client NAME --save')
    .option('-z, --zone <zone=mm...>', 'depth used per zone, e.g. cheeks=1.5 (repeatable or comma-separated)', collect)
    .option('--date <YYYY-MM-DD>', 'the day it was done (default: today)')
    .option('--passes <n>', 'number of passes')
    .option('--reaction <level>', 'immediate reaction: none, mild, moderate or severe')
    .option('--healed-days <n>', 'days of redness until healed')
    .option('--adverse-event <text>', 'an adverse event (holds the course until reviewed)')
    .option('--lot <text>', 'device cartridge lot')
    .option('--note <text>', 'a note for the record')
    .option('--db <file>', DB_HELP)
    .option('--rules <dir>', RULES_HELP)
    .addHelpText('after', RECORDS_HELP)
    .action(async (client: string, options) => {
      const { runRecord } = await import('../commands/record.js');
      await runRecord(client, options);
    });

  program
    .command('next')
    .description('the next session of the client\'s course: date and depth per zone, adapted to how the skin healed, with reasons')
    .argument('<client>', 'client name')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'markdown', 'html', 'ics']).default('text'))
    .option('-o, --output <file>', 'write there instead of stdout (- is stdout)')
    .option('--db <file>', DB_HELP)
    .option('--rules <dir>', RULES_HELP)
    .option('--no-color', 'no colour, even on a terminal (NO_COLOR works too)')
    .action(async (client: string, options) => {
      const { runNext } = await import('../commands/next.js');
      await runNext(client, options);
    });

  program
    .command('due')
    .description('clients with a session due by a date, overdue first')
    .option('--on <YYYY-MM-DD>', 'the day to count from (default: today)')
    .option('--within <days>', 'also list sessions due up to this many days after it')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'csv', 'json']).default('text'))
    .option('-o, --output <file>', 'write there instead of stdout (- is stdout)')
    .option('--db <file>', DB_HELP)
    .action(async (options) => {
      const { runDue } = await import('../commands/due.js');
      await runDue(options);
    });

  program
    .command('history')
    .description("the client's courses and every session, with amendments")
    .argument('<client>', 'client name')
    .addOption(new Option('-f, --format <format>', 'output format (fhir: the active course as a CarePlan with a Procedure per session)').choices(['text', 'json', 'fhir']).default('text'))
    .option('-o, --output <file>', 'write there instead of stdout (- is stdout)')
    .option('--db <file>', DB_HELP)
    .action(async (client: string, options) => {
      const { runHistory } = await import('../commands/history.js');
      await runHistory(client, options);
    });

  program
    .command('show')
    .description("re-render the client's saved plan exactly as it was planned (its rules fingerprint included)")
    .argument('<client>', 'client name')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'))
    .option('-o, --output <file>', 'write there instead of stdout (- is stdout)')
    .option('--course <n>', 'an earlier course (default: the active one)')
    .option('--explain', 'show every rule behind every number')
    .option('--db <file>', DB_HELP)
    .option('--no-color', 'no colour, even on a terminal (NO_COLOR works too)')
    .action(async (client: string, options) => {
      const { runShow } = await import('../commands/history.js');
      await runShow(client, options);
    });

  program
    .command('forget')
    .description('erase the client and every record from the database (asks first)')
    .argument('<client>', 'client name')
    .option('--yes', 'do not ask (needed with --no-input or without a terminal)')
    .option('--no-input', 'never prompt')
    .option('--db <file>', DB_HELP)
    .action(async (client: string, options) => {
      const { runForget } = await import('../commands/history.js');
      await runForget(client, options);
    });
}
