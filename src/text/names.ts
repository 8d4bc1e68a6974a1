// Matching what people type ("Acne Scars", "under eye") to rule ids. Pure.

/** Case-, accent-, space- and punctuation-insensitive key: "Acne Scars" and "acne-scars" match. */
export function nameKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * nameKey that also ignores a plural "s" on each word: "cold sore", "Cold-Sores" and
 * "coldsores" are one name. Rule names are matched by this key, and the rules checks
 * reject two conditions (or zones, or concerns) that share one, so a letter's difference
 * can never pick a different rule.
 */
export function looseKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word))
    .join('');
}

export interface Named {
  id: string;
  label: string;
  aliases: string[];
}

/** An index from every name key (id, label, alias) to the id it names (exact nameKey). */
export function nameIndex(items: readonly Named[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const item of items)
    for (const name of [item.id, item.label, ...item.aliases]) {
      const key = nameKey(name);
      if (key && !index.has(key)) index.set(key, item.id);
    }
  return index;
}

/**
 * The index the intake matches typed names with: keyed by looseKey, so "cold-sore history"
 * and "Cold sores history" name one condition. The rules checks make it unambiguous.
 */
export function looseIndex(items: readonly Named[]): NameIndex {
  const map = new Map<string, string>();
  for (const item of items)
    for (const name of [item.id, item.label, ...item.aliases]) {
      const key = looseKey(name);
      if (key && !map.has(key)) map.set(key, item.id);
    }
  return { get: (text: string) => map.get(looseKey(text)) };
}

export interface NameIndex {
  /** The id a typed name names, or undefined. */
  get(text: string): string | undefined;
}

/**
 * The ids whose names hold a name that matched none exactly: "cold sore" is in both
 * "active cold sore" and "cold-sore history". Two or more means the answer is ambiguous
 * and must be asked, never guessed. Names under 4 letters are too short to tell.
 */
export function namesHolding(text: string, items: readonly Named[]): string[] {
  const key = looseKey(text);
  if (key.length < 4) return [];
  return items.filter((item) => [item.id, item.label, ...item.aliases].some((name) => looseKey(name).includes(key))).map((item) => item.id);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = Math.min(up + 1, row[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length]!;
}

const suggestions = new WeakMap<readonly Named[], Map<string, string | undefined>>();

/**
 * The closest ids to a mistyped name, if close enough to be a likely typo: "acne-scar5" ->
 * "acne-scars"; a name that fits several equally ("wrinkles") -> "fine-lines or deep-wrinkles".
 */
export function suggest(text: string, items: readonly Named[]): string | undefined {
  const key = nameKey(text);
  // No id is longer than this; a longer text is no typo of one, and the edit distance of a
  // huge cell against every name would take seconds.
  if (!key || key.length > 64) return undefined;
  // A batch repeats the same typo on many rows: remember the answer per list of names.
  let cache = suggestions.get(items);
  if (!cache) suggestions.set(items, (cache = new Map()));
  if (cache.has(key)) return cache.get(key);
  const found = closest(key, items);
  if (cache.size < 10_000) cache.set(key, found);
  return found;
}

function closest(key: string, items: readonly Named[]): string | undefined {
  const distance = new Map<string, number>();
  for (const item of items)
    for (const name of [item.id, item.label, ...item.aliases]) {
      const k = nameKey(name);
      // A name inside another ("wrinkles" in "deep wrinkles") is close whatever its length.
      const d = k.includes(key) || key.includes(k) ? Math.abs(k.length - key.length) / 2 : editDistance(key, k);
      distance.set(item.id, Math.min(d, distance.get(item.id) ?? Infinity));
    }
  const best = Math.min(...distance.values());
  if (!(best <= Math.max(2, Math.floor(key.length / 3)))) return undefined;
  return [...distance].filter(([, d]) => d === best).map(([id]) => id).join(' or ');
}
