// Tables of words people type ("mild", "yes", "tab"). Looked up through a Map, never a
// plain object: "constructor" or "__proto__" in a cell must be an unknown word, not
// something inherited from Object.prototype that reads as an answer.

/** A lookup from a word to its meaning; undefined for any word not in the table. */
export function wordTable<T>(entries: Readonly<Record<string, T>>): (word: string) => T | undefined {
  const map = new Map<string, T>(Object.entries(entries));
  return (word) => map.get(word);
}
