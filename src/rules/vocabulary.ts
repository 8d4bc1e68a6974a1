// The fixed words of the domain. Kept free of zod so the engine and the start-up path can
// import them without loading the schema library.
export const SEVERITIES = ['mild', 'moderate', 'severe'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const OUTCOMES = ['block', 'clearance', 'defer', 'modify', 'caution'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const ZONE_KINDS = ['face', 'body'] as const;

export const PAIN_TOLERANCES = ['low', 'normal', 'high'] as const;
export type PainTolerance = (typeof PAIN_TOLERANCES)[number];

/** Fitzpatrick skin types I-VI; type n is ROMAN[n - 1]. */
export const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;
