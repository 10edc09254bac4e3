import { MetricTile } from '@goldenpath/plugin-platform-react';
import Grid from '@material-ui/core/Grid';
import { ReactNode } from 'react';
import { CostRecommendations, CostSummary } from '../../api/types';
import {
  COST_DEFINITION,
  CPU_COST_DEFINITION,
  EFFICIENCY_DEFINITION,
  MEMORY_COST_DEFINITION,
  SHARED_IDLE_DEFINITION,
} from '../definitions';
import {
  formatCoreHours,
  formatGibHours,
  formatMoney,
  formatPercent,
  windowDays,
} from '../format';
import {
  costFacts,
  cpuFacts,
  efficiencyFacts,
  memoryFacts,
  sharedIdleFacts,
} from './facts';
import { AsyncValue, RecommendationTiles } from './RecommendationTiles';
import { TileExplanation } from './TileExplanation';

function Tile(props: { children: ReactNode }) {
  return (
    <Grid item xs={12} sm={6} lg={3}>
      {props.children}
    </Grid>
  );
}

/**
 * The headline numbers of a component or a group: cost against the previous
 * window, CPU and memory cost, efficiency, shared idle when it is on, and
 * (with recommendations) monthly savings and under-provisioned risk.
 */
export function CostTiles(props: {
  summary: CostSummary;
  recommendations?: AsyncValue<CostRecommendations>;
}) {
  const { summary, recommendations } = props;
  const { total, window, currency, options } = summary;
  const code = currency.code;
  const money = (amount: number) => formatMoney(amount, code);
  const days = windowDays(window);
  const comparedTo = `previous ${days} days`;
  // A previous window without container-hours has nothing to compare with.
  const previous =
    summary.previous.containerHours > 0 ? summary.previous : undefined;
  const explain = (definition: string, facts: string[]) => (
    <TileExplanation
      definition={definition}
      facts={facts}
      window={window}
      currency={currency}
    />
  );

  return (
    <Grid container spacing={2} alignItems="stretch">
      <Tile>
        <MetricTile
          title="Cost"
          value={money(total.cost)}
          subtitle={`${money(
            total.cost / Math.max(days, 1),
          )} a day over ${days} days`}
          change={{
            current: total.cost,
            previous: previous?.cost,
            higherIsBetter: false,
            format: money,
            comparedTo,
          }}
        >
          {explain(
            COST_DEFINITION,
            costFacts(total, previous, code, `Previous ${days} days`),
          )}
        </MetricTile>
      </Tile>
      <Tile>
        <MetricTile
          title="CPU cost"
          value={money(total.cpuCost)}
          subtitle={`${formatCoreHours(total.cpuBilledCoreHours)} billed`}
        >
          {explain(CPU_COST_DEFINITION, cpuFacts(total, code))}
        </MetricTile>
      </Tile>
      <Tile>
        <MetricTile
          title="Memory cost"
          value={money(total.memoryCost)}
          subtitle={`${formatGibHours(total.memoryBilledByteHours)} billed`}
        >
          {explain(MEMORY_COST_DEFINITION, memoryFacts(total, code))}
        </MetricTile>
      </Tile>
      <Tile>
        <MetricTile
          title="Efficiency"
          value={formatPercent(total.efficiency.total).replace('%', '')}
          unit="%"
          subtitle={`CPU ${formatPercent(
            total.efficiency.cpu,
          )} · memory ${formatPercent(total.efficiency.memory)}`}
          change={{
            current: total.efficiency.total,
            previous: previous?.efficiency.total,
            higherIsBetter: true,
            format: d => `${Math.round(d * 100)} pp`,
            comparedTo,
          }}
        >
          {explain(EFFICIENCY_DEFINITION, efficiencyFacts(total, code))}
        </MetricTile>
      </Tile>
      {options.idleShared && (
        <Tile>
          <MetricTile
            title="Shared idle"
            value={money(total.sharedIdleCost)}
            subtitle={`Cost with idle ${money(total.costWithIdle)}`}
          >
            {explain(
              SHARED_IDLE_DEFINITION,
              sharedIdleFacts(total, options, summary.idle, code),
            )}
          </MetricTile>
        </Tile>
      )}
      {recommendations && (
        <RecommendationTiles
          recommendations={recommendations}
          currency={currency}
          Tile={Tile}
        />
      )}
    </Grid>
  );
}
