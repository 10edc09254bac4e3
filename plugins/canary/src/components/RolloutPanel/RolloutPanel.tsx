import { InfoCard, Progress } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useCanaryRollouts } from '../../hooks/useCanaryData';
import { RolloutCard } from './RolloutCard';

const useStyles = makeStyles(theme => ({
  list: { display: 'flex', flexDirection: 'column', gap: theme.spacing(2) },
}));

/**
 * The component's own canary release, when it uses Argo Rollouts: nothing
 * at all for a component without rollouts; a short note, not an error
 * panel, when the rollouts cannot be read (the checks above still stand).
 */
export function RolloutPanel(props: { entityRef: string; now: string }) {
  const classes = useStyles();
  const { loading, error, value } = useCanaryRollouts(props.entityRef);
  if (loading) return <Progress />;
  if (error) {
    return (
      <Typography variant="body2" color="textSecondary" role="status">
        Rollouts unavailable: {error.message}
      </Typography>
    );
  }
  if (!value || value.rollouts.length === 0) return null;
  return (
    <InfoCard title="Argo Rollouts">
      <div className={classes.list}>
        {value.rollouts.map(rollout => (
          <RolloutCard
            key={`${rollout.cluster}/${rollout.namespace}/${rollout.name}`}
            rollout={rollout}
            now={props.now}
          />
        ))}
      </div>
    </InfoCard>
  );
}
