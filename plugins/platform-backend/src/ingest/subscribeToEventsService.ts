import { LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import { EventParams, EventsService } from '@backstage/plugin-events-node';
import { PlatformEventSource } from '@goldenpath/plugin-platform-node';
import { IngestResponse } from '@goldenpath/plugin-platform-common';
import { EventIntake } from './EventIntake';

/** Accepts one event, an array, or `{ events: [...] }` from a topic. */
export function eventsFromTopicPayload(payload: unknown): unknown[] {
  if (Array.isArray(payload)) return payload;
  if (typeof payload === 'object' && payload !== null) {
    const { events } = payload as { events?: unknown };
    if (Array.isArray(events)) return events;
  }
  return [payload];
}

function headersOf(params: EventParams): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(params.metadata ?? {})) {
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/**
 * Feeds the Backstage events service into the intake: canonical events on the
 * configured topics, and each source's raw payloads on the source's topics.
 * Invalid payloads are logged and skipped (a transport retry would not fix
 * them); storage failures are rethrown so a durable transport can redeliver.
 */
export async function subscribeToEventsService(options: {
  events: EventsService;
  intake: EventIntake;
  topics: string[];
  sources: PlatformEventSource[];
  logger: LoggerService;
}): Promise<void> {
  const { events, intake, topics, sources, logger } = options;

  const report = (topic: string, result: IngestResponse) => {
    for (const r of result.results) {
      if (r.status === 'rejected') {
        logger.warn(
          `Rejected event ${r.source ?? '?'}/${
            r.id ?? '?'
          } from topic ${topic}: ${r.error}`,
        );
      } else if (r.status === 'conflict') {
        logger.warn(
          `Conflicting event ${r.source}/${r.id} from topic ${topic}: ${r.error}`,
        );
      }
    }
  };

  const guarded = async (topic: string, fn: () => Promise<IngestResponse>) => {
    try {
      report(topic, await fn());
    } catch (error) {
      if (isError(error) && error.name === 'InputError') {
        logger.warn(`Skipped payload from topic ${topic}: ${error.message}`);
        return;
      }
      throw error;
    }
  };

  if (topics.length > 0) {
    await events.subscribe({
      id: 'platform-canonical-events',
      topics,
      onEvent: params =>
        guarded(params.topic, () =>
          intake.ingest(eventsFromTopicPayload(params.eventPayload)),
        ),
    });
  }

  for (const source of sources) {
    if (!source.topics?.length) continue;
    await events.subscribe({
      id: `platform-source-${source.id}`,
      topics: source.topics,
      onEvent: params =>
        guarded(params.topic, async () => {
          const mapped = await source.toEvents({
            payload: params.eventPayload,
            headers: headersOf(params),
          });
          return intake.ingest(mapped, { raw: params.eventPayload });
        }),
    });
  }
}
