import {
  CanonicalEventInput,
  EventSubject,
  isoTimestamp,
} from '@goldenpath/plugin-platform-common';
import { z } from 'zod';
import { parsePayload } from '@goldenpath/plugin-platform-node';

/** The canonical `source` of generic incidents. */
export const INCIDENTS_SOURCE = 'incidents';

// Strict, like canonical data: a misspelt field fails loudly instead of being
// dropped, and no personal data (assignees, responders) can ride along.
const incident = z.strictObject({
  // Room for the "/resolved" suffix within the 200-character event id.
  id: z.string().trim().min(1).max(190),
  /** "org/repo" or an entity ref such as "component:default/payments-api". */
  service: z.string().trim().min(1).max(400),
  severity: z.string().trim().min(1).max(40),
  openedAt: isoTimestamp,
  resolvedAt: isoTimestamp.optional(),
  causedByDeploymentId: z.string().trim().min(1).max(200).optional(),
  rootCauseSha: z.string().trim().min(7).max(64).optional(),
  url: z.url().optional(),
});

const incidentPayload = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('opened'), incident }),
  z.strictObject({
    action: z.literal('resolved'),
    incident: incident.extend({ resolvedAt: isoTimestamp }),
  }),
]);

/** @public */
export type IncidentPayload = z.input<typeof incidentPayload>;

const REPOSITORY_SLUG = /^[\w.-]+\/[\w.-]+$/;

/**
 * "org/repo" is a repository; anything else (which must then carry its kind,
 * e.g. "component:default/x", or be a bare name) is an entity ref.
 */
export function subjectOf(service: string): EventSubject {
  return REPOSITORY_SLUG.test(service)
    ? { kind: 'repository', name: service }
    : { kind: 'entity', name: service };
}

/**
 * Maps the generic incident webhook body. Ids are `<incident id>/opened` and
 * `<incident id>/resolved`, so a redelivery is a duplicate.
 *
 * @public
 */
export function mapIncidentPayload(payload: unknown): CanonicalEventInput[] {
  const { action, incident: i } = parsePayload(
    incidentPayload,
    payload,
    'incident',
  );
  const data = {
    incidentId: i.id,
    severity: i.severity,
    openedAt: i.openedAt,
    ...(i.causedByDeploymentId && {
      causedByDeploymentId: i.causedByDeploymentId,
    }),
    ...(i.rootCauseSha && { rootCauseSha: i.rootCauseSha }),
    ...(i.url && { url: i.url }),
  };
  const common = { source: INCIDENTS_SOURCE, subject: subjectOf(i.service) };
  if (action === 'opened') {
    return [
      {
        ...common,
        id: `${i.id}/opened`,
        type: 'incident.opened',
        occurredAt: i.openedAt,
        data,
      },
    ];
  }
  return [
    {
      ...common,
      id: `${i.id}/resolved`,
      type: 'incident.resolved',
      occurredAt: i.resolvedAt,
      data: { ...data, resolvedAt: i.resolvedAt },
    },
  ];
}
