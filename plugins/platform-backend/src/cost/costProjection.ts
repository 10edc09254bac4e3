import { LoggerService } from '@backstage/backend-plugin-api';
import { DAY_MS, HOUR_MS } from '@goldenpath/plugin-platform-common';
import { Knex } from 'knex';
import { AllEventsProjection } from '../projections/Projection';
import { billSamples } from './allocateSamples';
import { CostStore, DirtyHour } from './CostStore';
import { NodePriceOverride } from './nodePrices';
import { COST_EVENT_TYPES, projectCostEvents } from './projectCostEvents';
import { DayRollUp, rollUpContainerHours } from './rollUps';

/** The first hour raw rows are kept for: `rawDays` before now, on the hour. */
export function rawSince(now: Date, rawDays: number): string {
  const ms = now.getTime() - rawDays * DAY_MS;
  return new Date(Math.floor(ms / HOUR_MS) * HOUR_MS).toISOString();
}

/**
 * `pod.usage`, `node.cost` and `deployment.finished` into the cost tables.
 * `apply` only upserts raw rows (linked or not: idle needs every container)
 * and marks their cluster-hours dirty; `settle` then rolls each dirty hour up
 * once from the raw level with the model, and then each day those hours
 * touched from the hourly level. A replay or a late `node.cost` marks the hour
 * again and it is recomputed whole, so the result never depends on the order
 * events arrived in.
 */
export function createCostProjection(options: {
  store: CostStore;
  rawDays: number;
  priceOverride: NodePriceOverride;
  logger: LoggerService;
  now?: () => Date;
}): AllEventsProjection {
  const { store, logger } = options;
  const now = options.now ?? (() => new Date());

  async function rollUpHour(hour: DirtyHour, tx: Knex.Transaction) {
    const raw = await store.readClusterHour(hour.cluster, hour.hourStart, tx);
    const { billed, idle } = billSamples(
      raw.samples,
      raw.nodes,
      options.priceOverride,
      { compute: true },
    );
    await store.replaceClusterHour(
      hour.cluster,
      hour.hourStart,
      { containers: rollUpContainerHours(billed), idle },
      tx,
    );
  }

  return {
    name: 'cost',
    eventTypes: COST_EVENT_TYPES,
    includeUnlinked: true,
    async apply(events, tx) {
      const upserts = projectCostEvents(
        events,
        rawSince(now(), options.rawDays),
      );
      if (upserts.tooOld > 0) {
        logger.debug(
          `cost: ${upserts.tooOld} usage or node event(s) for hours before raw retention (platform.cost.retention.rawDays) were not projected`,
        );
      }
      await store.upsertRaw(upserts, tx);
      await store.upsertDeployments(upserts.deployments, tx);
    },
    async settle(tx) {
      // one hour per transaction, then each day the hours touched: a large
      // cluster never needs one huge transaction
      const hour = await store.nextDirtyHour(tx);
      if (hour) {
        // an hour whose raw rows retention has started deleting is left as
        // it was rolled up: recomputing it from part of its rows would be wrong
        if (hour.hourStart >= rawSince(now(), options.rawDays)) {
          await rollUpHour(hour, tx);
        }
        await store.settledHour(hour, tx);
        return true;
      }
      const day = await store.nextDirtyDay(tx);
      if (!day) return false;
      const rollUp = new DayRollUp(day.cluster, day.day);
      for (const hourStart of await store.listHoursOfDay(
        day.cluster,
        day.day,
        tx,
      )) {
        const hourly = await store.readHourly(day.cluster, hourStart, tx);
        rollUp.addHour(hourly.containers, hourly.idle);
      }
      await store.replaceClusterDay(day.cluster, day.day, rollUp.rows(), tx);
      await store.clearDirtyDay(day, tx);
      return true;
    },
  };
}
