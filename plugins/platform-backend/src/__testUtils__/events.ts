import { CanonicalEventInput } from '@goldenpath/plugin-platform-common';

/** A valid deployment.finished event; override any field. */
export function deploymentEvent(
  overrides: Partial<Omit<CanonicalEventInput, 'data'>> & {
    data?: Record<string, unknown>;
  } = {},
): CanonicalEventInput {
  const { data, ...rest } = overrides;
  return {
    id: 'deploy-1',
    source: 'test-deployer',
    type: 'deployment.finished',
    occurredAt: '2026-11-02T10:05:00Z',
    subject: { kind: 'repository', name: 'acme/payments-api' },
    data: {
      deploymentId: 'deploy-1',
      environment: 'production',
      sha: 'a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0',
      status: 'success',
      startedAt: '2026-11-02T10:00:00Z',
      finishedAt: '2026-11-02T10:05:00Z',
      changeShas: [],
      ...data,
    },
    ...rest,
  } as CanonicalEventInput;
}

export const catalogEntities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments-api',
      namespace: 'default',
      annotations: {
        'github.com/project-slug': 'acme/payments-api',
        'backstage.io/kubernetes-id': 'payments-api',
        'backstage.io/kubernetes-namespace': 'payments',
        'goldenpath.dev/clusters': 'prod-eu-west-1',
      },
    },
    spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'ledger-service',
      namespace: 'default',
      annotations: {
        'github.com/project-slug': 'acme/ledger-service',
        'backstage.io/kubernetes-id': 'ledger-service',
        'backstage.io/kubernetes-namespace': 'payments',
        'goldenpath.dev/clusters': 'prod-us-east-1',
      },
    },
    spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'prod-eu-west-1', namespace: 'default' },
    spec: { type: 'kubernetes-cluster', owner: 'team-platform' },
  },
];
