import { HumanDuration } from '@backstage/types';
import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Golden Path shared backend (pluginId `platform`). */
  platform?: {
    intake?: {
      /**
       * Most events one `POST /api/platform/events` batch may carry (HTTP 413 above it).
       * @default 10000
       * @visibility backend
       */
      maxBatchSize?: number;
      /**
       * Largest request body accepted by the intake and by webhook sources
       * that set no limit of their own, as a size string ("512kb", "25mb";
       * units of 1024) or bytes (HTTP 413 above it; an invalid value stops
       * the backend at startup).
       * @default "25mb"
       * @visibility backend
       */
      maxBodySize?: string | number;
      /**
       * How far in the future an event's occurredAt may be before it is rejected
       * (allows for clock skew between producers and this server).
       * @default { hours: 24 }
       * @visibility backend
       */
      maxFutureSkew?: HumanDuration | string;
    };
    events?: {
      /**
       * Topics of the Backstage events service whose payloads are canonical
       * events (one event, an array, or `{ events: [...] }`). Events arriving
       * through `@backstage/plugin-events-backend` HTTP ingress, Kafka or SQS
       * modules on these topics enter the same intake.
       * @default ["goldenpath.events"]
       * @visibility backend
       */
      topics?: string[];
    };
    linker?: {
      /**
       * How long the catalog annotation index is reused before intake rebuilds it.
       * @default { minutes: 5 }
       * @visibility backend
       */
      cacheTtl?: HumanDuration | string;
      /**
       * When to rebuild the index and link events that arrived before their
       * entity existed.
       * @default { frequency: { minutes: 1 }, timeout: { minutes: 5 }, initialDelay: { seconds: 20 } }
       * @visibility backend
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * Only unlinked events received within this window are retried by the
       * relink task; older ones stay unlinked (and go with
       * `platform.retention.unlinkedEvents`). Resend them to link them later.
       * @default { days: 30 }
       * @visibility backend
       */
      relinkWindow?: HumanDuration | string;
      /**
       * Most unlinked events one relink run examines; the next run goes on from
       * where it stopped. A run only re-examines events that already failed
       * when the catalog's annotations or entities changed since.
       * @default 10000
       * @visibility backend
       */
      maxRelinkPerRun?: number;
    };
    retention?: {
      /**
       * Unlinked events received longer ago than this are deleted (in batches, by
       * one replica). Linked events are kept, except the types a feature bounds
       * (`pod.usage`, `node.cost`: cost `rawDays`; `canary.run`: canary
       * `rawDays`). Must not be shorter than `platform.linker.relinkWindow`;
       * `false` keeps them forever.
       * @default { days: 90 }
       * @visibility backend
       */
      unlinkedEvents?: HumanDuration | string | false;
      /**
       * The source payload (`raw`: the webhook or topic body an event was mapped
       * from) of events received longer ago than this is cleared; the canonical
       * event, its link and the projections are kept. `false` keeps them forever.
       * @default { days: 30 }
       * @visibility backend
       */
      rawPayloads?: HumanDuration | string | false;
      /**
       * When retention runs (a global task: one replica per tick).
       * @default { frequency: { hours: 1 }, timeout: { minutes: 30 }, initialDelay: { minutes: 2 } }
       * @visibility backend
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    dora?: {
      /**
       * The environment whose successful deployments count, when a request names none.
       * @default "production"
       * @visibility frontend
       */
      environment?: string;
      /**
       * Where lead time for changes starts: each commit's time, or the PR merge.
       * @default "commit"
       * @visibility frontend
       */
      leadTimeStart?: 'commit' | 'merge';
      /**
       * Subtract Saturdays and Sundays (UTC) from lead times.
       * @default false
       * @visibility frontend
       */
      excludeWeekends?: boolean;
      /**
       * Which State of DevOps report's thresholds grade the metrics.
       * @default "2024"
       * @visibility frontend
       */
      tierModel?: '2024' | '2023';
      /**
       * Days in the window when a request names no `from`.
       * @default 90
       * @visibility backend
       */
      windowDays?: number;
      /**
       * Days of history before the window read to find which deployment shipped a
       * commit first (a commit counts once, for its first deployment).
       * @default 90
       * @visibility backend
       */
      shipmentLookbackDays?: number;
    };
    /** The cost feature (docs/cost-model.md); a bad value stops the backend naming the key. */
    cost?: {
      /**
       * Whole UTC days in the window when a request names no `from`; the
       * window ends at the next UTC midnight by default.
       * @default 30
       * @visibility frontend
       */
      windowDays?: number;
      /**
       * Amounts are stored in the source currency of the prices and shown
       * multiplied by `rate`, in `code` (changing either needs no replay).
       * @visibility frontend
       */
      currency?: {
        /**
         * Three-letter currency code.
         * @default "USD"
         */
        code?: string;
        /**
         * Multiplier from the source currency.
         * @default 1
         */
        rate?: number;
      };
      /**
       * Node prices per instance type and capacity type; the most specific
       * entry matching a node wins over the prices its node.cost events
       * carry. `instanceType` is exact or a prefix ending in `*` (`*` for
       * every node). Without `capacityType` an entry prices on-demand and spot
       * alike, as written. Pollers and the demo fall back to a default table
       * (docs/cost-model.md, Prices).
       * @visibility backend
       */
      prices?: Array<{
        instanceType: string;
        capacityType?: 'on-demand' | 'spot';
        cpuCoreHourPrice: number;
        memoryGibHourPrice: number;
      }>;
      idle?: {
        /**
         * Hand idle (node cost − allocated cost) back to the containers of
         * each hour in proportion to their CPU and memory cost.
         * @default false
         * @visibility frontend
         */
        share?: boolean;
        /**
         * Idle per cluster, or per node (a container only shares its node's).
         * @default "cluster"
         * @visibility frontend
         */
        by?: 'cluster' | 'node';
      };
      rightSizing?: {
        /**
         * Quantile of the hourly usage the recommendation starts from.
         * @default 0.95
         * @visibility frontend
         */
        percentile?: number;
        /**
         * Added on top of the quantile (0.2 = 20 %).
         * @default 0.2
         * @visibility frontend
         */
        headroom?: number;
        /**
         * Smallest CPU request recommended, in millicores.
         * @default 10
         * @visibility frontend
         */
        cpuFloorMillicores?: number;
        /**
         * Smallest memory request recommended, in MiB.
         * @default 20
         * @visibility frontend
         */
        memoryFloorMiB?: number;
      };
      /**
       * How long each level is kept; rawDays ≤ hourlyDays ≤ dailyDays. Pods
       * and recommendations read the raw level (their window is clamped to
       * it); the summary and deployments read the daily level. Usage for
       * hours older than rawDays is not projected.
       */
      retention?: {
        /**
         * Raw samples (one row per container-hour); also how long the event
         * log keeps `pod.usage` and `node.cost` events.
         * @default 35
         * @visibility backend
         */
        rawDays?: number;
        /**
         * Hourly roll-ups per container spec and per cluster and node, and node prices.
         * @default 400
         * @visibility backend
         */
        hourlyDays?: number;
        /**
         * Daily roll-ups per controller and per cluster and node, and deployments.
         * @default 1095
         * @visibility backend
         */
        dailyDays?: number;
        /**
         * When retention runs (a global task: one replica per tick).
         * @default { frequency: { hours: 1 }, timeout: { minutes: 30 }, initialDelay: { minutes: 3 } }
         * @visibility backend
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
      deployments?: {
        /**
         * Whole UTC days compared before and after a deployment's day.
         * @default 7
         * @visibility frontend
         */
        compareDays?: number;
        /**
         * A deployment is flagged when the mean daily cost after it exceeds
         * the mean before by more than this share (0.1 = 10 %).
         * @default 0.1
         * @visibility frontend
         */
        raiseThreshold?: number;
        /**
         * Only successful deployments to this environment are compared.
         * @default "production"
         * @visibility backend
         */
        environment?: string;
      };
    };
    /**
     * Canary (docs/canary.md). The checks the built-in runner runs
     * (`platform.canary.clusters`) belong to
     * `@goldenpath/plugin-platform-backend-module-canary`.
     */
    canary?: {
      thresholds?: {
        /**
         * Consecutive failures (fail or timeout) that make a check down.
         * @default 3
         * @visibility frontend
         */
        downAfter?: number;
        /**
         * Consecutive passes that make a check up.
         * @default 2
         * @visibility frontend
         */
        upAfter?: number;
      };
      flapping?: {
        /**
         * A check starts flapping when the weighted state change of its last
         * 21 results reaches this percentage.
         * @default 50
         * @visibility frontend
         */
        enterPercent?: number;
        /**
         * A flapping check stops at or below this percentage (below enterPercent).
         * @default 25
         * @visibility frontend
         */
        exitPercent?: number;
      };
      /**
       * A check down in at least this many clusters at once is platform-wide.
       * @default 2
       * @visibility frontend
       */
      platformWideClusters?: number;
      /**
       * Capabilities that make a component down (not just degraded) when
       * they are down in every cluster it runs in.
       * @default ["deploy", "ingress"]
       * @visibility frontend
       */
      criticalCapabilities?: Array<
        'deploy' | 'dns' | 'ingress' | 'certificates' | 'metrics' | 'logs'
      >;
      /**
       * Planned maintenance: runs inside a window are left out of states,
       * uptime and p95; a check in a window now shows `maintenance`. Each
       * filter that is set must match. Either `from`/`to` (ISO, half-open)
       * or `weekly` (UTC), never both. A bad window stops the backend.
       * @visibility backend
       */
      maintenance?: Array<{
        clusters?: string[];
        checks?: string[];
        capabilities?: Array<
          'deploy' | 'dns' | 'ingress' | 'certificates' | 'metrics' | 'logs'
        >;
        from?: string;
        to?: string;
        weekly?: {
          day:
            | 'monday'
            | 'tuesday'
            | 'wednesday'
            | 'thursday'
            | 'friday'
            | 'saturday'
            | 'sunday';
          /** HH:MM, UTC. */
          start: string;
          /** 1 … 10080; may run past Sunday midnight. */
          durationMinutes: number;
        };
      }>;
      /**
       * The uptime window `GET /canary/status` uses when the request names none.
       * @default "24h"
       * @visibility frontend
       */
      defaultWindow?: '1h' | '24h' | '7d' | '30d';
      /**
       * A Component without `goldenpath.dev/clusters` runs in the clusters
       * where its pods or rollouts were seen within this long.
       * @default { days: 7 }
       * @visibility backend
       */
      clusterLookback?: HumanDuration | string;
      retention?: {
        /**
         * Days raw runs are kept (the drawer's timeline, late-run replays);
         * a check with no run for this long is dropped. The event log keeps
         * `canary.run` events as long.
         * @default 30
         * @visibility backend
         */
        rawDays?: number;
        /**
         * Days hourly roll-ups (uptime, p95), transitions (platform or
         * product) and rollout statuses are kept; at least rawDays.
         * @default 400
         * @visibility backend
         */
        hourlyDays?: number;
        /**
         * When retention runs (a global task: one replica per tick).
         * @default { frequency: { hours: 1 }, timeout: { minutes: 30 }, initialDelay: { minutes: 4 } }
         * @visibility backend
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
      notifications?: {
        /**
         * Send a Backstage notification on each state change of a check to
         * the owners of the components running in its cluster (needs
         * `@backstage/plugin-notifications-backend`).
         * @default true
         * @visibility backend
         */
        enabled?: boolean;
        /**
         * A state change older than this when the task first sees it (a
         * backfill, a replay) is not sent.
         * @default { hours: 1 }
         * @visibility backend
         */
        maxAge?: HumanDuration | string;
        /**
         * When pending notifications are sent (a global task).
         * @default { frequency: { seconds: 30 }, timeout: { minutes: 5 }, initialDelay: { seconds: 30 } }
         * @visibility backend
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
    projections?: {
      /**
       * Events per page: each page is applied in one transaction, holding its
       * projection's cursor row (so replicas never apply a page twice).
       * @default 5000
       * @visibility backend
       */
      pageSize?: number;
      /**
       * When every projection catches up with the log (they also run after
       * every intake, and re-read from the first relinked event after a relink).
       * @default { frequency: { minutes: 1 }, timeout: { minutes: 10 }, initialDelay: { seconds: 5 } }
       * @visibility backend
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
