import { Entity } from '@backstage/catalog-model';
import { CanonicalEventInput } from '@goldenpath/plugin-platform-common';

/** `services` annotated Components named svc-0 … svc-N. */
export function syntheticCatalog(services: number): Entity[] {
  return Array.from({ length: services }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `svc-${i}`,
      namespace: 'default',
      annotations: {
        'github.com/project-slug': `acme/svc-${i}`,
        'backstage.io/kubernetes-id': `svc-${i}`,
      },
    },
    spec: { type: 'service', owner: 'team', lifecycle: 'production' },
  }));
}

/** Hourly pod usage, the highest-volume event type, spread over `services`. */
export function syntheticPodUsage(
  count: number,
  services: number,
): CanonicalEventInput[] {
  const start = Date.UTC(2026, 9, 1);
  return Array.from({ length: count }, (_, i) => {
    const svc = i % services;
    const hour = new Date(
      start + Math.floor(i / services) * 3_600_000,
    ).toISOString();
    return {
      id: `bench-${i}`,
      source: 'bench-kubernetes',
      type: 'pod.usage',
      occurredAt: hour,
      subject: { kind: 'kubernetes-id', name: `svc-${svc}` },
      data: {
        cluster: 'prod-eu-west-1',
        namespace: 'bench',
        pod: `svc-${svc}-abc12`,
        podUid: `uid-${svc}`,
        container: 'app',
        node: `node-${svc % 20}`,
        controller: `svc-${svc}`,
        hourStart: hour,
        cpuRequestCores: 0.5,
        cpuUsageCores: 0.1 + (i % 7) / 100,
        memoryRequestBytes: 536_870_912,
        memoryUsageBytes: 268_435_456 + (i % 13) * 1_048_576,
        cpuCoreHourPrice: 0.031,
        memoryGibHourPrice: 0.004,
      },
    } as CanonicalEventInput;
  });
}
