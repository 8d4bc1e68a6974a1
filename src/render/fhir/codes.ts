// Codes and quantities in needleplan's code systems, each with its human text.
import { CODE_SYSTEM, EXTENSION, UCUM } from './urls.js';
import type { CodeableConcept, Coding, Extension, Reference } from './types.js';

export const coding = (system: string, code: string, display?: string): Coding => ({ system, code, display });
export const concept = (system: string, code: string, display?: string, text: string = display ?? code): CodeableConcept => ({
  coding: [coding(system, code, display)],
  text,
});

export const MICRONEEDLING_TEXT = 'Microneedling (collagen induction therapy)';
/** The procedure, as text plus needleplan's own code: no verified SNOMED CT or CPT code exists. */
export const microneedling = (): CodeableConcept => concept(CODE_SYSTEM.procedure, 'microneedling', MICRONEEDLING_TEXT);

export const zoneConcept = (zone: string, label?: string) => concept(CODE_SYSTEM.zone, zone, label);

/** A length in millimetres as UCUM wants it: value a number, code "mm". */
export const mm = (value: number) => ({ value, unit: 'mm', system: UCUM, code: 'mm' });
export const days = (value: number) => ({ value, unit: 'd', system: UCUM, code: 'd' });

export interface ZoneDepth {
  zone: string;
  label?: string | undefined;
  depthMm: number;
  concerns?: readonly { id: string; label?: string | undefined; severity?: string | undefined }[] | undefined;
}

/** One zone of a session: where (bodySite), how deep (UCUM mm) and for which concerns. */
export function treatedZone(z: ZoneDepth): Extension {
  return {
    url: EXTENSION.treatedZone,
    extension: [
      { url: 'bodySite', valueCodeableConcept: zoneConcept(z.zone, z.label) },
      { url: 'depth', valueQuantity: mm(z.depthMm) },
      ...(z.concerns ?? []).map((c) => ({
        url: 'concern',
        valueCodeableConcept: concept(CODE_SYSTEM.concern, c.id, c.label, [c.label ?? c.id, c.severity].filter(Boolean).join(', ')),
      })),
    ],
  };
}

export const ref = (fullUrl: string, display?: string): Reference => ({ reference: fullUrl, display });
