import { DoraSummary } from '@goldenpath/plugin-platform-common';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  DEPLOYMENT_DAYS_DEFINITION,
  DEPLOYMENTS_PER_WEEK_DEFINITION,
  REWORK_RATE_DEFINITION,
} from '../definitions';
import { formatNumber, formatPercent } from '../format';

function SmallStat(props: {
  label: string;
  value: string;
  caption: string;
  definition: string;
}) {
  return (
    <Grid item xs={12} sm={4} component="section" aria-label={props.label}>
      <Typography variant="overline" color="textSecondary" component="h3">
        {props.label}
      </Typography>
      <Typography variant="h6" component="p" title={props.definition}>
        {props.value}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {props.caption}
      </Typography>
    </Grid>
  );
}

/** The smaller numbers under the tiles: rework rate and the north-star weekly count. */
export function DoraExtraNumbers(props: { summary: DoraSummary }) {
  const { reworkRate, deploymentFrequency } = props.summary;
  return (
    <Card>
      <CardContent>
        <Grid container spacing={2}>
          <SmallStat
            label="Deployment rework rate"
            value={formatPercent(reworkRate.rate)}
            caption={`${reworkRate.rework} of ${reworkRate.deployments} deployments were hotfixes, reverts or rollbacks`}
            definition={REWORK_RATE_DEFINITION}
          />
          <SmallStat
            label="Successful deployments per week"
            value={formatNumber(deploymentFrequency.perWeek, 2)}
            caption={`${deploymentFrequency.deployments} successful deployments in the window`}
            definition={DEPLOYMENTS_PER_WEEK_DEFINITION}
          />
          <SmallStat
            label="Deployment days per week"
            value={formatNumber(
              deploymentFrequency.medianDeploymentDaysPerWeek,
            )}
            caption="Median days with a deployment, per week"
            definition={DEPLOYMENT_DAYS_DEFINITION}
          />
        </Grid>
      </CardContent>
    </Card>
  );
}
