// The Patient carries the client's label and nothing else: needleplan holds no other
// personal data, and an export should not invent any (no gender, no birth date from age).
import type { Resource } from './types.js';
import { stableUuid } from './ids.js';

export function patient(client: string | null, planKey: string): Resource {
  const label = client?.trim() ?? '';
  // Same label, same Patient across plans; an unnamed client is this plan's own.
  const id = stableUuid('Patient', label || planKey);
  return { resourceType: 'Patient', id, name: [{ text: label }] };
}
