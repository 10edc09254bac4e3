import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import { CanaryStatus, CanaryStatusCheck } from '../../api/types';
import { flappingDefinition, platformWideDefinition } from '../definitions';
import { plural } from '../format';

const useStyles = makeStyles(theme => ({
  root: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) },
}));

/** "Down in 2 of 5 clusters running it", when the fleet view knows. */
function platformWideText(
  check: CanaryStatusCheck,
  status: CanaryStatus,
): string {
  const definition = platformWideDefinition(status.thresholds);
  const fleet = status.platformWide.find(
    p => p.check === check.check && p.capability === check.capability,
  );
  return fleet
    ? `Down in ${fleet.clustersDown.length} of ${
        fleet.clustersRunning
      } clusters running it (${fleet.clustersDown.join(', ')}). ${definition}`
    : definition;
}

/**
 * What the status chip alone does not say: flapping (and how much),
 * failures in a row, and a check down in several clusters at once.
 */
export function CheckBadges(props: {
  check: CanaryStatusCheck;
  status: CanaryStatus;
}) {
  const { check, status } = props;
  const classes = useStyles();
  const badges = [];
  if (check.flapping) {
    badges.push(
      <Tooltip key="flapping" title={flappingDefinition(status.thresholds)}>
        <Chip
          size="small"
          variant="outlined"
          label={`Flapping ${Math.round(check.flapPercent)}%`}
        />
      </Tooltip>,
    );
  }
  if (check.consecutiveFailures > 0) {
    badges.push(
      <Chip
        key="failures"
        size="small"
        variant="outlined"
        color="secondary"
        label={`${plural(check.consecutiveFailures, 'failure')} in a row`}
      />,
    );
  }
  if (check.platformWide) {
    badges.push(
      <Tooltip key="platform-wide" title={platformWideText(check, status)}>
        <Chip size="small" color="secondary" label="Platform-wide" />
      </Tooltip>,
    );
  }
  return badges.length > 0 ? (
    <div className={classes.root}>{badges}</div>
  ) : null;
}
