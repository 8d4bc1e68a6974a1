// `needleplan batch <file.csv | ->`: a CSV export in, one plan per row out, streamed so
// memory stays flat whatever the file size. This module only wires the stages of src/batch,
// in the order they run:
//   input.ts (open, encoding, delimiter) -> records.ts (csv-parse, line numbers)
//   -> plan-rows.ts (columns.ts for the header, rows.ts per row, the intake schema and plan)
//   -> output.ts (CSV cells or NDJSON) -> the atomic output file; rejects.ts and summary.ts
//   beside it. A row that fails is rejected with its line, column and reason, and every other
//   row is still planned. Returns the number of rejected rows (exit 1 if any).
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { UserError } from '../errors.js';
import { assertNotInput, assertOutside, samePath } from '../shell/paths.js';
import { loadRuleSet, rulesDir } from '../shell/rules-source.js';
import { BUILTIN_RULES_DIR } from '../shell/rules-dir.js';
import { today } from '../shell/today.js';
import { parseMaps, resolveColumns, fieldName, type Columns } from '../batch/columns.js';
import { openInput } from '../batch/input.js';
import { csvParser, LineCounter, parseFailure } from '../batch/records.js';
import { planRows, type RowStage } from '../batch/plan-rows.js';
import { csvWriter } from '../batch/output.js';
import { RejectsWriter } from '../batch/rejects.js';
import { cannotWrite, openAtomicFile, type AtomicFile } from '../shell/atomic-write.js';
import { onSignal } from '../shell/signals.js';
import { formatSummary, Tally } from '../batch/summary.js';
import { startProgress } from '../batch/progress.js';
import { printable } from '../text/escape.js';

export interface BatchOptions {
  format?: 'csv' | 'ndjson';
  output?: string;
  rejects?: string;
  delimiter?: string;
  encoding?: string;
  map?: string[];
  rules?: string;
  excel?: boolean;
  quiet?: boolean;
}

export interface BatchIo {
  stdin: NodeJS.ReadStream;
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
}

/** With a rejects file, stderr lists only the first few rejected rows. */
const SHOWN_WITH_FILE = 10;

