import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ANNOTATIONS } from '@goldenpath/plugin-platform-common';
import { clusterResourceRefs } from './canaryScope';

const resource = (name: string, cluster?: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name,
    namespace: 'default',
    ...(cluster ? { annotations: { [ANNOTATIONS.clusterName]: cluster } } : {}),
  },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
});

describe('clusterResourceRefs', () => {
  it('maps each cluster name to its Resource, the first one when two name the same cluster', async () => {
    const catalog = catalogServiceMock({
      entities: [
        resource('Prod-EU', 'prod-eu-west-1'),
        resource('prod-eu-duplicate', 'prod-eu-west-1'),
        resource('prod-us-east-1'),
        { ...resource('not-a-cluster'), spec: { type: 'database' } },
      ],
    });
    const refs = await clusterResourceRefs(catalog, mockCredentials.user());
    expect(Object.fromEntries(refs)).toEqual({
      'prod-eu-west-1': 'resource:default/prod-eu',
      'prod-us-east-1': 'resource:default/prod-us-east-1',
    });
  });
});
