import { MetricTile } from '@goldenpath/plugin-platform-react';
import { ComponentType, ReactNode } from 'react';
import { CostCurrency, CostRecommendations } from '../../api/types';
import { RISK_DEFINITION, SAVINGS_DEFINITION } from '../definitions';
import { formatMoney, NO_VALUE, plural } from '../format';
import { riskFacts, savingsFacts } from './facts';
import { TileExplanation } from './TileExplanation';

/** What `useAsync` gives: loading, or an error, or a value. */
export interface AsyncValue<T> {
  loading: boolean;
  error?: Error;
  value?: T;
}

/** Monthly savings and under-provisioned risk: two tiles, never netted. */
export function RecommendationTiles(props: {
  recommendations: AsyncValue<CostRecommendations>;
  currency: CostCurrency;
  Tile: ComponentType<{ children: ReactNode }>;
}) {
  const { recommendations, currency, Tile } = props;
  const code = currency.code;
  const { loading, error, value } = recommendations;

  if (!value) {
    const placeholder = {
      value: loading ? '…' : NO_VALUE,
      subtitle: loading
        ? 'Loading recommendations'
        : `Recommendations unavailable${error ? `: ${error.message}` : ''}`,
    };
    return (
      <>
        <Tile>
          <MetricTile title="Monthly savings" {...placeholder} />
        </Tile>
        <Tile>
          <MetricTile title="Under-provisioned risk" {...placeholder} />
        </Tile>
      </>
    );
  }

  const explain = (definition: string, facts: string[]) => (
    <TileExplanation
      definition={definition}
      facts={facts}
      window={value.window}
      currency={currency}
    />
  );
  return (
    <>
      <Tile>
        <MetricTile
          title="Monthly savings"
          value={formatMoney(value.totalMonthlySavings, code)}
          unit="/month"
          subtitle={`${plural(
            value.savings.length,
            'container spec',
          )} to right-size`}
        >
          {explain(SAVINGS_DEFINITION, savingsFacts(value, code))}
        </MetricTile>
      </Tile>
      <Tile>
        <MetricTile
          title="Under-provisioned risk"
          value={formatMoney(value.totalMonthlyRiskCost, code)}
          unit="/month"
          subtitle={`${plural(
            value.risks.length,
            'container spec',
          )} using more than requested`}
        >
          {explain(RISK_DEFINITION, riskFacts(value, code))}
        </MetricTile>
      </Tile>
    </>
  );
}
