import { catalogEntities } from '../__testUtils__/events';
import { EntityIndex } from './EntityIndex';

const index = EntityIndex.fromEntities([
  ...catalogEntities,
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments-web',
      annotations: { 'github.com/project-slug': 'acme/monorepo' },
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments-worker',
      annotations: { 'github.com/project-slug': 'acme/monorepo' },
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'us-cluster',
      annotations: { 'goldenpath.dev/cluster-name': 'prod-us-east-1' },
    },
    spec: { type: 'kubernetes-cluster' },
  },
]);

describe('EntityIndex', () => {
  it.each([
    [
      { kind: 'repository', name: 'acme/payments-api' },
      'component:default/payments-api',
    ],
    [
      { kind: 'repository', name: 'ACME/Payments-API' },
      'component:default/payments-api',
    ],
    [
      { kind: 'kubernetes-id', name: 'ledger-service' },
      'component:default/ledger-service',
    ],
    [
      { kind: 'cluster', name: 'prod-eu-west-1' },
      'resource:default/prod-eu-west-1',
    ],
    [
      { kind: 'cluster', name: 'prod-us-east-1' },
      'resource:default/us-cluster',
    ],
    [
      { kind: 'namespace', name: 'payments', cluster: 'prod-us-east-1' },
      'component:default/ledger-service',
    ],
    [
      { kind: 'entity', name: 'payments-api' },
      'component:default/payments-api',
    ],
    [
      { kind: 'entity', name: 'Resource:prod-eu-west-1' },
      'resource:default/prod-eu-west-1',
    ],
  ] as const)('links %j to %s', (subject, ref) => {
    expect(index.resolve(subject)).toEqual({ entityRef: ref });
  });

  it('prefers an explicit entityRef over the subject', () => {
    expect(
      index.resolve(
        { kind: 'repository', name: 'acme/payments-api' },
        'component:default/ledger-service',
      ),
    ).toEqual({ entityRef: 'component:default/ledger-service' });
  });

  it.each([
    [
      { kind: 'repository', name: 'acme/nope' },
      /^no catalog entity has github.com\/project-slug=acme\/nope$/,
    ],
    [
      { kind: 'repository', name: 'acme/monorepo' },
      /^2 catalog entities have .*payments-web.*payments-worker.*send entityRef/,
    ],
    [
      { kind: 'namespace', name: 'payments' },
      /^2 catalog entities have backstage.io\/kubernetes-namespace=payments/,
    ],
    [
      { kind: 'entity', name: 'component:default/ghost' },
      /^no catalog entity component:default\/ghost$/,
    ],
    [{ kind: 'entity', name: 'component:' }, /is not a valid entity ref/],
  ] as const)('explains why %j does not link', (subject, reason) => {
    const result = index.resolve(subject);
    expect(result.entityRef).toBeUndefined();
    expect(result.reason).toMatch(reason);
  });
});

describe('EntityIndex fingerprint', () => {
  const [payments, ledger, cluster] = catalogEntities;
  const fingerprint = (entities: any[]) =>
    EntityIndex.fromEntities(entities).fingerprint;

  it('is the same whatever order the catalog returns entities in', () => {
    expect(fingerprint([payments, ledger, cluster])).toBe(
      fingerprint([cluster, ledger, payments]),
    );
  });

  it('ignores what linking does not read', () => {
    expect(
      fingerprint([
        {
          ...payments,
          metadata: { ...payments.metadata, description: 'changed' },
        },
        ledger,
      ]),
    ).toBe(fingerprint([payments, ledger]));
  });

  it('changes with an entity or an annotation that linking reads', () => {
    const base = fingerprint([payments]);
    expect(fingerprint([payments, ledger])).not.toBe(base);
    expect(
      fingerprint([
        {
          ...payments,
          metadata: {
            ...payments.metadata,
            annotations: {
              ...payments.metadata.annotations,
              'goldenpath.dev/clusters': 'prod-eu-west-1,prod-us-east-1',
            },
          },
        },
      ]),
    ).not.toBe(base);
  });
});
