// Numbers and ranges in sentences: "1.5" not "1.50", "2-4 days", "6 weeks".

/** "1.5" not "1.50", for mm and weeks in sentences. */
export const fmt = (n: number): string => String(Math.round(n * 1000) / 1000);

/** "1.5 mm" */
export const mm = (n: number): string => `${fmt(n)} mm`;

/** "2-4 days", or "6 weeks" when min and max agree. */
export const span = (r: { min: number; max: number }, unit: string): string =>
  r.min === r.max ? `${fmt(r.min)} ${unit}` : `${fmt(r.min)}-${fmt(r.max)} ${unit}`;
