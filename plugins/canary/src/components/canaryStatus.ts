import {
  CanaryCapability,
  CanaryDisplayStatus,
  CanaryOutcome,
  CanaryVerdictStatus,
} from '@goldenpath/plugin-platform-common';
import { Status } from '@goldenpath/plugin-platform-react';

/**
 * How canary states show as the shared status chip: maintenance and unknown
 * are grey (nothing to judge), stale and flapping amber (the state is not to
 * be trusted), down red.
 */
export const DISPLAY_STATUS: Record<CanaryDisplayStatus, Status> = {
  up: 'ok',
  down: 'error',
  stale: 'warning',
  flapping: 'warning',
  maintenance: 'unknown',
  unknown: 'unknown',
};

export const DISPLAY_LABEL: Record<CanaryDisplayStatus, string> = {
  up: 'Up',
  down: 'Down',
  stale: 'Stale',
  flapping: 'Flapping',
  maintenance: 'Maintenance',
  unknown: 'Unknown',
};

/** A timeout is a failure of the capability; an error is the runner's own. */
export const OUTCOME_STATUS: Record<CanaryOutcome, Status> = {
  pass: 'ok',
  fail: 'error',
  timeout: 'error',
  error: 'unknown',
};

export const OUTCOME_LABEL: Record<CanaryOutcome, string> = {
  pass: 'Pass',
  fail: 'Fail',
  timeout: 'Timeout',
  error: 'Error',
};

export const VERDICT_STATUS: Record<CanaryVerdictStatus, Status> = {
  healthy: 'ok',
  degraded: 'warning',
  down: 'error',
  unknown: 'unknown',
};

export const VERDICT_LABEL: Record<CanaryVerdictStatus, string> = {
  healthy: 'Healthy',
  degraded: 'Degraded',
  down: 'Down',
  unknown: 'Unknown',
};

export const CAPABILITY_LABEL: Record<CanaryCapability, string> = {
  deploy: 'Deploy',
  dns: 'DNS',
  ingress: 'Ingress',
  certificates: 'Certificates',
  metrics: 'Metrics',
  logs: 'Logs',
};
