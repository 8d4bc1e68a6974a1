// Colour for the terminal renderers. The words always carry the meaning; colour only
// underlines them. chalk is loaded only when colour is on, so pipes and JSON never pay for it.
export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
}

const same = (text: string) => text;
export const plain: Paint = { bold: same, dim: same, red: same, yellow: same, green: same, cyan: same };

/** A chalk-backed paint (16 colours are enough for a status word). */
export async function chalkPaint(): Promise<Paint> {
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return {
    bold: (t) => chalk.bold(t),
    dim: (t) => chalk.dim(t),
    red: (t) => chalk.red(t),
    yellow: (t) => chalk.yellow(t),
    green: (t) => chalk.green(t),
    cyan: (t) => chalk.cyan(t),
  };
}
