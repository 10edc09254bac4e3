import { LoggerService } from '@backstage/backend-plugin-api';
import {
  PlatformEventIntake,
  PlatformEventProducer,
} from '@goldenpath/plugin-platform-node';
import { EventStore } from '../eventLog/EventStore';
import { EventIntake } from './EventIntake';

/**
 * Hands every producer added through the extension point (pollers, the demo
 * history) the intake, once it is ready. A producer that cannot connect fails
 * the startup, with its id in the message: a poller that silently never runs
 * would hide missing data.
 */
export async function connectProducers(options: {
  producers: PlatformEventProducer[];
  intake: EventIntake;
  store: EventStore;
  logger: LoggerService;
}): Promise<void> {
  const { producers, intake, store, logger } = options;
  const connection: PlatformEventIntake = {
    ingest: events => intake.ingest(events),
    maxBatchSize: intake.maxBatchSize,
    latestOccurredAt: prefix => store.latestOccurredAt(prefix),
  };
  for (const producer of producers) {
    try {
      await producer.connect(connection);
    } catch (error) {
      throw new Error(
        `Event producer "${producer.id}" failed to connect: ${error}`,
      );
    }
    logger.info(`Event producer "${producer.id}" connected`);
  }
}
