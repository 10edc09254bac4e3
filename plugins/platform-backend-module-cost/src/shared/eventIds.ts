import { EVENT_LIMITS } from '@goldenpath/plugin-platform-common';
import { createHash } from 'node:crypto';

function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * `value` if it fits `max` characters, else a readable prefix and a hash of the
 * whole, so two long values never share a result and the same value always
 * gives the same one.
 */
export function fitLength(value: string, max: number): string {
  if (value.length <= max) return value;
  const hash = sha256Hex(value).slice(0, 16);
  return `${value.slice(0, max - hash.length - 1)}~${hash}`;
}

/** The UTC hour an id names: "2026-11-02T10". */
export function hourKey(hourStartMs: number): string {
  return new Date(hourStartMs).toISOString().slice(0, 13);
}

/**
 * An event id made of path segments, deterministic so a re-poll of the same
 * hour sends the same id (the intake reports a duplicate). Ids over the
 * envelope's limit keep a prefix and a hash of the whole.
 */
export function eventId(segments: string[]): string {
  return fitLength(segments.join('/'), EVENT_LIMITS.id);
}

/**
 * The pod's UID when the source knows it; otherwise its name, which is unique
 * in its namespace at any one time (a StatefulSet pod recreated under the same
 * name is then one pod). Bounded to the field's 63 characters.
 */
export function podUidOrName(uid: string | undefined, pod: string): string {
  return fitLength(uid || pod, EVENT_LIMITS.kubernetesLabel);
}
