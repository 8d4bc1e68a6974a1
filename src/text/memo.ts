// A pure function's results remembered per argument: a batch export repeats the same few
// hundred cell texts on every row, and its plans the same days and depths. The function is
// given once, so a lookup makes no closure per row.

export class Memo<K, V> {
  private readonly map = new Map<K, V>();

  /** Bounded (cleared when full), so memory stays flat on a file of all-different values. */
  constructor(
    private readonly make: (key: K) => V,
    private readonly limit = 4096,
  ) {}

  get(key: K): V {
    let v = this.map.get(key);
    if (v === undefined && !this.map.has(key)) {
      v = this.make(key);
      if (this.map.size >= this.limit) this.map.clear();
      this.map.set(key, v);
    }
    return v as V;
  }
}
