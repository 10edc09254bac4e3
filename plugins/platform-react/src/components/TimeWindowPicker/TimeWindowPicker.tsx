import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useId } from 'react';
import { formatUtcDay } from '../formatUtcDay';

/** @public */
export interface TimeWindowPickerProps {
  /** The window lengths offered, in days. */
  options: readonly number[];
  days: number;
  onDaysChange(days: number): void;
  /** The UTC day (`YYYY-MM-DD`) the window ends with; leave out when it ends now. */
  until?: string;
  /** Shown as "Back to today" while `until` is set. */
  onBackToNow?(): void;
  label?: string;
}

const useStyles = makeStyles(theme => ({
  root: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  control: { minWidth: 180 },
}));

/**
 * Picks how many days a tab covers ("Last 90 days"). After a jump to older
 * data the window ends on a past day: it says so and offers the way back.
 * Keep the value in the URL with `useTimeWindow`.
 *
 * @public
 */
export function TimeWindowPicker(props: TimeWindowPickerProps) {
  const { options, days, onDaysChange, until, onBackToNow } = props;
  const label = props.label ?? 'Time range';
  const classes = useStyles();
  const labelId = useId();
  return (
    <div className={classes.root}>
      <FormControl variant="outlined" size="small" className={classes.control}>
        <InputLabel id={labelId}>{label}</InputLabel>
        <Select
          labelId={labelId}
          label={label}
          value={days}
          onChange={event => onDaysChange(Number(event.target.value))}
        >
          {options.map(option => (
            <MenuItem key={option} value={option}>
              {until ? `${option} days` : `Last ${option} days`}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      {until && (
        <>
          <Typography variant="body2">
            ending {formatUtcDay(`${until}T00:00:00.000Z`)}
          </Typography>
          {onBackToNow && (
            <Button size="small" color="primary" onClick={onBackToNow}>
              Back to today
            </Button>
          )}
        </>
      )}
    </div>
  );
}
