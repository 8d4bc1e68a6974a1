// How wide text output is: the terminal's width when writing to one, else 80 (a file, a
// pipe). Never narrower than 40: below that no table or label column fits.
export function textWidth(stream: { isTTY?: boolean; columns?: number } | undefined = process.stdout): number {
  return stream?.isTTY && stream.columns ? Math.max(40, stream.columns) : 80;
}
