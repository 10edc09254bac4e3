import {
  CanonicalEvent,
  validateCanonicalEvent,
} from '@goldenpath/plugin-platform-common';

/**
 * Where two canonical events differ, as a field path ("data.status"), or
 * `undefined` when they are the same event. Compares content, not bytes: key
 * order does not matter, and a stored event is first normalised by today's
 * schema (defaults, times in UTC), so an event stored before a normalisation
 * was introduced still matches its resend.
 */
export function differenceFromStored(
  stored: unknown,
  event: CanonicalEvent,
): string | undefined {
  const normalised = validateCanonicalEvent(stored);
  return firstDifference(normalised.ok ? normalised.event : stored, event, '');
}

/** The first path at which two JSON values differ (sorted keys), if any. */
export function firstDifference(
  a: unknown,
  b: unknown,
  path: string,
): string | undefined {
  const here = path || 'event';
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) {
      return here;
    }
    for (let i = 0; i < a.length; i++) {
      const diff = firstDifference(a[i], b[i], `${path}.${i}`);
      if (diff) return diff;
    }
    return undefined;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [
      ...new Set([...Object.keys(a), ...Object.keys(b)].sort()),
    ].filter(k => a[k] !== undefined || b[k] !== undefined);
    for (const key of keys) {
      const diff = firstDifference(
        a[key],
        b[key],
        path ? `${path}.${key}` : key,
      );
      if (diff) return diff;
    }
    return undefined;
  }
  return a === b ? undefined : here;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
