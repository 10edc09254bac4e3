import { OptionPicker } from '@goldenpath/plugin-platform-react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CanaryStatus, CanaryWindowKey } from '../../api/types';
import { CANARY_WINDOWS } from '../../hooks/useCanaryView';
import { formatDateTime } from '../format';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
  },
}));

/** The uptime window, and the whole UTC hours it stands for once known. */
export function CanaryControls(props: {
  window: CanaryWindowKey;
  onWindowChange(window: CanaryWindowKey): void;
  status?: CanaryStatus;
}) {
  const classes = useStyles();
  const { status } = props;
  return (
    <div className={classes.root} role="group" aria-label="Canary filters">
      <OptionPicker
        label="Uptime window"
        options={CANARY_WINDOWS}
        value={props.window}
        onChange={props.onWindowChange}
      />
      {status && (
        <Typography variant="body2" color="textSecondary">
          {`${formatDateTime(status.window.from)} – ${formatDateTime(
            status.window.to,
          )} (whole hours)`}
        </Typography>
      )}
    </div>
  );
}
