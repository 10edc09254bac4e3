import { screen, within } from '@testing-library/react';
import {
  clusterEntity,
  clusterSummary,
  createFakePlatformApi,
} from '../../__fixtures__/costData';
import { renderCostTab, tile } from '../../__testUtils__/renderCostTab';

describe('the Cost tab of a cluster Resource', () => {
  it('asks for the cluster by its entity ref', async () => {
    const api = createFakePlatformApi();
    const getCostSummary = jest.spyOn(api, 'getCostSummary');
    await renderCostTab(api, clusterEntity);
    await screen.findByRole('region', { name: 'Cluster cost' });
    expect(getCostSummary.mock.calls[0][0].entityRef).toBe(
      'resource:default/prod-eu',
    );
  });

  it('shows the node cost, allocated against idle', async () => {
    await renderCostTab(createFakePlatformApi(), clusterEntity);
    await screen.findByRole('region', { name: 'Cluster cost' });

    // 3 nodes × 720 h: CPU 345.60 + memory 172.80 of capacity.
    const cluster = tile('Cluster cost');
    expect(within(cluster).getByText('$518.40')).toBeInTheDocument();
    expect(within(cluster).getByText('2,160 node-hours')).toBeInTheDocument();

    const allocated = tile('Allocated');
    expect(within(allocated).getByText('$331.20')).toBeInTheDocument();
    expect(
      within(allocated).getByText('64% of the node cost'),
    ).toBeInTheDocument();

    const idle = tile('Idle');
    expect(within(idle).getByText('$187.20')).toBeInTheDocument();
    expect(within(idle).getByText('36% of the node cost')).toBeInTheDocument();

    const row = screen.getByText('Allocated vs idle, by cluster (1)');
    expect(row).toBeInTheDocument();
    // The idle amount over its breakdown, both in the Idle cell.
    const idleCell = screen
      .getAllByText('$187.20')
      .map(text => text.closest('td'))
      .find(Boolean)!;
    expect(
      within(idleCell).getByText('CPU $115.20 · mem $72.00'),
    ).toBeInTheDocument();
  });

  it('lists the namespaces with their share of the allocated cost', async () => {
    await renderCostTab(createFakePlatformApi(), clusterEntity);
    expect(await screen.findByText('Namespaces (3)')).toBeInTheDocument();

    const expected: Array<[string, string, string]> = [
      ['shop', '$240.00', '72.5%'],
      ['payments', '$80.00', '24.2%'],
      ['kube-system', '$11.20', '3.4%'],
    ];
    for (const [namespace, cost, share] of expected) {
      const row = screen.getByText(namespace).closest('tr')!;
      expect(within(row).getByText(cost)).toBeInTheDocument();
      expect(within(row).getByText(share)).toBeInTheDocument();
    }
    expect(clusterSummary.namespaces).toHaveLength(3);
  });

  it('explains the cluster cost with its node-hours and over-allocation', async () => {
    await renderCostTab(
      createFakePlatformApi({
        getCostSummary: async () => ({
          ...clusterSummary,
          idle: [
            {
              ...clusterSummary.idle[0],
              cpuOverAllocatedCost: 1.5,
              memoryOverAllocatedCost: 0.25,
            },
          ],
        }),
      }),
      clusterEntity,
    );
    const button = await screen.findByRole('button', {
      name: 'About Cluster cost',
    });
    button.click();
    const dialog = await screen.findByRole('dialog', {
      name: 'About Cluster cost',
    });
    for (const line of [
      '2,160 node-hours on 1 cluster',
      'Node cost: CPU $345.60 + memory $172.80 = $518.40',
      'Allocated $331.20, idle $187.20 (CPU $115.20, memory $72.00)',
      'Over-allocated $1.75 (not offset against idle)',
    ]) {
      expect(within(dialog).getByText(line)).toBeInTheDocument();
    }
  });
});
