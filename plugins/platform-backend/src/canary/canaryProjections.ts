import { LoggerService } from '@backstage/backend-plugin-api';
import {
  AllEventsProjection,
  LinkedEventsProjection,
} from '../projections/Projection';
import { applyCanaryRuns } from './applyCanaryRuns';
import { canaryRawSince, canaryRolloutRows, canaryRunRows } from './canaryRows';
import { CanaryStore } from './CanaryStore';
import { CanarySettings } from './config';

/**
 * `canary.run` into runs, hourly roll-ups, check states and transitions.
 * Unlinked runs count too: a run is about a cluster, whether or not the
 * catalog has a Resource for it. Runs that started before raw retention are
 * left out (their hour may be half deleted already).
 */
export function createCanaryRunsProjection(options: {
  store: CanaryStore;
  settings: Pick<CanarySettings, 'state' | 'maintenance' | 'retention'>;
  logger: LoggerService;
  now?: () => Date;
}): AllEventsProjection {
  const now = options.now ?? (() => new Date());
  return {
    name: 'canary',
    eventTypes: ['canary.run'],
    includeUnlinked: true,
    async apply(events, tx) {
      const at = now();
      const since = canaryRawSince(at, options.settings.retention.rawDays);
      const rows = canaryRunRows(events);
      const kept = rows.filter(r => r.startedAt >= since);
      if (kept.length < rows.length) {
        options.logger.debug(
          `canary: ${
            rows.length - kept.length
          } run(s) started before raw retention (platform.canary.retention.rawDays) were not projected`,
        );
      }
      await applyCanaryRuns(kept, tx, {
        store: options.store,
        state: options.settings.state,
        maintenance: options.settings.maintenance,
        now: at,
      });
    },
  };
}

/** `rollout.updated` of linked entities: the latest status of each rollout. */
export function createCanaryRolloutsProjection(options: {
  store: CanaryStore;
}): LinkedEventsProjection {
  return {
    name: 'canary-rollouts',
    eventTypes: ['rollout.updated'],
    async apply(events, tx) {
      await options.store.putRollouts(canaryRolloutRows(events), tx);
    },
  };
}
