import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { InMemoryIntake } from '@goldenpath/plugin-platform-node/testUtils';
import { createDemoEventProducer } from './createDemoEventProducer';
import { catalogEntities } from './__testUtils__/catalogEntities';

describe('the demo producer', () => {
  it('looks at the catalog again when it is still empty at startup', async () => {
    const full = catalogServiceMock({ entities: catalogEntities });
    let calls = 0;
    const catalog = {
      ...full,
      getEntities: async (...args: Parameters<typeof full.getEntities>) => {
        calls += 1;
        return calls === 1 ? { items: [] } : full.getEntities(...args);
      },
    } as typeof full;
    let task: SchedulerServiceTaskInvocationDefinition | undefined;
    const scheduler = mockServices.scheduler.mock({
      scheduleTask: async t => {
        task = t as SchedulerServiceTaskInvocationDefinition;
      },
    });
    const intake = new InMemoryIntake(10_000);
    await createDemoEventProducer({
      settings: {
        enabled: true,
        historyDays: 3,
        telemetryDays: 1,
        schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
      },
      scheduler,
      catalog,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      catalogWait: { attempts: 3, delayMs: 1 },
    }).connect(intake);

    await task!.fn(new AbortController().signal);
    expect(calls).toBe(2);
    expect(intake.batchSizes.length).toBeGreaterThan(0);
  });

  it('schedules one global task even when the configured schedule names no scope', async () => {
    let scope: string | undefined;
    const scheduler = mockServices.scheduler.mock({
      scheduleTask: async t => {
        scope = (
          t as SchedulerServiceTaskInvocationDefinition &
            SchedulerServiceTaskScheduleDefinition
        ).scope;
      },
    });
    await createDemoEventProducer({
      settings: {
        enabled: true,
        historyDays: 1,
        telemetryDays: 1,
        // what readSchedulerServiceTaskScheduleDefinitionFromConfig returns
        schedule: {
          frequency: { minutes: 5 },
          timeout: { minutes: 1 },
          scope: undefined,
        },
      },
      scheduler,
      catalog: catalogServiceMock({ entities: catalogEntities }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
    }).connect(new InMemoryIntake(10));
    expect(scope).toBe('global');
  });
});
