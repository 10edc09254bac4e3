import {
  CanonicalEventInput,
  EventSubject,
  isoTimestamp,
} from '@goldenpath/plugin-platform-common';
import { z } from 'zod';
import { parsePayload } from '@goldenpath/plugin-platform-node';

/** The canonical `source` of PagerDuty incidents. */
export const PAGERDUTY_SOURCE = 'pagerduty';

/** Enough of a v3 webhook to tell whether it is an incident opening or resolution. */
const eventKind = z.looseObject({
  event: z.looseObject({
    event_type: z.string(),
    data: z.looseObject({ type: z.string() }).nullish(),
  }),
});

// Loose: PagerDuty adds fields, and assignees, agents and teams are never read.
const incidentWebhook = z.looseObject({
  event: z.looseObject({
    occurred_at: isoTimestamp,
    data: z.looseObject({
      id: z.string().trim().min(1).max(190),
      html_url: z.url().optional(),
      service: z.looseObject({
        id: z.string().min(1),
        summary: z.string().trim().min(1),
      }),
      urgency: z.string().min(1),
      priority: z.looseObject({ summary: z.string().min(1) }).nullish(),
      created_at: isoTimestamp.optional(),
    }),
  }),
});

const TYPES = new Map<string, 'incident.opened' | 'incident.resolved'>([
  ['incident.triggered', 'incident.opened'],
  ['incident.resolved', 'incident.resolved'],
]);

/** @public */
export interface PagerDutyMappingOptions {
  /** PagerDuty service id → catalog entity ref. */
  services: Record<string, string>;
}

/**
 * An unmapped service is attributed to an entity named after it: a guess that
 * links when a component carries the service's name, and otherwise leaves the
 * incident stored unlinked with a reason (visible, and relinked once mapped
 * under that name) rather than dropped.
 */
function subjectOf(
  service: { id: string; summary: string },
  services: Record<string, string>,
): EventSubject {
  const ref = Object.hasOwn(services, service.id)
    ? services[service.id]
    : service.summary.toLowerCase().replace(/\s+/g, '-');
  return { kind: 'entity', name: ref };
}

/**
 * Maps a PagerDuty v3 webhook: `incident.triggered` → `incident.opened`,
 * `incident.resolved` → `incident.resolved`, anything else (acknowledged,
 * reopened, annotated, pings) → nothing. Ids are `<incident id>/opened` and
 * `<incident id>/resolved`. PagerDuty payloads name no deployment or commit, so
 * `causedByDeploymentId` and `rootCauseSha` are left out (a custom field could
 * carry them later).
 *
 * @public
 */
export function mapPagerDutyPayload(
  payload: unknown,
  options: PagerDutyMappingOptions,
): CanonicalEventInput[] {
  const kind = parsePayload(eventKind, payload, 'PagerDuty webhook');
  const type = TYPES.get(kind.event.event_type);
  if (!type || kind.event.data?.type !== 'incident') return [];

  const { event } = parsePayload(incidentWebhook, payload, 'PagerDuty webhook');
  const { data } = event;
  const common = {
    source: PAGERDUTY_SOURCE,
    subject: subjectOf(data.service, options.services),
  };
  const fields = {
    incidentId: data.id,
    severity: data.priority?.summary ?? data.urgency,
    openedAt: data.created_at ?? event.occurred_at,
    ...(data.html_url && { url: data.html_url }),
  };
  if (type === 'incident.opened') {
    return [
      {
        ...common,
        id: `${data.id}/opened`,
        type,
        occurredAt: fields.openedAt,
        data: fields,
      },
    ];
  }
  return [
    {
      ...common,
      id: `${data.id}/resolved`,
      type,
      occurredAt: event.occurred_at,
      data: { ...fields, resolvedAt: event.occurred_at },
    },
  ];
}
