import { PlatformCanaryRunner } from '@goldenpath/plugin-platform-node';
import { CanaryRunner } from './CanaryRunner';

/**
 * The built-in runner as the platform backend sees it for "Run now": its
 * checks and a way to run one. The run's result reaches the backend as a
 * `canary.run` event through the intake, like a scheduled run.
 */
export function asPlatformCanaryRunner(
  runner: CanaryRunner,
): PlatformCanaryRunner {
  return {
    listChecks: () =>
      runner.listChecks().map(({ cluster, check }) => ({
        cluster,
        check: check.name,
        capability: check.capability,
        intervalSeconds: Math.round(check.intervalMs / 1000),
      })),
    async runNow(cluster, check) {
      const report = await runner.runNow(cluster, check);
      if (!report) {
        throw new Error(`the runner has no check ${check} in ${cluster}`);
      }
    },
  };
}
