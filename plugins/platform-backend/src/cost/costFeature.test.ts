import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { catalogEntities } from '../__testUtils__/events';
import { platformPlugin } from '../plugin';

jest.setTimeout(60_000);

function backend(cost: object) {
  const tasks = new Map<
    string,
    SchedulerServiceTaskInvocationDefinition & Record<string, unknown>
  >();
  const scheduler = mockServices.scheduler.mock({
    scheduleTask: jest.fn(async task => {
      tasks.set(task.id, task as any);
    }),
  });
  const started = startTestBackend({
    features: [
      platformPlugin,
      scheduler.factory,
      catalogServiceMock.factory({ entities: catalogEntities }),
      mockServices.rootConfig.factory({
        data: { events: { useEventBus: 'never' }, platform: { cost } },
      }),
    ],
  });
  return { started, tasks };
}

describe('cost feature wiring', () => {
  it('schedules cost retention as a global task with the configured schedule', async () => {
    const { started, tasks } = backend({
      retention: {
        rawDays: 10,
        schedule: { frequency: { minutes: 20 }, timeout: { minutes: 2 } },
      },
    });
    await started;
    expect(tasks.get('platform-cost-retention')).toMatchObject({
      scope: 'global',
      frequency: { minutes: 20 },
      timeout: { minutes: 2 },
    });
    await expect(
      tasks.get('platform-cost-retention')!.fn(new AbortController().signal),
    ).resolves.toBeUndefined();
  });

  it('does not start with a bad platform.cost setting', async () => {
    const { started } = backend({ idle: { by: 'pod' } });
    await expect(started).rejects.toThrow(/platform\.cost\.idle\.by/);
  });
});
