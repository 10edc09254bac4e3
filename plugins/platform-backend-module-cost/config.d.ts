import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

export interface Config {
  platform?: {
    cost?: {
      /**
       * Where hourly pod and node usage comes from
       * (`@goldenpath/plugin-platform-backend-module-cost`). Node prices the
       * Prometheus poller needs, and the prices that replace OpenCost's, are
       * `platform.cost.prices`.
       */
      sources?: {
        /**
         * OpenCost (`/allocation/compute` per container and hour, `/assets`
         * for nodes), one entry per cluster running it.
         */
        opencost?: {
          /**
           * The clusters to read. Nothing is polled without one.
           * @visibility backend
           */
          clusters?: Array<{
            /**
             * The cluster's name in events, as your cluster Resources and
             * `backstage.io/kubernetes-*` annotations know it (OpenCost's own
             * CLUSTER_ID is not used). Letters, digits, `-`, `_`, `.`, `:`; no `/`.
             * @visibility backend
             */
            name: string;
            /**
             * OpenCost's API, e.g. `http://opencost.opencost.svc:9003`.
             * @visibility backend
             */
            baseUrl: string;
            /**
             * Sent with every request, e.g. `Authorization: Bearer ${OPENCOST_TOKEN}`.
             * Secret: never logged nor sent to the browser.
             * @visibility secret
             * @deepVisibility secret
             */
            headers?: {
              /** @visibility secret */
              [name: string]: string;
            };
          }>;
          /**
           * When to poll.
           * @default { frequency: { hours: 1 }, timeout: { minutes: 15 }, initialDelay: { minutes: 1 } }
           * @visibility backend
           */
          schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
          /**
           * Finished hours read again on every run (data that arrived late);
           * hours already stored are duplicates and change nothing.
           * @default 3
           * @visibility backend
           */
          lookbackHours?: number;
          /**
           * How far back a run reaches for hours missed while the backend was
           * down, and how much the first run reads. At least `lookbackHours`.
           * @default 24
           * @visibility backend
           */
          maxCatchUpHours?: number;
          /**
           * Per request, the body included.
           * @default { seconds: 60 }
           * @visibility backend
           */
          requestTimeout?: HumanDuration | string;
        };
        /**
         * Prometheus (kube-state-metrics and cAdvisor series) for clusters
         * without OpenCost; node prices from `platform.cost.prices` or the
         * default table.
         */
        prometheus?: {
          /**
           * The clusters to read. Nothing is polled without one.
           * @visibility backend
           */
          clusters?: Array<{
            /**
             * The cluster's name in events. Letters, digits, `-`, `_`, `.`, `:`; no `/`.
             * @visibility backend
             */
            name: string;
            /**
             * Prometheus' base URL (its `/api/v1/query_range` is appended), e.g.
             * `http://prometheus-operated.monitoring:9090` or a Thanos or Mimir
             * query frontend (`https://mimir.example.com/prometheus`).
             * @visibility backend
             */
            baseUrl: string;
            /**
             * Sent with every request, e.g. `Authorization` or `X-Scope-OrgID`.
             * Secret: never logged nor sent to the browser.
             * @visibility secret
             * @deepVisibility secret
             */
            headers?: {
              /** @visibility secret */
              [name: string]: string;
            };
            /**
             * Label matchers added to every series selector, for a Prometheus
             * that holds several clusters, e.g. `cluster="prod-eu"`. No braces.
             * @visibility backend
             */
            selector?: string;
          }>;
          /**
           * When to poll.
           * @default { frequency: { hours: 1 }, timeout: { minutes: 15 }, initialDelay: { minutes: 1 } }
           * @visibility backend
           */
          schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
          /**
           * Finished hours read again on every run.
           * @default 3
           * @visibility backend
           */
          lookbackHours?: number;
          /**
           * How far back a run reaches for missed hours, and how much the first
           * run reads. At least `lookbackHours`.
           * @default 24
           * @visibility backend
           */
          maxCatchUpHours?: number;
          /**
           * Per query, the body included.
           * @default { seconds: 60 }
           * @visibility backend
           */
          requestTimeout?: HumanDuration | string;
        };
      };
    };
  };
}
