/**
 * How a roll-up row stores its durations (`durations_ms`). Ascending whole
 * numbers from 0 — what `rollUpCanaryHours` and the daily merge write — go as
 * `d1:` and base64 of each value's difference from the previous one in
 * unsigned LEB128 (one byte for a difference under 128). Anything else, and
 * every row written before this encoding, is JSON, which still reads.
 *
 * Why: a component's 30-day status reads about 2.6 million durations (3
 * clusters × 20 checks × 30 days × 1,440). As JSON they were ~10 MB to read
 * and parse per request; this is about a third of the size and decodes
 * about three times faster (docs/benchmarks.md, Canary).
 */
const PREFIX = 'd1:';

function isAscendingWholeNumbers(values: readonly number[]): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isSafeInteger(v) || v < 0 || (i > 0 && values[i - 1] > v)) {
      return false;
    }
  }
  return true;
}

export function encodeDurations(values: readonly number[]): string {
  if (!isAscendingWholeNumbers(values)) return JSON.stringify(values);
  const bytes: number[] = [];
  let previous = 0;
  for (const value of values) {
    let delta = value - previous;
    previous = value;
    while (delta >= 128) {
      bytes.push((delta % 128) + 128);
      delta = Math.floor(delta / 128);
    }
    bytes.push(delta);
  }
  return PREFIX + Buffer.from(bytes).toString('base64');
}

export function decodeDurations(text: string): number[] {
  if (!text.startsWith(PREFIX)) return JSON.parse(text);
  const bytes = Buffer.from(text.slice(PREFIX.length), 'base64');
  // a value ends on each byte under 128: count them to allocate once
  let count = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] < 128) count++;
  if (bytes.length > 0 && bytes[bytes.length - 1] >= 128) {
    throw new Error('durations_ms: the last value is cut off');
  }
  const values = new Array<number>(count);
  let value = 0;
  let i = 0;
  for (let n = 0; n < count; n++) {
    let byte = bytes[i++];
    let delta = byte & 127;
    let scale = 128;
    while (byte >= 128) {
      byte = bytes[i++];
      delta += (byte & 127) * scale;
      scale *= 128;
    }
    value += delta;
    values[n] = value;
  }
  return values;
}
