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

const DAY = 86_400_000;
const hex = (n: number) =>
  n.toString(16).padStart(12, '0').repeat(4).slice(0, 40);

/**
 * DORA history for `services` services over `days` days ending at `end`: per
 * service and day two changes, a failed run, a successful deployment shipping
 * both changes, and an incident on every 20th day — 4–6 events a day, so 500
 * services × 450 days ≈ 1,000,000 events.
 */
export function* syntheticDoraEvents(
  services: number,
  days: number,
  end: Date,
): Generator<CanonicalEventInput> {
  const start = end.getTime() - days * DAY;
  let n = 0;
  for (let day = 0; day < days; day++) {
    const t0 = start + day * DAY;
    const at = (hours: number) =>
      new Date(t0 + hours * 3_600_000).toISOString();
    for (let s = 0; s < services; s++) {
      const subject = { kind: 'repository' as const, name: `acme/svc-${s}` };
      const shas = [hex(++n), hex(++n)];
      for (const [i, sha] of shas.entries()) {
        yield {
          id: `pr-${s}-${day}-${i}`,
          source: 'bench-github',
          type: 'change.merged',
          occurredAt: at(9 + i),
          subject,
          data: {
            repository: subject.name,
            prNumber: day * 2 + i + 1,
            mergeSha: sha,
            commits: [{ sha, committedAt: at(2 + i) }],
            openedAt: at(3 + i),
            mergedAt: at(9 + i),
            additions: 10 + ((s + day) % 300),
            deletions: (s * day) % 50,
          },
        } as CanonicalEventInput;
      }
      const deployment = (
        id: string,
        status: string,
        hours: number,
        changeShas: string[],
      ) =>
        ({
          id,
          source: 'bench-deployer',
          type: 'deployment.finished',
          occurredAt: at(hours),
          subject,
          data: {
            deploymentId: id,
            environment: 'production',
            sha: shas[1],
            status,
            startedAt: at(hours - 0.2),
            finishedAt: at(hours),
            changeShas,
          },
        } as CanonicalEventInput);
      yield deployment(`run-${s}-${day}`, 'failure', 12, []);
      yield deployment(`dep-${s}-${day}`, 'success', 14, shas);
      if ((day + s) % 20 === 0) {
        const data = {
          incidentId: `inc-${s}-${day}`,
          severity: 'SEV2',
          openedAt: at(15),
          causedByDeploymentId: `dep-${s}-${day}`,
        };
        yield {
          id: `inc-${s}-${day}/opened`,
          source: 'bench-incidents',
          type: 'incident.opened',
          occurredAt: at(15),
          subject,
          data,
        } as CanonicalEventInput;
        yield {
          id: `inc-${s}-${day}/resolved`,
          source: 'bench-incidents',
          type: 'incident.resolved',
          occurredAt: at(17),
          subject,
          data: { ...data, resolvedAt: at(17) },
        } as CanonicalEventInput;
      }
    }
  }
}
