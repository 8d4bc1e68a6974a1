// FHIR JSON has no empty values: "" , [], {} and null are all invalid (ele-1: every element
// has a value or children), and an absent element is simply left out. Building resources
// with optional parts is easiest when every part may be empty, so each builder returns a
// draft and this removes what is empty, bottom up (an object left empty by the pruning of
// its members goes too). 0 and false are values and stay. Strings also lose the control
// characters FHIR forbids (below U+0020 except tab, CR and LF), e.g. from a client label.
export function pruneEmpty<T>(value: T): T {
  return (prune(value) ?? {}) as T;
}

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

function prune(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') {
    const text = value.replace(FORBIDDEN, '');
    return text.trim() === '' ? undefined : text;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      const kept = prune(member);
      if (kept !== undefined) out[key] = kept;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return value;
}
