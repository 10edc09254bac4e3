import { z } from 'zod';
import { EVENT_LIMITS, eventTimestamp, singleLine } from './fields';
import { subjectLabelsSchema } from './kubernetesLabels';

export { isoTimestamp } from './fields';

/**
 * What an event is about, before it is linked to a catalog entity.
 * The linker resolves each kind through a catalog annotation (docs/linking.md).
 *
 * @public
 */
export const eventSubjectSchema = z.strictObject({
  kind: z.enum([
    'repository',
    'kubernetes-id',
    'namespace',
    'cluster',
    'entity',
  ]),
  /** repository: "org/repo"; kubernetes-id / namespace / cluster: its name; entity: an entity ref. */
  name: singleLine(EVENT_LIMITS.subjectName, { trimmed: true }),
  /** Narrows a namespace to one cluster when the same name exists in several. */
  cluster: singleLine(EVENT_LIMITS.subjectCluster, {
    trimmed: true,
  }).optional(),
  /**
   * A pod's namespace: with `kubernetes-id`, only entities whose
   * `backstage.io/kubernetes-namespace` (when set) equals it match.
   */
  namespace: singleLine(EVENT_LIMITS.kubernetesLabel, {
    trimmed: true,
  }).optional(),
  /**
   * A pod's labels, matched against `backstage.io/kubernetes-label-selector`.
   * Build pod subjects with `podSubject`.
   */
  labels: subjectLabelsSchema.optional(),
});

/** @public */
export type EventSubject = z.infer<typeof eventSubjectSchema>;

/**
 * Envelope fields every canonical event carries (CloudEvents-like). Strings
 * are bounded by the columns of the `events` table; `source` and `id` carry no
 * control characters and no lone surrogates, so the pair the database stores is
 * exactly the pair that was sent.
 */
export const envelopeFields = {
  /** Unique within `source`; the pair is the idempotency key. */
  id: singleLine(EVENT_LIMITS.id, { trimmed: true }),
  /** The producer, e.g. "github", "argocd/prod", "pagerduty". */
  source: singleLine(EVENT_LIMITS.source, { trimmed: true }),
  /** Not before 2000-01-01; stored as UTC milliseconds (toISOString). */
  occurredAt: eventTimestamp,
  subject: eventSubjectSchema,
  /** Set by a producer that already knows the entity; otherwise the linker decides. */
  entityRef: singleLine(EVENT_LIMITS.entityRef, { trimmed: true }).optional(),
};
