// Words for an invalid rules folder (exit 3): every problem, one line each, errors then warnings.
import { RulesError } from '../rules/problems.js';
import { renderRulesError } from '../render/rules-problems.js';

export function formatRulesError(error: unknown): string {
  if (!(error instanceof RulesError)) return `needleplan: ${(error as Error).message}\n`;
  return renderRulesError(error);
}
