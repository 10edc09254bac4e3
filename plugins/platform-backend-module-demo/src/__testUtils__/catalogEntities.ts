import { Entity } from '@backstage/catalog-model';

/**
 * Two annotated components in different clusters (ledger-service names its
 * pods by a label selector) and the two cluster Resources.
 */
export const catalogEntities: Entity[] = [
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
        'backstage.io/kubernetes-label-selector':
          'app.kubernetes.io/name=ledger-service,app.kubernetes.io/component=ledger',
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
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'prod-us-east-1', namespace: 'default' },
    spec: { type: 'kubernetes-cluster', owner: 'team-platform' },
  },
];
