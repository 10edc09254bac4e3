import { parseEntityRef } from '@backstage/catalog-model';
import { CanonicalEventInput } from '@goldenpath/plugin-platform-common';
import { generateCanaryEvents } from './canary';
import { generateDeliveryEvents } from './delivery';
import { generateNodeCostEvents } from './nodeCost';
import { ClusterPlan, planCluster } from './nodes';
import { generatePodUsageEvents, workloadOf } from './podUsage';
import { deliveryProfileFor, resourceProfileFor } from './profiles';

/** A service of the demo catalog and the names its events are reported under. */
export interface DemoService {
  /** e.g. 'component:default/payments-api' */
  entityRef: string;
  /** e.g. 'acme/payments-api' */
  repository: string;
  /** e.g. 'payments-api' */
  kubernetesId: string;
  /** e.g. 'payments' */
  namespace: string;
  /** e.g. ['prod-eu-west-1'] */
  clusters: string[];
  /** The entity's `backstage.io/kubernetes-label-selector`, if any: its pods carry matching labels. */
  labelSelector?: string;
}

export interface DemoCatalog {
  services: DemoService[];
  clusters: string[];
}

export interface DemoWindow {
  /** Inclusive. The generator works in whole UTC days. */
  from: Date;
  /** Exclusive: nothing at or after `to` is produced. */
  to: Date;
}

export const DEFAULT_DEMO_SEED = 'goldenpath-demo';

/** The key a service's ids and random streams derive from, e.g. "payments-api". */
function serviceKey(service: DemoService): string {
  const ref = parseEntityRef(service.entityRef, {
    defaultKind: 'component',
    defaultNamespace: 'default',
  });
  return ref.namespace === 'default'
    ? ref.name
    : `${ref.namespace}.${ref.name}`;
}

/**
 * The node pool of every cluster a service runs in, planned from the requests
 * of all the services there.
 */
function planClusters(services: DemoService[]): Map<string, ClusterPlan> {
  const clusters = [...new Set(services.flatMap(s => s.clusters))].sort();
  return new Map(
    clusters.map(cluster => [
      cluster,
      planCluster(
        cluster,
        services
          .filter(s => s.clusters.includes(cluster))
          .map(s =>
            workloadOf(
              serviceKey(s),
              resourceProfileFor(parseEntityRef(s.entityRef).name),
            ),
          ),
      ),
    ]),
  );
}

/**
 * Generates believable canonical events for a demo catalog: merged changes,
 * deployments and incidents over the delivery window; hourly pod usage, node
 * costs and canary runs over the telemetry window.
 *
 * Pure and deterministic per UTC day: the events of a (seed, service, day) are
 * the same, ids included, whatever window they are generated in. Re-running
 * over an overlapping window therefore yields events the intake already has,
 * and a later run only adds the new days. Events carry subjects, not entity
 * refs, so the linker does the linking as it would for real sources.
 */
export function generateDemoEvents(options: {
  catalog: DemoCatalog;
  delivery: DemoWindow;
  telemetry: DemoWindow;
  seed?: string;
}): CanonicalEventInput[] {
  const { catalog, delivery, telemetry } = options;
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const events: CanonicalEventInput[] = [];
  const plans = planClusters(catalog.services);

  for (const service of catalog.services) {
    const key = serviceKey(service);
    const name = parseEntityRef(service.entityRef).name;
    events.push(
      ...generateDeliveryEvents(
        { seed, key, profile: deliveryProfileFor(name) },
        service,
        delivery.from.getTime(),
        delivery.to.getTime(),
      ),
      ...generatePodUsageEvents(
        seed,
        key,
        service,
        resourceProfileFor(name),
        plans,
        telemetry.from.getTime(),
        telemetry.to.getTime(),
      ),
    );
  }
  events.push(
    ...generateNodeCostEvents(
      seed,
      plans.values(),
      telemetry.from.getTime(),
      telemetry.to.getTime(),
    ),
  );
  events.push(
    ...generateCanaryEvents(
      seed,
      catalog.clusters,
      telemetry.from.getTime(),
      telemetry.to.getTime(),
    ),
  );

  return events.sort(
    (a, b) =>
      compare(a.occurredAt, b.occurredAt) ||
      compare(a.source, b.source) ||
      compare(a.id, b.id),
  );
}

function compare(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
