/** Values by (source, event_id), kept as a pair so no two keys can collide. */
export class PairIndex<T = number> {
  private readonly bySource = new Map<string, Map<string, T>>();

  /** Keeps the first value of a pair, as the database keeps the first row. */
  add(source: string, id: string, value: T) {
    let ids = this.bySource.get(source);
    if (!ids) this.bySource.set(source, (ids = new Map()));
    if (!ids.has(id)) ids.set(id, value);
  }

  get(source: string, id: string): T | undefined {
    return this.bySource.get(source)?.get(id);
  }

  /** Gets and forgets: a second row for the same pair finds nothing. */
  take(source: string, id: string): T | undefined {
    const ids = this.bySource.get(source);
    const value = ids?.get(id);
    ids?.delete(id);
    return value;
  }
}
