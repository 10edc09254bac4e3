import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { platformApiRef } from '@goldenpath/plugin-platform-react';
import { screen } from '@testing-library/react';
import {
  clusterEntity,
  componentEntity,
  componentWithoutAnnotation,
  createFakePlatformApi,
  databaseEntity,
  labelSelectorComponent,
  uncheckedComponentEntity,
} from './__fixtures__/canaryData';
import canaryPlugin, {
  canaryClusterEntityContent,
  canaryEntityContent,
} from './alpha';

describe('canary plugin (New Frontend System)', () => {
  it('has two entity content extensions and provides no API', () => {
    expect(canaryPlugin.pluginId).toBe('canary');
    const getAnyExtension = canaryPlugin.getExtension as (
      id: string,
    ) => unknown;
    for (const id of ['api:canary', 'api:platform']) {
      expect(() => getAnyExtension(id)).toThrow(/non-existent extension/);
    }
    expect(canaryPlugin.getExtension('entity-content:canary')).toMatchObject({
      kind: 'entity-content',
      namespace: 'canary',
      name: undefined,
    });
    expect(
      canaryPlugin.getExtension('entity-content:canary/cluster'),
    ).toMatchObject({ name: 'cluster' });
  });

  it('mounts the Component tab at canary only for Components in Kubernetes', () => {
    const tester = createExtensionTester(canaryEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('canary');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Canary');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(componentEntity)).toBe(true);
    expect(filter(labelSelectorComponent)).toBe(true);
    expect(filter(uncheckedComponentEntity)).toBe(true);
    expect(filter(componentWithoutAnnotation)).toBe(false);
    expect(filter(clusterEntity)).toBe(false);
  });

  it('mounts the cluster tab at canary only for kubernetes-cluster Resources', () => {
    const tester = createExtensionTester(canaryClusterEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('canary');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Canary');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(clusterEntity)).toBe(true);
    expect(filter(databaseEntity)).toBe(false);
    expect(filter(componentEntity)).toBe(false);
  });

  it('renders the Component tab with the fixture verdict', async () => {
    const tester = createExtensionTester(canaryEntityContent);
    renderInTestApp(
      <EntityProvider entity={componentEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [[platformApiRef, createFakePlatformApi()]] },
    );
    expect(await screen.findByTitle(/^Verdict: Degraded/)).toBeInTheDocument();
  });

  it('renders the cluster tab', async () => {
    const tester = createExtensionTester(canaryClusterEntityContent);
    renderInTestApp(
      <EntityProvider entity={clusterEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [[platformApiRef, createFakePlatformApi()]] },
    );
    expect(await screen.findByText('Checks (7)')).toBeInTheDocument();
  });
});
