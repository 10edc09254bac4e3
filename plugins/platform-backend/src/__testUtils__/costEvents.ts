import {
  CanonicalEventInput,
  CostContainerSample,
  CostNodePrice,
  HOUR_MS,
} from '@goldenpath/plugin-platform-common';
import { catalogEntities } from './events';

/** Hour 0 of the hand-built cost data: Monday 2026-11-02 00:00 UTC. */
export const COST_START_MS = Date.parse('2026-11-02T00:00:00.000Z');
export const GiB = 2 ** 30;
export const MiB = 2 ** 20;
export const CLUSTER = 'prod-eu-west-1';

/** The entities of costHistory(), as the cost service suites name them. */
export const PAYMENTS = 'component:default/payments-api';
export const LEDGER = 'component:default/ledger-service';
export const GROUP = 'group:default/team-payments';
export const RESOURCE = `resource:default/${CLUSTER}`;
/** The two whole days of costHistory(), as a request's window. */
export const TWO_DAYS = {
  from: '2026-11-02T00:00:00Z',
  to: '2026-11-04T00:00:00Z',
};

/** The test catalog with its components owned by GROUP, and that group. */
export const costCatalog = [
  ...catalogEntities.map(e =>
    e.kind === 'Component'
      ? { ...e, relations: [{ type: 'ownedBy', targetRef: GROUP }] }
      : e,
  ),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-payments', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
];

export const hourIso = (hour: number) =>
  new Date(COST_START_MS + hour * HOUR_MS).toISOString();

export const range = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => from + i);

export interface UsageSpec {
  hour: number;
  cluster?: string;
  namespace?: string;
  controllerKind?: string;
  controller?: string;
  pod?: string;
  podUid?: string;
  container?: string;
  node?: string;
  cpuRequestCores?: number;
  cpuUsageCores?: number;
  memoryRequestBytes?: number;
  memoryUsageBytes?: number;
  /** The producer's own node prices. */
  prices?: { cpu: number; memory: number };
  /** The subject's kubernetes id (default: the controller). */
  kubernetesId?: string;
}

/** A `pod.usage` event for one container-hour; ids are unique per container-hour. */
export function usageEvent(spec: UsageSpec): CanonicalEventInput {
  const d = {
    cluster: spec.cluster ?? CLUSTER,
    namespace: spec.namespace ?? 'payments',
    controllerKind: spec.controllerKind ?? 'Deployment',
    controller: spec.controller ?? 'payments-api',
    pod: spec.pod ?? 'payments-api-a',
    podUid: spec.podUid ?? 'uid-a',
    container: spec.container ?? 'app',
    node: spec.node ?? 'od-1',
  };
  const hourStart = hourIso(spec.hour);
  return {
    id: `${d.cluster}/${d.namespace}/${d.podUid}/${d.container}/${hourStart}`,
    source: 'test-usage',
    type: 'pod.usage',
    occurredAt: hourIso(spec.hour + 1),
    subject: {
      kind: 'kubernetes-id',
      name: spec.kubernetesId ?? d.controller,
      namespace: d.namespace,
    },
    data: {
      ...d,
      hourStart,
      cpuRequestCores: spec.cpuRequestCores ?? 0.5,
      cpuUsageCores: spec.cpuUsageCores ?? 0.25,
      memoryRequestBytes: spec.memoryRequestBytes ?? GiB,
      memoryUsageBytes: spec.memoryUsageBytes ?? GiB / 2,
      ...(spec.prices
        ? {
            cpuCoreHourPrice: spec.prices.cpu,
            memoryGibHourPrice: spec.prices.memory,
          }
        : {}),
    },
  } as CanonicalEventInput;
}

export interface NodeSpec {
  hour: number;
  node: string;
  cluster?: string;
  spot?: boolean;
  cpuCores?: number;
  memoryBytes?: number;
  cpu?: number;
  memory?: number;
  /** Distinguishes a re-priced resend of the same node-hour. */
  revision?: number;
}

