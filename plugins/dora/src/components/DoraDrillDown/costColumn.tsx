import { TableColumn } from '@backstage/core-components';
import { DoraDeploymentDetail } from '@goldenpath/plugin-platform-common';
import Chip from '@material-ui/core/Chip';
import TrendingUpIcon from '@material-ui/icons/TrendingUp';
import {
  DeploymentCost,
  deploymentCostKey,
  DeploymentCosts,
} from '../../hooks/useDeploymentCosts';

/** `+32% daily cost`; a dash when either side had no cost data. */
export function describeCostChange(cost: DeploymentCost | undefined): string {
  if (cost?.change === undefined) return '–';
  const percent = Math.round(cost.change * 100);
  let signed = '±0%';
  if (percent > 0) signed = `+${percent}%`;
  else if (percent < 0) signed = `−${Math.abs(percent)}%`;
  return `${signed} daily cost`;
}

/**
 * The Cost feature's view of each deployment: the change of the daily cost
 * after it, and a flag when it raised the cost by more than the threshold.
 */
export function deploymentCostColumn(
  costs: DeploymentCosts,
): TableColumn<DoraDeploymentDetail> {
  const costOf = (row: DoraDeploymentDetail) =>
    costs.get(deploymentCostKey(row.entityRef, row.deploymentId));
  return {
    title: 'Cost',
    field: 'deploymentId',
    customSort: (a, b) => (costOf(a)?.change ?? 0) - (costOf(b)?.change ?? 0),
    render: row => {
      const cost = costOf(row);
      return (
        <span>
          {describeCostChange(cost)}
          {cost?.flagged && (
            <>
              {' '}
              <Chip
                size="small"
                color="secondary"
                icon={<TrendingUpIcon />}
                label="Raised cost"
              />
            </>
          )}
        </span>
      );
    },
  };
}
