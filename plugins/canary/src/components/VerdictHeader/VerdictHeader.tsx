import { WarningPanel } from '@backstage/core-components';
import { MetricTile } from '@goldenpath/plugin-platform-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { CanaryStatus } from '../../api/types';
import {
  STALE_DEFINITION,
  stateDefinition,
  UPTIME_DEFINITION,
} from '../definitions';
import {
  formatAgo,
  formatDateTime,
  formatDuration,
  formatUptime,
  plural,
} from '../format';
import { allChecks } from '../checks';
import { describeCheckCounts, overallUptime } from './describeVerdict';
import { VerdictCard } from './VerdictCard';

/** Checks whose state is old news, in words. */
function staleLines(status: CanaryStatus): string[] {
  return allChecks(status)
    .filter(c => c.stale)
    .map(c => {
      const last = c.lastResultAt ?? c.lastRunAt;
      const since = last
        ? `last result ${formatAgo(last, status.generatedAt)}`
        : 'no result yet';
      return `${c.check} in ${c.cluster}: ${since}, runs every ${formatDuration(
        c.intervalMs,
      )}`;
    });
}

/**
 * The verdict, data freshness ("latest run 3 min ago"), uptime over the
 * window and the checks by status, with a warning when some are stale.
 */
export function VerdictHeader(props: {
  status: CanaryStatus;
  subject: string;
}) {
  const { status, subject } = props;
  const checks = allChecks(status);
  const latest = status.verdict.latestRunAt;
  const uptime = overallUptime(checks);
  const stale = staleLines(status);
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12} md={6}>
        <VerdictCard status={status} subject={subject} />
      </Grid>
      <Grid item xs={12} sm={4} md={2}>
        <MetricTile
          title="Latest run"
          value={latest ? formatAgo(latest, status.generatedAt) : 'No run yet'}
          subtitle={latest ? formatDateTime(latest) : undefined}
        >
          <Typography variant="body2">
            The latest run of any check in these clusters, any outcome.{' '}
            {STALE_DEFINITION}
          </Typography>
        </MetricTile>
      </Grid>
      <Grid item xs={12} sm={4} md={2}>
        <MetricTile
          title="Uptime"
          value={formatUptime(uptime).replace(/%$/, '')}
          unit={uptime === null ? undefined : '%'}
          subtitle={`All checks, ${status.window.key} window`}
        >
          <Typography variant="body2">{UPTIME_DEFINITION}</Typography>
        </MetricTile>
      </Grid>
      <Grid item xs={12} sm={4} md={2}>
        <MetricTile
          title="Checks"
          value={String(checks.length)}
          subtitle={describeCheckCounts(checks)}
        >
          <Typography variant="body2">
            {stateDefinition(status.thresholds)}
          </Typography>
        </MetricTile>
      </Grid>
      {stale.length > 0 && (
        <Grid item xs={12}>
          <WarningPanel
            severity="warning"
            title={`${plural(
              stale.length,
              'check',
            )} stale: no result for two intervals`}
            defaultExpanded
          >
            <Typography variant="body2" component="div">
              Their state is old news, so the cells say stale rather than
              staying green.
              <ul>
                {stale.map(line => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </Typography>
          </WarningPanel>
        </Grid>
      )}
    </Grid>
  );
}
