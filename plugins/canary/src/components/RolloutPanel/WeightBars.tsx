import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CanaryRollout } from '../../api/types';

const useStyles = makeStyles(theme => ({
  row: {
    display: 'grid',
    gridTemplateColumns: '130px 1fr 48px',
    alignItems: 'center',
    gap: theme.spacing(1),
    margin: theme.spacing(0.5, 0),
  },
  bar: { height: 10, borderRadius: 5 },
}));

const clampPercent = (value: number) => Math.min(100, Math.max(0, value));

function WeightBar(props: {
  label: string;
  value: number;
  secondary?: boolean;
}) {
  const classes = useStyles();
  const value = clampPercent(props.value);
  return (
    <div className={classes.row}>
      <Typography variant="body2">{props.label}</Typography>
      <LinearProgress
        variant="determinate"
        value={value}
        color={props.secondary ? 'secondary' : 'primary'}
        className={classes.bar}
        aria-label={props.label}
      />
      <Typography variant="body2" align="right">
        {`${Number(props.value.toFixed(1))}%`}
      </Typography>
    </div>
  );
}

/**
 * The share of traffic the new version should get at this step and the
 * share it gets: a gap means the traffic router or the pods lag behind.
 */
export function WeightBars(props: { rollout: CanaryRollout }) {
  const { rollout } = props;
  return (
    <div>
      <WeightBar label="Desired weight" value={rollout.desiredWeight} />
      <WeightBar label="Actual weight" value={rollout.actualWeight} secondary />
    </div>
  );
}
