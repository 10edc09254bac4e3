import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  PlatformEventIntake,
  platformCanaryRunnersExtensionPoint,
  platformEventProducersExtensionPoint,
} from '@goldenpath/plugin-platform-node';
import request from 'supertest';
import { canaryRun, EU } from '../__testUtils__/canaryEvents';
import { catalogEntities } from '../__testUtils__/events';
import { platformPlugin } from '../plugin';

jest.setTimeout(60_000);

/** A runner module as the canary module builds one: it posts its runs through the intake. */
const runnerModule = createBackendModule({
  pluginId: 'platform',
  moduleId: 'test-canary-runner',
  register(env) {
    env.registerInit({
      deps: {
        producers: platformEventProducersExtensionPoint,
        runners: platformCanaryRunnersExtensionPoint,
      },
      async init({ producers, runners }) {
        let intake: PlatformEventIntake | undefined;
        producers.addEventProducer({
          id: 'test-canary-runner',
          connect: async i => {
            intake = i;
          },
        });
        runners.addRunner({
          listChecks: () => [
            {
              cluster: EU,
              check: 'dns-resolve',
              capability: 'dns',
              intervalSeconds: 60,
            },
          ],
          runNow: async (cluster, check) => {
            await intake!.ingest([
              canaryRun({
                cluster,
                check,
                capability: 'dns',
                startedAt: new Date(Date.now() - 1000).toISOString(),
                trigger: 'manual',
                source: 'test-canary-runner',
              }),
            ]);
          },
        });
      },
    });
  },
});

describe('canary wiring', () => {
  it('runs a check now through the runner a module added, and the run reaches the drawer', async () => {
    const { server } = await startTestBackend({
      features: [
        platformPlugin,
        runnerModule,
        catalogServiceMock.factory({ entities: catalogEntities }),
        mockServices.rootConfig.factory({
          data: { events: { useEventBus: 'never' } },
        }),
      ],
    });
    const auth = mockCredentials.user.header();
    const run = await request(server)
      .post(`/api/platform/canary/clusters/${EU}/checks/dns-resolve/run`)
      .set('Authorization', auth);
    expect(run.status).toBe(202);
    expect(run.body).toEqual({
      cluster: EU,
      check: 'dns-resolve',
      capability: 'dns',
      status: 'accepted',
    });

    const drawer = () =>
      request(server)
        .get(
          `/api/platform/canary/runs?entityRef=resource:default/${EU}&cluster=${EU}&check=dns-resolve`,
        )
        .set('Authorization', auth);
    let res = await drawer();
    for (let i = 0; i < 50 && res.status !== 200; i++) {
      await new Promise(resolve => setTimeout(resolve, 100));
      res = await drawer();
    }
    expect(res.status).toBe(200);
    expect(res.body.runs).toEqual([
      expect.objectContaining({
        outcome: 'pass',
        trigger: 'manual',
        source: 'test-canary-runner',
      }),
    ]);
    const status = await request(server)
      .get(`/api/platform/canary/status?entityRef=resource:default/${EU}`)
      .set('Authorization', auth);
    expect(status.status).toBe(200);
    expect(status.body.matrix[0].cells[1]).toMatchObject({
      capability: 'dns',
      checks: [
        expect.objectContaining({ check: 'dns-resolve', state: 'unknown' }),
      ],
    });
  });
});
