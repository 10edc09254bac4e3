import { z } from 'zod';

/**
 * ISO-8601 timestamp with an explicit offset ("2026-11-02T10:00:00Z"). Zod's
 * pattern also rejects impossible dates such as 2026-02-30.
 */
export const isoTimestamp = z.iso.datetime({
  offset: true,
  message:
    'must be an ISO-8601 timestamp with a time zone, e.g. 2026-11-02T10:00:00Z',
});

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
  name: z.string().trim().min(1).max(400),
  /** Narrows a namespace to one cluster when the same name exists in several. */
  cluster: z.string().trim().min(1).max(200).optional(),
});

/** @public */
export type EventSubject = z.infer<typeof eventSubjectSchema>;

/** Envelope fields every canonical event carries (CloudEvents-like). */
export const envelopeFields = {
  /** Unique within `source`; the pair is the idempotency key. */
  id: z.string().trim().min(1).max(200),
  /** The producer, e.g. "github", "argocd/prod", "pagerduty". */
  source: z.string().trim().min(1).max(200),
  occurredAt: isoTimestamp,
  subject: eventSubjectSchema,
  /** Set by a producer that already knows the entity; otherwise the linker decides. */
  entityRef: z.string().trim().min(1).max(400).optional(),
};
