// Words for an invalid rules folder: every problem, one line each, errors then warnings.
import { RulesError } from '../rules/load.js';
import { formatProblem } from '../rules/problems.js';

export function formatRulesError(error: unknown): string {
  if (!(error instanceof RulesError)) return `needleplan: ${(error as Error).message}\n`;
  const errors = error.problems.filter((p) => p.level === 'error');
  const lines = errors.map((p) => `  ${formatProblem(p)}`);
  return `needleplan: ${error.message}:\n${lines.join('\n')}\n`;
}