export async function runBatch(
  file: string,
  options: BatchOptions,
  io: BatchIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const { output, rejects: rejectsPath } = options;
  if (output === '') throw new UserError('-o: the output file name is empty; give a file name, or - for stdout');
  if (rejectsPath === '') throw new UserError('--rejects: the file name is empty; give a file name for the rejected rows');
  assertNotInput(output, [file]);
  if (rejectsPath === '-') throw new UserError('--rejects needs a file name (the plans go to stdout)');
  assertNotInput(rejectsPath, [file], '--rejects');
  if (rejectsPath && output && output !== '-' && samePath(rejectsPath, output))
    throw new UserError(`--rejects and --output are both ${output}; give the rejected rows a file of their own`);
  const dir = rulesDir(options.rules);
  for (const folder of dir === undefined ? [BUILTIN_RULES_DIR] : [dir, BUILTIN_RULES_DIR]) {
    assertOutside(output, folder, 'the rules folder');
    assertOutside(rejectsPath, folder, 'the rules folder', '--rejects');
  }
  const maps = parseMaps(options.map);
  const rules = await loadRuleSet(options.rules);
  const day = today();

  const input = await openInput(file, { encoding: options.encoding, delimiter: options.delimiter }, io.stdin);
  const source = file === '-' ? 'stdin' : file;
  const ndjson = options.format === 'ndjson';
  const excel = options.excel ?? false;

  // Both outputs are opened before the first row is planned (a folder that cannot be written
  // fails now, not after the whole file was planned) and committed together at the end,
  // each only once both were written in full: a failed batch replaces neither.
  // A signal ends the process in shell/signals.ts, which removes both temporaries.
  const files: AtomicFile[] = [];
  const outFile = output && output !== '-' ? openAtomicFile(output) : undefined;
  if (outFile) files.push(outFile);
  let rejectsFile: AtomicFile | undefined;
  try {
    rejectsFile = rejectsPath ? openAtomicFile(rejectsPath) : undefined;
  } catch (error) {
    outFile?.discard();
    throw error;
  }
  if (rejectsFile) files.push(rejectsFile);
  const aborter = new AbortController();
  let rejects: RejectsWriter | undefined;
  const tally = new Tally();
  const lines = new LineCounter();
  const parsedLines = new LineCounter();
  const progress = await startProgress({ stream: io.stderr, enabled: !options.quiet, size: input.size, bytesRead: input.bytesRead });
  const forgetProgress = onSignal(() => progress.stop());
  let shown = 0;

  /** The header row: which column is which, and the rejects file under the same headers. */
  function startWith(header: string[]): Columns {
    const columns = resolveColumns(header, maps, source);
    if (!options.quiet) {
      for (const s of columns.shadowed)
        io.stderr.write(`${printable(`note: column "${s.header}" ignored: "${s.used}" is used for ${fieldName(s.field)} (pick another with --map)`)}\n`);
      if (columns.index.client === undefined)
        io.stderr.write('note: no client column (client, name, client id, ...); the line column ties each plan to its row\n');
    }
    if (rejectsFile) {
      // A BOM when the export was not UTF-8: Excel then reads the accents right, and a
      // rerun on the fixed file needs no --encoding (a BOM wins over it).
      rejects = new RejectsWriter(rejectsFile.stream, header, { delimiter: input.delimiter, excel: excel || input.encoding !== 'utf-8' });
    }
    return columns;
  }

  /** A rejected row: on stderr (all, or the first few when a rejects file has them) and in the file. */
  function reject(line: number, error: string, record: readonly string[]): Promise<unknown> | undefined {
    tally.addReject();
    if (!rejects || shown < SHOWN_WITH_FILE) {
      io.stderr.write(`${source}:${line}: ${printable(error)}\n`);
      shown++;
    }
    return rejects?.write(line, error, record);
  }

  const rowStage: RowStage = {
    rules,
    today: day,
    ndjson,
    source,
    lines,
    tally,
    onHeader: startWith,
    onReject: reject,
    onProgress: (rows) => progress.tick(rows),
  };
  const stages: unknown[] = [input.stream, csvParser(input.delimiter, parsedLines), (records: AsyncIterable<string[]>) => planRows(records, rowStage)];
  if (!ndjson) stages.push(csvWriter({ excel }));
  // stdout is not ended (end: false), so pipeline does not watch it: a closed pipe (| head)
  // has to stop the batch by hand.
  const onStdoutError = (error: Error) => aborter.abort(error);
  if (!outFile) io.stdout.on('error', onStdoutError);
  try {
    await (pipeline as (...args: unknown[]) => Promise<void>)(...stages, outFile?.stream ?? io.stdout, { signal: aborter.signal, end: !!outFile });
    await rejects?.close();
    for (const f of files) f.commit();
  } catch (error) {
    for (const f of files) f.discard();
    // A file that could not be written (a full disk, an I/O error): exit 74 naming it.
    const failed = files.map((f) => f.failure()).find((f) => f !== undefined);
    if (failed) throw failed;
    const reason = aborter.signal.aborted ? (aborter.signal.reason as NodeJS.ErrnoException) : undefined;
    if (reason?.code === 'EPIPE') return tally.rejected; // the reader went away (| head): stop quietly
    if (reason) throw cannotWrite('stdout', reason);
    throw parseFailure(error, source, parsedLines.next);
  } finally {
    progress.stop();
    forgetProgress();
    io.stdout.removeListener('error', onStdoutError);
  }

  if (!options.quiet)
    io.stderr.write(formatSummary(tally, { rejectsPath, notShown: tally.rejected - shown }));
  return tally.rejected;
}
