import { Entity } from '@backstage/catalog-model';
import { EventSubject, podSubject } from '@goldenpath/plugin-platform-common';
import { EntityIndex } from './EntityIndex';

function component(
  name: string,
  annotations: Record<string, string>,
  kind = 'Component',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, annotations },
    spec: {},
  };
}

const ID = 'backstage.io/kubernetes-id';
const NS = 'backstage.io/kubernetes-namespace';
const SELECTOR = 'backstage.io/kubernetes-label-selector';

const entities = [
  component('payments-api', { [ID]: 'payments-api', [NS]: 'payments' }),
  // a worker split out of payments-api: same app name, its own component label
  component('payments-worker', {
    [ID]: 'payments-api',
    [NS]: 'payments',
    [SELECTOR]:
      'app.kubernetes.io/name=payments-api,app.kubernetes.io/component=worker',
  }),
  component('ledger-service', { [ID]: 'ledger-service', [NS]: 'payments' }),
  // no namespace annotation: its pods may run anywhere
  component('auth-gateway', { [ID]: 'auth-gateway' }),
  // claims the whole namespace
  component('data-platform', { [NS]: 'data' }, 'System'),
  // a selector without an equality requirement (scanned, not looked up)
  component('batch-jobs', { [NS]: 'jobs', [SELECTOR]: 'batch,!canary' }),
];
const index = EntityIndex.fromEntities(entities);

const pod = (namespace: string, labels: Record<string, string>) =>
  podSubject({ cluster: 'prod-eu-west-1', namespace, labels });

