import type { Plan } from '../engine/types.js';
import type { RenderOptions } from './index.js';

export function renderText(plan: Plan, _options: RenderOptions): string {
  return `${plan.status}\n`;
}
