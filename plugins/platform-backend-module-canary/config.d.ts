import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

/** A duration: seconds, a string ('30s', 'PT1M') or an object ({ minutes: 1 }). */
type Duration = number | string | HumanDuration;

type Capability =
  | 'deploy'
  | 'dns'
  | 'ingress'
  | 'certificates'
  | 'metrics'
  | 'logs';

export interface Config {
  platform?: {
    canary?: {
      /**
       * The built-in runner (`@goldenpath/plugin-platform-backend-module-canary`):
       * the checks it runs, per cluster. Each check runs on its own global
       * scheduler task and sends a `canary.run` event per run.
       * @visibility backend
       */
      clusters?: Array<{
        /**
         * The cluster's name in events, as its `kubernetes-cluster` Resource
         * (`metadata.name` or `goldenpath.dev/cluster-name`) knows it.
         * Letters, digits, `-`, `_`, `.`, `:`; no `/`; at most 100.
         * @visibility backend
         */
        name: string;
        /**
         * @visibility backend
         */
        checks?: Array<{
          /**
           * Unique in the cluster; same characters as the cluster name.
           * @visibility backend
           */
          name: string;
          /**
           * The capability a failure of this check means is broken.
           * @visibility backend
           */
          capability: Capability;
          /**
           * @visibility backend
           */
          type: 'http' | 'dns' | 'tcp' | 'tls';
          /**
           * How often it runs (at least 5 s, whole seconds).
           * @default { minutes: 1 }
           * @visibility backend
           */
          interval?: Duration;
          /**
           * No verdict by then is a `timeout`. At most the interval.
           * @default { seconds: 10 }
           * @visibility backend
           */
          timeout?: Duration;
          /**
           * http: the URL to request (http or https).
           * @visibility backend
           */
          url?: string;
          /**
           * http: the method.
           * @default GET
           * @visibility backend
           */
          method?: string;
          /**
           * http: the status, or any of the statuses, that pass.
           * @default 200
           * @visibility backend
           */
          expectedStatus?: number | number[];
          /**
           * http: text the body must contain, or a regular expression written
           * `/pattern/flags`. The first MiB of the body is read.
           * @visibility backend
           */
          bodyMatch?: string;
          /**
           * http: slower than this (headers and body, in ms) fails.
           * @visibility backend
           */
          latencyBudgetMs?: number;
          /**
           * http: follow redirects; false checks the redirect itself.
           * @default true
           * @visibility backend
           */
          followRedirects?: boolean;
          /**
           * http: request headers, e.g. Authorization for a protected canary app.
           * @visibility secret
           * @deepVisibility secret
           */
          headers?: {
            /**
             * @visibility secret
             */
            [name: string]: string;
          };
          /**
           * dns: the name to resolve.
           * @visibility backend
           */
          hostname?: string;
          /**
           * dns: the record type.
           * @default A
           * @visibility backend
           */
          recordType?: 'A' | 'AAAA' | 'CNAME';
          /**
           * dns: each of these must be among the answers.
           * @visibility backend
           */
          expect?: string | string[];
          /**
           * dns: ask this DNS server (`ip` or `ip:port`, e.g. the cluster's
           * CoreDNS) instead of the system resolver.
           * @visibility backend
           */
          server?: string;
          /**
           * tcp, tls: the host to connect to.
           * @visibility backend
           */
          host?: string;
          /**
           * tcp (required), tls (default 443): the port.
           * @visibility backend
           */
          port?: number;
          /**
           * tls: SNI and the name the certificate must match.
           * @default host
           * @visibility backend
           */
          servername?: string;
          /**
           * tls: fewer days left than this fails.
           * @default 14
           * @visibility backend
           */
          minDaysToExpiry?: number;
          /**
           * tls: extra trusted CA certificates (PEM), for a private CA.
           * @visibility backend
           */
          ca?: string;
        }>;
      }>;
      /**
       * Kuberhealthy reader: v2 `KuberhealthyState` and v3 `HealthCheck`
       * status read through the Kubernetes API of the clusters in
       * `kubernetes.clusterLocatorMethods`. On when present, unless
       * `enabled: false`.
       * @visibility backend
       */
      kuberhealthy?: {
        /**
         * @default true
         * @visibility backend
         */
        enabled?: boolean;
        /**
         * Only these clusters of the Kubernetes config (default: all usable).
         * @visibility backend
         */
        clusters?: string[];
        /**
         * The capability of a check without a `goldenpath.dev/canary-capability`
         * annotation, by `namespace/name` or `name`.
         * @visibility backend
         */
        capabilities?: { [check: string]: Capability };
        /**
         * The capability of any other check.
         * @default deploy
         * @visibility backend
         */
        defaultCapability?: Capability;
        /**
         * @default { frequency: { minutes: 1 }, timeout: { seconds: 50 }, initialDelay: { seconds: 30 } }
         * @visibility backend
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * Per Kubernetes API request.
         * @default { seconds: 20 }
         * @visibility backend
         */
        requestTimeout?: Duration;
      };
      /**
       * Argo Rollouts reader: the `Rollout` status (and current `AnalysisRun`)
       * of components annotated for Kubernetes. On when present, unless
       * `enabled: false`.
       * @visibility backend
       */
      rollouts?: {
        /**
         * @default true
         * @visibility backend
         */
        enabled?: boolean;
        /**
         * Only these clusters of the Kubernetes config (default: all usable).
         * @visibility backend
         */
        clusters?: string[];
        /**
         * @default { frequency: { minutes: 1 }, timeout: { seconds: 50 }, initialDelay: { seconds: 30 } }
         * @visibility backend
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * Per Kubernetes API request.
         * @default { seconds: 20 }
         * @visibility backend
         */
        requestTimeout?: Duration;
      };
    };
  };
}
