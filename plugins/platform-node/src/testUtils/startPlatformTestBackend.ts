import {
  BackendFeature,
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import {
  EventListResponse,
  StoredEvent,
} from '@goldenpath/plugin-platform-common';
import { AddressInfo } from 'node:net';

/** A task a module scheduled, as the scheduler was given it. @public */
export type PlatformTestTask = SchedulerServiceTaskInvocationDefinition &
  SchedulerServiceTaskScheduleDefinition;

/** What {@link startPlatformTestBackend} started. @public */
export interface PlatformTestBackend {
  /** Every task scheduled, by id; none runs unless the test calls its `fn`. */
  tasks: Map<string, PlatformTestTask>;
  /** The platform backend's base URL, `http://localhost:<port>/api/platform`. */
  baseUrl: string;
  /** `GET /events` as a user, every page (newest first). */
  listEvents(query?: Record<string, string>): Promise<StoredEvent[]>;
}

/**
 * Starts a test backend with the real platform backend and the modules under
 * test (in `features`, with any service mocks such as the catalog's), on an
 * in-memory database, the event bus off. The scheduler only records tasks, so
 * a test runs a task itself and sees its errors.
 *
 * @public
 */
export async function startPlatformTestBackend(options: {
  features: Array<BackendFeature | Promise<{ default: BackendFeature }>>;
  /** The `platform` configuration. */
  platform?: JsonObject;
  /** Other root configuration keys (`kubernetes`, for example). */
  config?: JsonObject;
}): Promise<PlatformTestBackend> {
  const tasks = new Map<string, PlatformTestTask>();
  const scheduler = mockServices.scheduler.mock({
    async scheduleTask(task: PlatformTestTask) {
      tasks.set(task.id, task);
    },
  });
  const { server } = await startTestBackend({
    features: [
      ...options.features,
      scheduler.factory,
      mockServices.rootConfig.factory({
        data: {
          events: { useEventBus: 'never' },
          ...options.config,
          platform: options.platform ?? {},
        },
      }),
    ],
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://localhost:${port}/api/platform`;

  async function listEvents(query: Record<string, string> = {}) {
    const items: StoredEvent[] = [];
    let before: string | undefined;
    do {
      const params = new URLSearchParams({
        ...query,
        limit: '1000',
        ...(before ? { before } : {}),
      });
      const res = await fetch(`${baseUrl}/events?${params}`, {
        headers: { Authorization: mockCredentials.user.header() },
      });
      if (res.status !== 200) {
        throw new Error(
          `GET /events?${params} answered ${res.status}: ${await res.text()}`,
        );
      }
      const page = (await res.json()) as EventListResponse;
      items.push(...page.items);
      before =
        page.nextCursor === undefined ? undefined : String(page.nextCursor);
    } while (before);
    return items;
  }

  return { tasks, baseUrl, listEvents };
}
