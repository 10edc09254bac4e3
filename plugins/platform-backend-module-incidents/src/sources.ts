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

/** The generic incident webhook, `POST /api/platform/webhooks/incidents`. */
export function createIncidentsSource(options: {
  webhookSecret: string;
}): PlatformEventSource {
  return {
    id: INCIDENTS_SOURCE,
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
    async verifyWebhook({ headers, rawBody }) {
      verifyPagerDutySignature(options.webhookSecret, headers, rawBody);
    },
    async toEvents({ payload }) {
      return mapPagerDutyPayload(payload, options);
    },
  };
}
