import { CanaryOutcome } from '@goldenpath/plugin-platform-common';
import { SparkBars } from '@goldenpath/plugin-platform-react';
import { CanaryRecentRun } from '../../api/types';
import { OUTCOME_STATUS } from '../canaryStatus';
import { formatDateTime, formatDuration } from '../format';

/** The sparkline's places: the backend sends a check's latest 30 runs. */
export const SPARKLINE_RUNS = 30;

const OUTCOME_ORDER: CanaryOutcome[] = ['pass', 'fail', 'timeout', 'error'];

/** "Last 30 runs: 26 pass, 3 fail, 1 error", for screen readers and tests. */
export function describeRuns(runs: readonly CanaryRecentRun[]): string {
  if (runs.length === 0) return 'No runs yet';
  const counts = OUTCOME_ORDER.flatMap(outcome => {
    const count = runs.filter(r => r.outcome === outcome).length;
    return count > 0 ? [`${count} ${outcome}`] : [];
  });
  return `Last ${runs.length} ${
    runs.length === 1 ? 'run' : 'runs'
  }: ${counts.join(', ')}`;
}

/**
 * A check's latest runs, oldest first, one bar each: its height the run's
 * duration, its colour the outcome (a timeout as red as a failure, the
 * runner's own errors grey).
 */
export function RunSparkline(props: { runs: readonly CanaryRecentRun[] }) {
  const { runs } = props;
  return (
    <SparkBars
      label={describeRuns(runs)}
      slots={SPARKLINE_RUNS}
      bars={runs.map(run => ({
        value: run.durationMs,
        status: OUTCOME_STATUS[run.outcome],
        label: `${formatDateTime(run.startedAt)} · ${
          run.outcome
        } · ${formatDuration(run.durationMs)}`,
      }))}
    />
  );
}
