import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { catalogEntities } from './__testUtils__/events';
import { platformPlugin } from './plugin';

jest.setTimeout(60_000);

describe('platform backend wiring: relink and retention tasks', () => {
  it('schedules retention and the bounded relink as global tasks read from config', async () => {
    const tasks = new Map<
      string,
      SchedulerServiceTaskInvocationDefinition & Record<string, unknown>
    >();
    const scheduler = mockServices.scheduler.mock({
      scheduleTask: jest.fn(async task => {
        tasks.set(task.id, task as any);
      }),
    });
    await startTestBackend({
      features: [
        platformPlugin,
        scheduler.factory,
        catalogServiceMock.factory({ entities: catalogEntities }),
        mockServices.rootConfig.factory({
          data: {
            events: { useEventBus: 'never' },
            platform: {
              linker: { maxRelinkPerRun: 50 },
              retention: {
                unlinkedEvents: { days: 60 },
                rawPayloads: false,
                schedule: {
                  frequency: { minutes: 30 },
                  timeout: { minutes: 3 },
                },
              },
            },
          },
        }),
      ],
    });
    expect(tasks.get('platform-retention')).toMatchObject({
      scope: 'global',
      frequency: { minutes: 30 },
      timeout: { minutes: 3 },
    });
    expect(tasks.get('platform-relink-events')).toMatchObject({
      scope: 'global',
    });
    // both run against the plugin's database
    const signal = new AbortController().signal;
    await expect(
      tasks.get('platform-retention')!.fn(signal),
    ).resolves.toBeUndefined();
    await expect(
      tasks.get('platform-relink-events')!.fn(signal),
    ).resolves.toBeUndefined();
  });
});
