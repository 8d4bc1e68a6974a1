// Word-wrapping for the terminal renderer: every line fits the width, continuation lines
// hang under the first line's text. Works on plain text; colour is added afterwards.

/** Breaks text into lines of at most `width` characters (a longer word is cut). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean).flatMap((w) => (w.length > width ? (w.match(new RegExp(`.{1,${width}}`, 'gu')) ?? [w]) : [w]));
  for (const word of words) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * `first` + text, wrapped to `width`, continuation lines indented to the length of `first`
 * (or `rest` when given). `first` may hold colour codes: pass its visible length.
 */
export function hang(first: string, text: string, width: number, firstVisible = first.length, rest = ' '.repeat(firstVisible)): string[] {
  const lines = wrapWords(text, Math.max(20, width - firstVisible));
  return lines.map((line, i) => (i === 0 ? first : rest) + line);
}
