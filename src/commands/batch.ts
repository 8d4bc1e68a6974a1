// `needleplan batch <file.csv | ->`: a CSV export in, one plan per row out, streamed so
// memory stays flat whatever the file size. This module only wires the stages of src/batch,
// in the order they run:
//   input.ts (open, encoding, delimiter) -> chunk-loop.ts (csv-parse per chunk, line
//   numbers from records.ts) -> plan-rows.ts (columns.ts for the header; rows.ts and
//   export-cells.ts per row, the intake and plan) -> output.ts (CSV cells or NDJSON) -> the
//   atomic output file; rejects.ts and summary.ts beside it; mapping.ts for saved mappings. A row that fails is rejected with its line, column and reason, and every other
//   row is still planned. Returns the number of rejected rows (exit 1 if any).
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { UserError } from '../errors.js';
import { assertNotInput, assertOutside, samePath } from '../shell/paths.js';
import { loadRuleSet, rulesDir } from '../shell/rules-source.js';
import { BUILTIN_RULES_DIR } from '../shell/rules-dir.js';
import { today } from '../shell/today.js';
import { mergeMaps, parseMaps, quoteList, resolveColumns, fieldName, type Columns } from '../batch/columns.js';
import { readMapping, mappingJson, type Mapping } from '../batch/mapping.js';
import { parseDateFormat } from '../batch/dates.js';
import { screeningTable } from '../batch/screening-cells.js';
import { openInput } from '../batch/input.js';
import { LineCounter, parseFailure } from '../batch/records.js';
import { emptyFile, rowHandler } from '../batch/plan-rows.js';
import { runChunkLoop } from '../batch/chunk-loop.js';
import { excelStyle, type CsvStyle } from '../batch/output.js';
import { RejectsWriter } from '../batch/rejects.js';
import { cannotWrite, openAtomicFile, writeFileAtomic, type AtomicFile } from '../shell/atomic-write.js';
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
  /** Columns nothing reads are an error (exit 2), not a note. */
  strict?: boolean;
  dateFormat?: string;
  /** A saved mapping to read (flags win over it). */
  mapping?: string;
  /** Where to save the mapping in force, for the next export. */
  saveMapping?: string;
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
  const saveTo = options.saveMapping;
  if (saveTo !== undefined) {
    assertNotInput(saveTo, [file], '--save-mapping');
    for (const other of [output, rejectsPath])
      if (other && other !== '-' && samePath(saveTo, other)) throw new UserError(`--save-mapping and another output are both ${saveTo}; give the mapping a file of its own`);
  }
  // The saved mapping first, then the command line over it.
  const saved: Mapping | undefined = options.mapping ? readMapping(options.mapping) : undefined;
  const maps = mergeMaps(parseMaps(options.map), saved?.maps ?? []);
  const inForce: Mapping = {
    maps,
    delimiter: options.delimiter ?? saved?.delimiter,
    encoding: options.encoding ?? saved?.encoding,
    dateFormat: options.dateFormat !== undefined ? parseDateFormat(options.dateFormat) : saved?.dateFormat,
    strict: options.strict ?? saved?.strict,
  };
  const rules = await loadRuleSet(options.rules);
  const vocabulary = (({ byKey, conditions }) => ({ conditionByKey: byKey, conditionIds: conditions.map((c) => c.id) }))(screeningTable(rules));
  const day = today();

  const input = await openInput(file, { encoding: inForce.encoding, delimiter: inForce.delimiter }, io.stdin);
  const source = file === '-' ? 'stdin' : file;
  // -f wins; else the extension of -o ("plans.ndjson"); else CSV.
  const ndjson = (options.format ?? (output && /\.(ndjson|jsonl)$/i.test(output) ? 'ndjson' : 'csv')) === 'ndjson';
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
  const progress = await startProgress({ stream: io.stderr, enabled: !options.quiet, size: input.size, bytesRead: input.bytesRead });
  const forgetProgress = onSignal(() => progress.stop());
  let shown = 0;

  /** The header row: which column is which, and the rejects file under the same headers. */
  function startWith(header: string[]): Columns {
    const columns = resolveColumns(header, maps, source, vocabulary);
    const unused = [...columns.shadowed.map((s) => s.header), ...columns.unused];
    if (inForce.strict && unused.length)
      throw new UserError(
        `${source}: --strict: columns not used: ${quoteList(unused)}; read each with --map "Their Header=field", or drop it with --map "Their Header=ignore"`,
      );
    if (!options.quiet) {
      if (columns.unused.length)
        io.stderr.write(`${printable(`note: columns not used: ${quoteList(columns.unused)} (--map "Their Header=field" reads one; --map "Their Header=ignore" or --strict for none)`)}\n`);
      if (!columns.screeningAnswers && columns.index.screened !== undefined)
        io.stderr.write(
          'note: no screening answers in the file (no conditions column, no condition column such as Pregnant): rows marked screened are planned unscreened\n',
        );
      for (const s of columns.shadowed)
        io.stderr.write(`${printable(`note: column "${s.header}" ignored: "${s.used}" is used for ${fieldName(s.field)} (pick another with --map)`)}\n`);
      if (columns.index.client === undefined)
        io.stderr.write('note: no client column (client, name, client id, ...); the line column ties each plan to its row\n');
    }
    if (rejectsFile) {
      // The input's own dialect, so the fixed file reruns as the export did; a BOM also when
      // the export was not UTF-8 (the rejects are): Excel then reads the accents right, and
      // a rerun needs no --encoding (a BOM wins over it).
      rejects = new RejectsWriter(rejectsFile.stream, header, { delimiter: input.delimiter, bom: input.bom || input.encoding !== 'utf-8', lineEnd: input.lineEnd });
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

  const style: CsvStyle = excel ? excelStyle(input.delimiter) : { delimiter: ',', bom: false, lineEnd: '\n' };
  const out = outFile?.stream ?? io.stdout;
  // A closed pipe (| head), a full disk or Ctrl-C stops the loop; reading stops with it.
  const onOutError = (error: Error) => aborter.abort(error);
  out.on('error', onOutError);
  const stopReading = () => input.stream.destroy();
  aborter.signal.addEventListener('abort', stopReading);
  try {
    const hadHeader = await runChunkLoop({
      input: input.stream,
      delimiter: input.delimiter,
      lines,
      tally,
      csv: ndjson ? undefined : style,
      out,
      signal: aborter.signal,
      onHeader: (header) => {
        const columns = startWith(header);
        return { columns, handle: rowHandler(columns, rules, { today: day, dateFormat: inForce.dateFormat, rationale: ndjson }) };
      },
      onReject: reject,
      onProgress: (rows) => progress.tick(rows),
    });
    if (!hadHeader) throw emptyFile(source);
    if (outFile) {
      outFile.stream.end();
      await finished(outFile.stream);
    }
    await rejects?.close();
    for (const f of files) f.commit();
  } catch (error) {
    for (const f of files) f.discard();
    // A file that could not be written (a full disk, an I/O error): exit 74 naming it.
    const failed = files.map((f) => f.failure()).find((f) => f !== undefined);
    if (failed) throw failed;
    const reason = aborter.signal.aborted ? (aborter.signal.reason as NodeJS.ErrnoException) : undefined;
    if (reason?.code === 'EPIPE') return tally.rejected; // the reader went away (| head): stop quietly
    if (reason) throw cannotWrite(outFile ? outFile.path : 'stdout', reason);
    throw parseFailure(error, source, lines.next);
  } finally {
    progress.stop();
    forgetProgress();
    out.removeListener('error', onOutError);
    aborter.signal.removeEventListener('abort', stopReading);
  }

  if (saveTo !== undefined) {
    writeFileAtomic(saveTo, mappingJson({ ...inForce, delimiter: inForce.delimiter ?? input.delimiter }));
    if (!options.quiet) io.stderr.write(`${printable(`mapping saved to ${saveTo} (next time: --mapping ${saveTo})`)}\n`);
  }
  if (!options.quiet)
    io.stderr.write(formatSummary(tally, { rejectsPath, notShown: tally.rejected - shown }));
  return tally.rejected;
}

