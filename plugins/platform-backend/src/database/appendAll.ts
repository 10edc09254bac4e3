/**
 * Appends `items` to `target` one by one. `target.push(...items)` passes every
 * item as an argument and throws a RangeError past ~100k of them, which a query
 * over a month of raw rows easily returns.
 */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
