import { z } from 'zod';

/**
 * The bounds of canonical event fields. Each string bound is the width of the
 * database column the field is stored in (the `events` table and the
 * projection tables), so an accepted event always fits; integers fit a
 * PostgreSQL `integer`. Lengths count UTF-16 code units, as JavaScript does:
 * never more characters than the columns count.
 *
 * @public
 */
export const EVENT_LIMITS = {
  /** events.source, and every projection's `source` column */
  source: 200,
  /** events.event_id */
  id: 200,
  /** events.subject_name */
  subjectName: 400,
  /** events.subject_cluster */
  subjectCluster: 200,
  /** events.entity_ref */
  entityRef: 400,
  /** dora_*.sha, merge_sha, root_cause_sha */
  sha: 64,
  /** dora_changes.repository */
  repository: 300,
  /** dora_deployments.deployment_id, dora_incidents.caused_by_deployment_id */
  deploymentId: 200,
  /** dora_deployments.environment (after lower-casing) */
  environment: 100,
  /** dora_incidents.incident_id */
  incidentId: 200,
  /** dora_incidents.severity */
  severity: 40,
  /** `url` columns are text; a browser's practical limit */
  url: 2048,
  /** one label of a change */
  label: 255,
  /** Kubernetes object names (DNS subdomain) */
  kubernetesName: 253,
  /** Kubernetes namespaces and container names (DNS label) */
  kubernetesLabel: 63,
  /** a Kubernetes kind (Deployment, StatefulSet, ...) */
  kubernetesKind: 63,
  /** a Kubernetes label key: an optional DNS-subdomain prefix (253), "/" and a name (63) */
  labelKey: 317,
  /** a Kubernetes label value */
  labelValue: 63,
  /** labels of one event subject (a pod's labels) */
  subjectLabels: 64,
  /** a cluster name, as in events.subject_cluster */
  cluster: 200,
  /** a check or metric name */
  name: 200,
  /** one error message of a canary run */
  errorMessage: 2000,
  /** integers stored in PostgreSQL `integer` columns */
  int32: 2_147_483_647,
  /** commits of one change, shas of one deployment */
  commits: 10_000,
  labels: 100,
  errors: 50,
  metrics: 50,
  /** CPU cores of one sample */
  cores: 1_000_000,
  /** a price per core-hour or GiB-hour */
  price: 1_000_000,
} as const;

/** No event time may be earlier than this. */
export const EARLIEST_EVENT_TIME = '2000-01-01T00:00:00.000Z';

function hex(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Why a string cannot be stored as it is, or `undefined` when it can: control
 * characters (C0, DEL, C1; tab and line breaks only when `allowLineBreaks`) and
 * lone UTF-16 surrogates, which the databases would store as U+FFFD (so two
 * different ids would collide) or reject (PostgreSQL refuses U+0000).
 *
 * @public
 */
export function findUnsafeCharacter(
  value: string,
  options: { allowLineBreaks?: boolean } = {},
): string | undefined {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return `must not contain a lone UTF-16 surrogate (${hex(
        code,
      )} at position ${i})`;
    }
    if (code >= 0xdc00 && code <= 0xdfff) {
      return `must not contain a lone UTF-16 surrogate (${hex(
        code,
      )} at position ${i})`;
    }
    const control = code <= 0x1f || (code >= 0x7f && code <= 0x9f);
    const lineBreak = code === 0x09 || code === 0x0a || code === 0x0d;
    if (control && !(options.allowLineBreaks && lineBreak)) {
      return `must not contain control characters (${hex(
        code,
      )} at position ${i})`;
    }
  }
  return undefined;
}

function safeCharacters(options: { allowLineBreaks?: boolean } = {}) {
  return (value: string, ctx: z.RefinementCtx) => {
    const problem = findUnsafeCharacter(value, options);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  };
}

/**
 * A single-line string of 1 to `max` characters: no control characters, no lone
 * surrogates. `trimmed` removes surrounding spaces first (envelope fields do).
 */
export function singleLine(max: number, options: { trimmed?: boolean } = {}) {
  const checked = z.string().superRefine(safeCharacters());
  return (options.trimmed ? checked.trim() : checked).min(1).max(max);
}

/** Free text of up to `max` characters; tabs and line breaks allowed. */
export function multiLine(max: number) {
  return z
    .string()
    .superRefine(safeCharacters({ allowLineBreaks: true }))
    .max(max);
}

/**
 * Whether a link may be rendered: an absolute http or https URL. Anything else
 * (`javascript:`, `data:`, `file:`, relative paths) is not a link.
 *
 * @public
 */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const { protocol } = new URL(value);
    return (
      (protocol === 'http:' || protocol === 'https:') &&
      /^https?:\/\//i.test(value)
    );
  } catch {
    return false;
  }
}

/** A link in event data: http or https only, bounded. */
export const httpUrl = z
  .string()
  .max(EVENT_LIMITS.url)
  .superRefine(safeCharacters())
  .refine(isHttpUrl, {
    message: 'must be an absolute http:// or https:// URL',
  });

/** An integer that fits a PostgreSQL `integer` column, `min` or more. */
export function int32(min = 0) {
  return z.number().int().min(min).max(EVENT_LIMITS.int32);
}

/** A finite number from 0 to `max`. */
export function nonNegative(max: number) {
  return z.number().finite().min(0).max(max);
}

/**
 * ISO-8601 timestamp with an explicit offset ("2026-11-02T10:00:00Z"). Zod's
 * pattern also rejects impossible dates such as 2026-02-30.
 *
 * @public
 */
export const isoTimestamp = z.iso.datetime({
  offset: true,
  message:
    'must be an ISO-8601 timestamp with a time zone, e.g. 2026-11-02T10:00:00Z',
});

/**
 * A time inside an event: ISO-8601 with a zone, not before 2000-01-01, and
 * normalised to UTC milliseconds (`Date#toISOString`), so the stored event and
 * the comparison of two sends of one event do not depend on how the producer
 * wrote the offset.
 */
export const eventTimestamp = isoTimestamp
  .refine(value => Date.parse(value) >= Date.parse(EARLIEST_EVENT_TIME), {
    message: 'must not be before 2000-01-01T00:00:00Z',
  })
  .transform(value => new Date(value).toISOString());

/**
 * A refinement that reports `later` when it lies before `earlier` in an object
 * whose times are already normalised ISO strings.
 */
export function notBefore<K extends string>(later: K, earlier: K) {
  return (data: Record<K, string>, ctx: z.RefinementCtx) => {
    if (Date.parse(data[later]) < Date.parse(data[earlier])) {
      ctx.addIssue({
        code: 'custom',
        path: [later],
        message: `must not be before ${earlier} (${data[earlier]})`,
      });
    }
  };
}
