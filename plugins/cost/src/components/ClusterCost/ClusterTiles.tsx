import { MetricTile } from '@goldenpath/plugin-platform-react';
import Grid from '@material-ui/core/Grid';
import { CostSummary } from '../../api/types';
import { TileExplanation } from '../CostTiles/TileExplanation';
import {
  CLUSTER_COST_DEFINITION,
  COST_DEFINITION,
  EFFICIENCY_DEFINITION,
} from '../definitions';
import { formatMoney, formatPercent, plural, windowDays } from '../format';
import { costFacts, efficiencyFacts } from '../CostTiles/facts';
import { ClusterTotals } from './clusterTotals';

/** Cluster cost, allocated and idle, and the efficiency of what was allocated. */
export function ClusterTiles(props: {
  summary: CostSummary;
  totals: ClusterTotals;
}) {
  const { summary, totals } = props;
  const { total, window, currency } = summary;
  const code = currency.code;
  const money = (amount: number) => formatMoney(amount, code);
  const share = (amount: number) =>
    totals.capacityCost > 0 ? formatPercent(amount / totals.capacityCost) : '–';
  const days = windowDays(window);
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
  const capacityFacts = [
    `${plural(totals.nodeHours, 'node-hour')} on ${plural(
      summary.idle.length,
      summary.options.idleBy,
    )}`,
    `Node cost: CPU ${money(totals.cpuCapacityCost)} + memory ${money(
      totals.memoryCapacityCost,
    )} = ${money(totals.capacityCost)}`,
    `Allocated ${money(totals.allocatedCost)}, idle ${money(
      totals.idleCost,
    )} (CPU ${money(totals.cpuIdleCost)}, memory ${money(
      totals.memoryIdleCost,
    )})`,
    ...(totals.overAllocatedCost > 0
      ? [
          `Over-allocated ${money(
            totals.overAllocatedCost,
          )} (not offset against idle)`,
        ]
      : []),
  ];

  return (
    <Grid container spacing={2} alignItems="stretch">
      <Grid item xs={12} sm={6} lg={3}>
        <MetricTile
          title="Cluster cost"
          value={money(totals.capacityCost)}
          subtitle={`${plural(totals.nodeHours, 'node-hour')}`}
        >
          {explain(CLUSTER_COST_DEFINITION, capacityFacts)}
        </MetricTile>
      </Grid>
      <Grid item xs={12} sm={6} lg={3}>
        <MetricTile
          title="Allocated"
          value={money(total.cost)}
          subtitle={`${share(total.cost)} of the node cost`}
          change={{
            current: total.cost,
            previous: previous?.cost,
            higherIsBetter: false,
            format: money,
            comparedTo: `previous ${days} days`,
          }}
        >
          {explain(
            COST_DEFINITION,
            costFacts(total, previous, code, `Previous ${days} days`),
          )}
        </MetricTile>
      </Grid>
      <Grid item xs={12} sm={6} lg={3}>
        <MetricTile
          title="Idle"
          value={money(totals.idleCost)}
          subtitle={`${share(totals.idleCost)} of the node cost`}
        >
          {explain(CLUSTER_COST_DEFINITION, capacityFacts)}
        </MetricTile>
      </Grid>
      <Grid item xs={12} sm={6} lg={3}>
        <MetricTile
          title="Efficiency"
          value={formatPercent(total.efficiency.total).replace('%', '')}
          unit="%"
          subtitle={`CPU ${formatPercent(
            total.efficiency.cpu,
          )} · memory ${formatPercent(total.efficiency.memory)}`}
        >
          {explain(EFFICIENCY_DEFINITION, efficiencyFacts(total, code))}
        </MetricTile>
      </Grid>
    </Grid>
  );
}
