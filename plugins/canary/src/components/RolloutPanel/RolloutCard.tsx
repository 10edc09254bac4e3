import { StatusChip } from '@goldenpath/plugin-platform-react';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CanaryRollout } from '../../api/types';
import { formatAgo } from '../format';
import { AnalysisMetrics } from './AnalysisMetrics';
import { PHASE_STATUS } from './rolloutStatus';
import { WeightBars } from './WeightBars';

const useStyles = makeStyles(theme => ({
  heading: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
  body: { display: 'flex', flexDirection: 'column', gap: theme.spacing(1.5) },
}));

function stepText(rollout: CanaryRollout): string {
  if (rollout.strategy === 'blueGreen') return 'Blue-green';
  return rollout.totalSteps !== undefined
    ? `Step ${rollout.step} of ${rollout.totalSteps}`
    : `Step ${rollout.step}`;
}

/** One Argo Rollout: phase, step, weights, why it paused or stopped, analysis. */
export function RolloutCard(props: { rollout: CanaryRollout; now: string }) {
  const { rollout, now } = props;
  const classes = useStyles();
  return (
    <Card
      variant="outlined"
      component="section"
      aria-label={`Rollout ${rollout.name} in ${rollout.cluster}`}
    >
      <CardContent className={classes.body}>
        <div className={classes.heading}>
          <Typography variant="h6" component="h3">
            {rollout.name}
          </Typography>
          <StatusChip
            status={PHASE_STATUS[rollout.phase]}
            label={rollout.phase}
            title={`Phase: ${rollout.phase}`}
          />
          <Typography variant="body2" color="textSecondary">
            {`${rollout.cluster} / ${rollout.namespace} · ${stepText(
              rollout,
            )} · updated ${formatAgo(rollout.updatedAt, now)}`}
          </Typography>
        </div>
        <WeightBars rollout={rollout} />
        {rollout.pauseReason && (
          <Typography variant="body2">
            Paused: <strong>{rollout.pauseReason}</strong>
          </Typography>
        )}
        {rollout.message && (
          <Typography
            variant="body2"
            color={
              rollout.phase === 'Aborted' || rollout.phase === 'Degraded'
                ? 'error'
                : 'textPrimary'
            }
          >
            {rollout.phase === 'Aborted' ? 'Aborted: ' : ''}
            {rollout.message}
          </Typography>
        )}
        {rollout.analysis && <AnalysisMetrics analysis={rollout.analysis} />}
      </CardContent>
    </Card>
  );
}
