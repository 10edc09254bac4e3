export interface Config {
  platform?: {
    /** Incident sources (`@goldenpath/plugin-platform-backend-module-incidents`). */
    incidents?: {
      /**
       * Secret of the generic incident webhook at `/api/platform/webhooks/incidents`:
       * senders sign the raw body as `X-Signature-256: sha256=<hex HMAC-SHA256>`.
       * Without it the generic source is not installed.
       * @visibility secret
       */
      webhookSecret?: string;
      /** PagerDuty Webhooks v3 at `/api/platform/webhooks/pagerduty`. */
      pagerduty?: {
        /**
         * Signing secret of the PagerDuty webhook subscription (checked against
         * `X-PagerDuty-Signature`). Without it the PagerDuty source is not installed.
         * @visibility secret
         */
        webhookSecret?: string;
        /**
         * PagerDuty service id to the catalog entity ref its incidents belong to,
         * e.g. `{ PF9KMXH: "component:default/payments-api" }`. Incidents of
         * other services are attributed to an entity named after the service
         * (summary lower-cased, spaces as dashes) and stay unlinked if none exists.
         * @visibility backend
         */
        services?: { [serviceId: string]: string };
      };
    };
  };
}