describe('EntityIndex: pods', () => {
  it.each([
    [
      'its label selector, ahead of another entity with the same id',
      pod('payments', {
        'app.kubernetes.io/name': 'payments-api',
        'app.kubernetes.io/component': 'worker',
      }),
      'component:default/payments-worker',
    ],
    [
      'its kubernetes-id via app.kubernetes.io/name when no selector matches',
      pod('payments', {
        'app.kubernetes.io/name': 'payments-api',
        'app.kubernetes.io/component': 'web',
      }),
      'component:default/payments-api',
    ],
    [
      'its kubernetes-id via backstage.io/kubernetes-id',
      pod('payments', { [ID]: 'ledger-service' }),
      'component:default/ledger-service',
    ],
    [
      'a kubernetes-id without a namespace annotation, in any namespace',
      pod('edge', { 'app.kubernetes.io/name': 'auth-gateway' }),
      'component:default/auth-gateway',
    ],
    [
      'a namespace-only entity, for a pod without a naming label',
      pod('data', { app: 'spark' }),
      'system:default/data-platform',
    ],
    [
      'a namespace-only entity, for a pod whose id no entity has',
      pod('data', { 'app.kubernetes.io/name': 'airflow' }),
      'system:default/data-platform',
    ],
    [
      'a selector of existence requirements only',
      pod('jobs', { batch: 'nightly' }),
      'component:default/batch-jobs',
    ],
  ])('links a pod to %s', (_, subject, ref) => {
    expect(index.resolve(subject)).toEqual({ entityRef: ref });
  });

  it('keeps a selector and a kubernetes-id to the entity namespace', () => {
    const worker = pod('payments-staging', {
      'app.kubernetes.io/name': 'payments-api',
      'app.kubernetes.io/component': 'worker',
    });
    expect(index.resolve(worker).reason).toBe(
      "no catalog entity has a backstage.io/kubernetes-label-selector matching the pod's labels, backstage.io/kubernetes-id=payments-api (namespace payments-staging) or backstage.io/kubernetes-namespace=payments-staging alone",
    );
  });

  it('does not give a pod without a naming label to an entity that names its pods', () => {
    // payments-api and ledger-service have backstage.io/kubernetes-namespace=payments,
    // but each claims only pods with its own id
    const result = index.resolve(pod('payments', { app: 'redis' }));
    expect(result.entityRef).toBeUndefined();
    expect(result.reason).toMatch(
      /backstage.io\/kubernetes-namespace=payments alone$/,
    );
  });

  it('lets a selector, not the id, decide on an entity that has both', () => {
    const onlyWorker = EntityIndex.fromEntities([entities[1]]);
    const web = pod('payments', { 'app.kubernetes.io/name': 'payments-api' });
    expect(onlyWorker.resolve(web).entityRef).toBeUndefined();
    // a subject without labels cannot be tested against the selector: the id decides
    expect(
      onlyWorker.resolve({ kind: 'kubernetes-id', name: 'payments-api' }),
    ).toEqual({ entityRef: 'component:default/payments-worker' });
  });

  it('still links subjects without namespace and labels as before', () => {
    expect(
      index.resolve({ kind: 'kubernetes-id', name: 'ledger-service' }),
    ).toEqual({ entityRef: 'component:default/ledger-service' });
    // an event about a namespace (not a pod) may link to any entity of it
    expect(index.resolve({ kind: 'namespace', name: 'jobs' })).toEqual({
      entityRef: 'component:default/batch-jobs',
    });
  });

  it('reports several matching selectors as ambiguous, naming them', () => {
    const ambiguous = EntityIndex.fromEntities([
      component('orders-api', { [SELECTOR]: 'app in (orders-api, orders)' }),
      component('orders', { [SELECTOR]: 'team=shop' }),
    ]);
    expect(
      ambiguous.resolve({
        kind: 'namespace',
        name: 'shop',
        labels: { team: 'shop', app: 'orders-api' },
      }),
    ).toEqual({
      reason:
        "2 catalog entities have a backstage.io/kubernetes-label-selector matching the pod's labels in namespace shop (component:default/orders, component:default/orders-api); send entityRef or a more specific subject",
    });
    // a cluster no candidate lists does not pick one
    expect(
      ambiguous.resolve(pod('shop', { team: 'shop', app: 'orders-api' })),
    ).toEqual({
      reason:
        "2 catalog entities have a backstage.io/kubernetes-label-selector matching the pod's labels in namespace shop (component:default/orders, component:default/orders-api) and none lists cluster prod-eu-west-1 in goldenpath.dev/clusters; send entityRef or list the clusters",
    });
  });

  it('narrows several candidates of one tier by goldenpath.dev/clusters', () => {
    const clusters = 'goldenpath.dev/clusters';
    const twoRegions = EntityIndex.fromEntities([
      component('search-eu', { [ID]: 'search', [clusters]: 'prod-eu-west-1' }),
      component('search-us', { [ID]: 'search', [clusters]: 'prod-us-east-1' }),
    ]);
    const search = (cluster: string): EventSubject =>
      podSubject({
        cluster,
        namespace: 'search',
        labels: { [ID]: 'search' },
      });
    expect(twoRegions.resolve(search('prod-us-east-1'))).toEqual({
      entityRef: 'component:default/search-us',
    });
    expect(twoRegions.resolve(search('prod-ap-south-1')).reason).toBe(
      '2 catalog entities have backstage.io/kubernetes-id=search in namespace search (component:default/search-eu, component:default/search-us) and none lists cluster prod-ap-south-1 in goldenpath.dev/clusters; send entityRef or list the clusters',
    );
  });

  it('reports several namespace-only entities as ambiguous', () => {
    const shared = EntityIndex.fromEntities([
      component('team-a', { [NS]: 'shared' }, 'Group'),
      component('team-b', { [NS]: 'shared' }, 'Group'),
    ]);
    expect(
      shared.resolve({ kind: 'namespace', name: 'shared', labels: {} }).reason,
    ).toBe(
      '2 catalog entities have backstage.io/kubernetes-namespace=shared and neither backstage.io/kubernetes-id nor backstage.io/kubernetes-label-selector (group:default/team-a, group:default/team-b); send entityRef or a more specific subject',
    );
  });

  it('ignores a selector that does not parse, says so, and falls back to the id', () => {
    const broken = EntityIndex.fromEntities([
      component('cart', { [ID]: 'cart', [SELECTOR]: 'app in (cart' }),
    ]);
    expect(broken.problems).toEqual([
      'component:default/cart: backstage.io/kubernetes-label-selector ignored: unbalanced parentheses',
    ]);
    expect(broken.resolve(pod('shop', { [ID]: 'cart' }))).toEqual({
      entityRef: 'component:default/cart',
    });
  });

  it('changes the fingerprint with a selector or namespace, not with a broken selector', () => {
    const fingerprint = (annotations: Record<string, string>) =>
      EntityIndex.fromEntities([component('cart', annotations)]).fingerprint;
    const base = fingerprint({ [ID]: 'cart' });
    expect(fingerprint({ [ID]: 'cart', [SELECTOR]: 'app=cart' })).not.toBe(
      base,
    );
    expect(fingerprint({ [ID]: 'cart', [NS]: 'shop' })).not.toBe(base);
    expect(fingerprint({ [ID]: 'cart', [SELECTOR]: 'app in (' })).toBe(base);
  });
});
