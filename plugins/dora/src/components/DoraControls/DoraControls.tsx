import {
  EnvironmentPicker,
  TimeWindowPicker,
} from '@goldenpath/plugin-platform-react';
import { makeStyles } from '@material-ui/core/styles';
import { useDoraEnvironments } from '../../hooks/useDoraContext';
import { DORA_RANGES, DoraFilters } from '../../hooks/useDoraFilters';

const useStyles = makeStyles(theme => ({
  root: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(2) },
}));

/**
 * The time window and environment pickers. The environments are those the
 * entity deployed to; until they load (or if they cannot) the picker offers
 * the selected one only.
 */
export function DoraControls(props: {
  entityRef: string;
  filters: DoraFilters;
}) {
  const classes = useStyles();
  const { filters } = props;
  const environments = useDoraEnvironments(props.entityRef);
  return (
    <div className={classes.root} role="group" aria-label="DORA filters">
      <TimeWindowPicker
        options={DORA_RANGES}
        days={filters.days}
        onDaysChange={filters.setDays}
        until={filters.until}
        onBackToNow={filters.backToNow}
      />
      <EnvironmentPicker
        environments={environments.value?.environments ?? []}
        value={filters.environment}
        onChange={filters.setEnvironment}
      />
    </div>
  );
}
