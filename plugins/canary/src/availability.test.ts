import {
  clusterEntity,
  componentEntity,
  componentWithoutAnnotation,
  databaseEntity,
  labelSelectorComponent,
  newComponentEntity,
  uncheckedComponentEntity,
} from './__fixtures__/canaryData';
import {
  isCanaryAvailable,
  isCanaryCluster,
  isCanaryComponent,
} from './availability';

describe('isCanaryAvailable', () => {
  it.each([
    ['backstage.io/kubernetes-id', componentEntity],
    ['backstage.io/kubernetes-label-selector', labelSelectorComponent],
    ['backstage.io/kubernetes-namespace', newComponentEntity],
    ['goldenpath.dev/clusters', uncheckedComponentEntity],
  ])('is true for a Component with %s', (_annotation, entity) => {
    expect(isCanaryAvailable(entity)).toBe(true);
    expect(isCanaryComponent(entity)).toBe(true);
  });

  it('is false for a Component without one of them', () => {
    expect(isCanaryAvailable(componentWithoutAnnotation)).toBe(false);
  });

  it('is false for a Component whose annotation is empty', () => {
    expect(
      isCanaryAvailable({
        ...componentEntity,
        metadata: {
          ...componentEntity.metadata,
          annotations: { 'backstage.io/kubernetes-id': '' },
        },
      }),
    ).toBe(false);
  });

  it('is true for a kubernetes-cluster Resource only', () => {
    expect(isCanaryAvailable(clusterEntity)).toBe(true);
    expect(isCanaryCluster(clusterEntity)).toBe(true);
    expect(isCanaryComponent(clusterEntity)).toBe(false);
    expect(isCanaryAvailable(databaseEntity)).toBe(false);
  });

  it('is false for Groups and other kinds, even annotated', () => {
    expect(
      isCanaryAvailable({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'shop' },
        spec: { type: 'team', children: [] },
      }),
    ).toBe(false);
    expect(isCanaryAvailable({ ...componentEntity, kind: 'API' })).toBe(false);
  });
});
