/** A registry of things with ids, for extension points: a repeated id is a startup error. */
export function uniqueById<T extends { id: string }>(what: string) {
  const items = new Map<string, T>();
  return {
    add(added: T[]) {
      for (const item of added) {
        if (items.has(item.id)) {
          throw new Error(`${what} "${item.id}" is already registered`);
        }
        items.set(item.id, item);
      }
    },
    values: () => [...items.values()],
  };
}
