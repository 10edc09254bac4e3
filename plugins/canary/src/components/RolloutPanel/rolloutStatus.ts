import { Status } from '@goldenpath/plugin-platform-react';
import { CanaryRollout, CanaryRolloutMetric } from '../../api/types';

/** A paused rollout waits (amber); degraded and aborted ones failed (red). */
export const PHASE_STATUS: Record<CanaryRollout['phase'], Status> = {
  Healthy: 'ok',
  Progressing: 'unknown',
  Paused: 'warning',
  Degraded: 'error',
  Aborted: 'error',
};

export const METRIC_VERDICT_STATUS: Record<
  CanaryRolloutMetric['verdict'],
  Status
> = {
  pass: 'ok',
  fail: 'error',
  error: 'error',
  inconclusive: 'warning',
  running: 'unknown',
};

export const METRIC_VERDICT_LABEL: Record<
  CanaryRolloutMetric['verdict'],
  string
> = {
  pass: 'Pass',
  fail: 'Fail',
  error: 'Error',
  inconclusive: 'Inconclusive',
  running: 'Running',
};

type AnalysisStatus = NonNullable<CanaryRollout['analysis']>['status'];

export const ANALYSIS_STATUS: Record<AnalysisStatus, Status> = {
  Pending: 'unknown',
  Running: 'unknown',
  Successful: 'ok',
  Failed: 'error',
  Error: 'error',
  Inconclusive: 'warning',
};

/** `0.012`, `99.3`, `1200`: a measurement as given, without float noise. */
export function formatMetricNumber(value: number | undefined): string {
  if (value === undefined) return '–';
  return String(Number(value.toPrecision(6)));
}