/** od-1: on-demand, 4 cores, 16 GiB at 0.04 and 0.005; sp-1: spot, 2 cores, 8 GiB at 0.01 and 0.002. */
export function nodeEvent(spec: NodeSpec): CanonicalEventInput {
  const spot = spec.spot ?? spec.node.startsWith('sp');
  const cluster = spec.cluster ?? CLUSTER;
  const hourStart = hourIso(spec.hour);
  return {
    id: `${cluster}/${spec.node}/${hourStart}/${spec.revision ?? 0}`,
    source: 'test-nodes',
    type: 'node.cost',
    occurredAt: hourIso(spec.hour + 1),
    subject: { kind: 'cluster', name: cluster },
    data: {
      cluster,
      node: spec.node,
      instanceType: spot ? 'm6i.large' : 'm6i.xlarge',
      capacityType: spot ? 'spot' : 'on-demand',
      cpuCores: spec.cpuCores ?? (spot ? 2 : 4),
      memoryBytes: spec.memoryBytes ?? (spot ? 8 : 16) * GiB,
      cpuCoreHourPrice: spec.cpu ?? (spot ? 0.01 : 0.04),
      memoryGibHourPrice: spec.memory ?? (spot ? 0.002 : 0.005),
      hourStart,
    },
  } as CanonicalEventInput;
}

/**
 * Two days in one cluster, od-1 and sp-1 priced every hour:
 * - payments-api: container `app` in pod a on od-1 for hours 0–11, replaced by
 *   pod b on spot sp-1 from hour 12 to 47 (usage rising on day 2); a `proxy`
 *   sidecar with no CPU request in both pods;
 * - ledger-service: 1 core requested, bursting to 1.5 cores, on od-1, 48 hours;
 * - batch-jobs: an unlinked Job on od-1 for hours 0–5 (counts for idle only).
 * Hour 30 of sp-1 has no price row.
 */
export function costHistory(): CanonicalEventInput[] {
  const events: CanonicalEventInput[] = [];
  for (const hour of range(0, 48)) {
    const onA = hour < 12;
    const pod = onA
      ? { pod: 'payments-api-a', podUid: 'uid-a', node: 'od-1' }
      : { pod: 'payments-api-b', podUid: 'uid-b', node: 'sp-1' };
    events.push(
      usageEvent({
        hour,
        ...pod,
        cpuUsageCores: hour < 24 ? 0.25 : 0.25 + (hour - 24) * 0.01,
      }),
      usageEvent({
        hour,
        ...pod,
        container: 'proxy',
        cpuRequestCores: 0,
        cpuUsageCores: 0.1,
        memoryRequestBytes: 64 * MiB,
        memoryUsageBytes: 32 * MiB,
      }),
      usageEvent({
        hour,
        controller: 'ledger-service',
        pod: 'ledger-service-a',
        podUid: 'uid-l',
        cpuRequestCores: 1,
        cpuUsageCores: hour % 6 === 0 ? 1.5 : 0.6,
        memoryRequestBytes: 2 * GiB,
        memoryUsageBytes: 1.5 * GiB,
      }),
      nodeEvent({ hour, node: 'od-1' }),
    );
    if (hour !== 30) events.push(nodeEvent({ hour, node: 'sp-1' }));
    if (hour < 6) {
      events.push(
        usageEvent({
          hour,
          namespace: 'batch',
          controllerKind: 'Job',
          controller: 'batch-jobs',
          pod: 'batch-jobs-x',
          podUid: 'uid-x',
          cpuRequestCores: 1,
          cpuUsageCores: 0.9,
          memoryRequestBytes: 4 * GiB,
          memoryUsageBytes: 3 * GiB,
        }),
      );
    }
  }
  return events;
}

/** The model's input rows for the same events, for `computeCost`. */
export function modelInput(events: CanonicalEventInput[]): {
  samples: CostContainerSample[];
  nodes: CostNodePrice[];
} {
  const samples: CostContainerSample[] = [];
  const nodes: CostNodePrice[] = [];
  for (const e of events) {
    const d = e.data as any;
    if (e.type === 'pod.usage') {
      samples.push({
        cluster: d.cluster,
        namespace: d.namespace,
        controller: {
          kind: d.controllerKind ?? 'Deployment',
          name: d.controller,
        },
        pod: d.pod,
        podUid: d.podUid,
        container: d.container,
        node: d.node,
        hourStart: d.hourStart,
        cpuRequestCores: d.cpuRequestCores,
        cpuUsageCores: d.cpuUsageCores,
        memoryRequestBytes: d.memoryRequestBytes,
        memoryUsageBytes: d.memoryUsageBytes,
      });
    } else if (e.type === 'node.cost') {
      nodes.push({
        cluster: d.cluster,
        node: d.node,
        instanceType: d.instanceType,
        capacityType: d.capacityType,
        cpuCores: d.cpuCores,
        memoryBytes: d.memoryBytes,
        pricePerCoreHour: d.cpuCoreHourPrice,
        pricePerGiBHour: d.memoryGibHourPrice,
        hourStart: d.hourStart,
      });
    }
  }
  return { samples, nodes };
}
