import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import { makeStyles } from '@material-ui/core/styles';
import { useId } from 'react';
import {
  DORA_ENVIRONMENTS,
  DORA_RANGES,
  DoraEnvironment,
  DoraFilters,
  DoraRange,
} from '../../hooks/useDoraFilters';

const useStyles = makeStyles(theme => ({
  root: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(2) },
  control: { minWidth: 180 },
}));

const ENVIRONMENT_LABELS: Record<DoraEnvironment, string> = {
  production: 'Production',
  staging: 'Staging',
};

/** The time range and environment pickers. */
export function DoraControls(props: { filters: DoraFilters }) {
  const classes = useStyles();
  const { days, environment, setDays, setEnvironment } = props.filters;
  const rangeId = useId();
  const environmentId = useId();
  return (
    <div className={classes.root} role="group" aria-label="DORA filters">
      <FormControl variant="outlined" size="small" className={classes.control}>
        <InputLabel id={rangeId}>Time range</InputLabel>
        <Select
          labelId={rangeId}
          label="Time range"
          value={days}
          onChange={event => setDays(Number(event.target.value) as DoraRange)}
        >
          {DORA_RANGES.map(range => (
            <MenuItem key={range} value={range}>
              Last {range} days
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <FormControl variant="outlined" size="small" className={classes.control}>
        <InputLabel id={environmentId}>Environment</InputLabel>
        <Select
          labelId={environmentId}
          label="Environment"
          value={environment}
          onChange={event =>
            setEnvironment(event.target.value as DoraEnvironment)
          }
        >
          {DORA_ENVIRONMENTS.map(env => (
            <MenuItem key={env} value={env}>
              {ENVIRONMENT_LABELS[env]}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
    </div>
  );
}
