import { CanaryVerdictStatus } from '@goldenpath/plugin-platform-common';
import { CanaryStatus, CanaryStatusCheck } from '../../api/types';
import { CAPABILITY_LABEL, DISPLAY_LABEL } from '../canaryStatus';

/** What each verdict means, in a sentence under the chip. */
export const VERDICT_MEANING: Record<CanaryVerdictStatus, string> = {
  healthy: 'Every check with a result is up.',
  degraded: 'A check is down, stale or flapping in one of its clusters.',
  down: 'A critical capability is down in every cluster it runs in.',
  unknown: 'No check in its clusters has a result yet.',
};

/** "ingress-http is down in prod-eu", one line per reason. */
export function describeReasons(status: CanaryStatus): string[] {
  const down = status.verdict.downCapabilities.map(
    capability => `${CAPABILITY_LABEL[capability]} is down in every cluster`,
  );
  const reasons = status.verdict.reasons.map(
    r =>
      `${r.check} is ${DISPLAY_LABEL[r.display].toLocaleLowerCase(
        'en-US',
      )} in ${r.cluster}`,
  );
  return [...down, ...reasons];
}

/** Platform-wide checks that touch this entity's clusters, in words. */
export function describePlatformWide(status: CanaryStatus): string[] {
  return status.platformWide
    .filter(p => p.clustersDown.some(c => status.clusters.includes(c)))
    .map(
      p =>
        `${p.check} (${CAPABILITY_LABEL[p.capability]}) is down in ${
          p.clustersDown.length
        } of ${p.clustersRunning} clusters: ${p.clustersDown.join(', ')}`,
    );
}

/** Passes ÷ (passes + failures) over every check's window, or null. */
export function overallUptime(checks: CanaryStatusCheck[]): number | null {
  const passes = checks.reduce((n, c) => n + c.stats.passes, 0);
  const failures = checks.reduce((n, c) => n + c.stats.failures, 0);
  return passes + failures > 0 ? passes / (passes + failures) : null;
}

/** "1 down · 1 stale · 1 flapping · 1 in maintenance" */
export function describeCheckCounts(checks: CanaryStatusCheck[]): string {
  const parts = (
    [
      ['down', 'down'],
      ['stale', 'stale'],
      ['flapping', 'flapping'],
      ['maintenance', 'in maintenance'],
      ['unknown', 'without a result'],
    ] as const
  ).flatMap(([display, text]) => {
    const count = checks.filter(c => c.display === display).length;
    return count > 0 ? [`${count} ${text}`] : [];
  });
  const up = checks.filter(c => c.display === 'up').length;
  return [`${up} up`, ...parts].join(' · ');
}
