const NUMBER = '(-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)';
const OPERAND = '(?:result(?:\\[\\d+\\])?|#)';
const OP = '(<=|>=|==|<|>)';
const FORWARD = new RegExp(`${OPERAND}\\s*${OP}\\s*${NUMBER}`, 'g');
const REVERSED = new RegExp(`${NUMBER}\\s*${OP}\\s*${OPERAND}`, 'g');

/**
 * The threshold of an analysis condition when it compares the result with
 * one number: `result[0] >= 0.95`, `result < 500`, `0.95 <= result[0]`,
 * `all(result, # < 0.01)`, `isNaN(result) || result >= 0.9`. Undefined when
 * there is no comparison or several numbers (e.g. a range): the tab then
 * shows the condition as written.
 */
export function thresholdOf(
  condition: string | null | undefined,
): number | undefined {
  if (!condition) return undefined;
  const numbers = new Set<number>();
  for (const m of condition.matchAll(FORWARD)) numbers.add(Number(m[2]));
  for (const m of condition.matchAll(REVERSED)) numbers.add(Number(m[1]));
  if (numbers.size !== 1) return undefined;
  const [value] = numbers;
  return Number.isFinite(value) ? value : undefined;
}

/**
 * A measurement's value as a number: Argo stores it as text, a number or a
 * vector ("0.0123", "[0.0123]", "[0.0123 0.2]"); the first element counts.
 */
export function measurementValue(
  value: string | null | undefined,
): number | undefined {
  if (!value) return undefined;
  const first = value
    .trim()
    .replace(/^\[/, '')
    .split(/[\s,\]]+/)[0];
  if (!first) return undefined;
  const number = Number(first);
  return Number.isFinite(number) ? number : undefined;
}
