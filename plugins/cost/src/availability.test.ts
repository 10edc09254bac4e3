import {
  clusterEntity,
  componentEntity,
  componentWithoutAnnotation,
  databaseEntity,
  groupEntity,
  labelSelectorComponent,
  newComponentEntity,
} from './__fixtures__/costData';
import {
  isCostAvailable,
  isCostCluster,
  isCostComponent,
  isCostGroup,
} from './availability';

describe('isCostAvailable', () => {
  it.each([
    ['backstage.io/kubernetes-id', componentEntity],
    ['backstage.io/kubernetes-label-selector', labelSelectorComponent],
    ['backstage.io/kubernetes-namespace', newComponentEntity],
  ])('is true for a Component with %s', (_annotation, entity) => {
    expect(isCostAvailable(entity)).toBe(true);
    expect(isCostComponent(entity)).toBe(true);
  });

  it('is false for a Component without a Kubernetes annotation', () => {
    expect(isCostAvailable(componentWithoutAnnotation)).toBe(false);
  });

  it('is false for a Component whose annotation is empty', () => {
    expect(
      isCostAvailable({
        ...componentEntity,
        metadata: {
          ...componentEntity.metadata,
          annotations: { 'backstage.io/kubernetes-id': '' },
        },
      }),
    ).toBe(false);
  });

  it('is true for every Group', () => {
    expect(isCostAvailable(groupEntity)).toBe(true);
    expect(isCostGroup(groupEntity)).toBe(true);
    expect(isCostComponent(groupEntity)).toBe(false);
  });

  it('is true for a kubernetes-cluster Resource only', () => {
    expect(isCostAvailable(clusterEntity)).toBe(true);
    expect(isCostCluster(clusterEntity)).toBe(true);
    expect(isCostAvailable(databaseEntity)).toBe(false);
  });

  it('is false for other kinds even with the annotation', () => {
    expect(isCostAvailable({ ...componentEntity, kind: 'API' })).toBe(false);
  });
});
