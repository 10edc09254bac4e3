import {
  TimeWindowPicker,
  TimeWindowState,
} from '@goldenpath/plugin-platform-react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { COST_RANGES } from '../../hooks/useCostWindow';
import { formatWindow } from '../format';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
  },
}));

/** The time window picker, and the whole UTC days it stands for. */
export function CostControls(props: { time: TimeWindowState }) {
  const classes = useStyles();
  const { time } = props;
  return (
    <div className={classes.root} role="group" aria-label="Cost filters">
      <TimeWindowPicker
        options={COST_RANGES}
        days={time.days}
        onDaysChange={time.setDays}
        until={time.until}
        onBackToNow={time.backToNow}
      />
      <Typography variant="body2" color="textSecondary">
        {formatWindow(time.window.from, time.window.to)} (whole UTC days)
      </Typography>
    </div>
  );
}
