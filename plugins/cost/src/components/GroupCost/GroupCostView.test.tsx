import { screen, within } from '@testing-library/react';
import {
  createFakePlatformApi,
  groupEntity,
  groupSummary,
} from '../../__fixtures__/costData';
import { renderCostTab, tile } from '../../__testUtils__/renderCostTab';

describe('the Cost tab of a Group', () => {
  it('shows back its components, costliest first, with their shares', async () => {
    await renderCostTab(createFakePlatformApi(), groupEntity);
    expect(await screen.findByText('Components (2)')).toBeInTheDocument();

    const checkout = screen
      .getByRole('link', { name: /checkout/ })
      .closest('tr')!;
    expect(within(checkout).getByText('$74.76')).toBeInTheDocument();
    expect(within(checkout).getByText('74.8%')).toBeInTheDocument();
    expect(
      within(checkout).getByRole('link', { name: 'Cost tab' }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout/cost');

    const cart = screen.getByRole('link', { name: /cart/ }).closest('tr')!;
    expect(within(cart).getByText('$25.24')).toBeInTheDocument();
    expect(within(cart).getByText('25.2%')).toBeInTheDocument();
    // 432 ÷ 720 = 60 % CPU, 864 ÷ 1440 = 60 % memory; the breakdown on a
    // line of its own in the same cell, so a narrow column does not split it.
    const efficiency = within(cart).getByText('60%').closest('td')!;
    expect(
      within(efficiency).getByText('CPU 60% · mem 60%'),
    ).toBeInTheDocument();
  });

  it('totals the group in the tiles and under the table', async () => {
    await renderCostTab(createFakePlatformApi(), groupEntity);
    await screen.findByText('Components (2)');

    expect(within(tile('Cost')).getByText('$100.00')).toBeInTheDocument();
    expect(
      within(tile('Cost')).getByText('No data for the previous 30 days'),
    ).toBeInTheDocument();
    // (0.5 × 79.76 + 2880/4320 × 20.24) ÷ 100 = 53.4 %
    expect(within(tile('Efficiency')).getByText('53')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Total: $100.00 (CPU $79.76, memory $20.24), efficiency 53%, over 2 components and 3,600 container-hours',
      ),
    ).toBeInTheDocument();
  });

  it('draws the group’s daily trend and asks for no right-sizing', async () => {
    const api = createFakePlatformApi();
    const getCostRecommendations = jest.spyOn(api, 'getCostRecommendations');
    const getCostDeployments = jest.spyOn(api, 'getCostDeployments');
    await renderCostTab(api, groupEntity);
    await screen.findByText('Components (2)');

    expect(
      screen.getByRole('figure', { name: /^Daily cost: 30 days/ }),
    ).toBeInTheDocument();
    expect(api.getCostSummary).toBeDefined();
    expect(getCostRecommendations).not.toHaveBeenCalled();
    expect(getCostDeployments).not.toHaveBeenCalled();
    expect(screen.queryByRole('table', { name: 'Controllers' })).toBeNull();
  });

  it('says so when the group owns no components', async () => {
    await renderCostTab(
      createFakePlatformApi({
        getCostSummary: async () => ({
          ...groupSummary,
          entityRefs: [],
          components: [],
        }),
      }),
      groupEntity,
    );
    expect(await screen.findByText('No components')).toBeInTheDocument();
  });
});
