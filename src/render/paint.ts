// Colour for the terminal renderers, as an interface: the shell hands in a chalk-backed
// paint (shell/color.ts) when colour is on. The words always carry the meaning; colour
// only underlines them.
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
