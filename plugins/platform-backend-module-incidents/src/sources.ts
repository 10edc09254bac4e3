import { PlatformEventSource } from '@goldenpath/plugin-platform-node';
import {
  INCIDENTS_SOURCE,
  mapIncidentPayload,
} from './generic/mapIncidentPayload';
import {
  mapPagerDutyPayload,
  PAGERDUTY_SOURCE,
  PagerDutyMappingOptions,
} from './pagerduty/mapPagerDutyPayload';
import { verifyPagerDutySignature, verifySignature256 } from './signature';

/**
 * One generic incident is a few hundred bytes of strictly checked JSON: 64 KiB
 * leaves ample room and keeps an unsigned sender from making the backend read
 * megabytes before the signature check fails.
 */
export const INCIDENTS_MAX_BODY_SIZE = '64kb';

/**
 * A PagerDuty v3 webhook carries one event with a compact incident object
 * (a few KiB); 512 KiB leaves room for long titles and custom fields.
 */
export const PAGERDUTY_MAX_BODY_SIZE = '512kb';

/** The generic incident webhook, `POST /api/platform/webhooks/incidents`. */
export function createIncidentsSource(options: {
  webhookSecret: string;
}): PlatformEventSource {
  return {
    id: INCIDENTS_SOURCE,
    maxBodySize: INCIDENTS_MAX_BODY_SIZE,
    contentTypes: ['application/json'],
    async verifyWebhook({ headers, rawBody }) {
      verifySignature256(options.webhookSecret, headers, rawBody);
    },
    async toEvents({ payload }) {
      return mapIncidentPayload(payload);
    },
  };
}

/** PagerDuty Webhooks v3, `POST /api/platform/webhooks/pagerduty`. */
export function createPagerDutySource(
  options: { webhookSecret: string } & PagerDutyMappingOptions,
): PlatformEventSource {
  return {
    id: PAGERDUTY_SOURCE,
    maxBodySize: PAGERDUTY_MAX_BODY_SIZE,
    // PagerDuty v3 deliveries are `Content-Type: application/json`.
    contentTypes: ['application/json'],
    async verifyWebhook({ headers, rawBody }) {
      verifyPagerDutySignature(options.webhookSecret, headers, rawBody);
    },
    async toEvents({ payload }) {
      return mapPagerDutyPayload(payload, options);
    },
  };
}
