import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EventsService, eventsServiceRef } from '@backstage/plugin-events-node';
import { platformEventSourcesExtensionPoint } from '@goldenpath/plugin-platform-node';
import request from 'supertest';
import { catalogEntities, deploymentEvent } from './__testUtils__/events';
import { platformPlugin } from './plugin';

jest.setTimeout(60_000);

describe('platform backend wiring', () => {
  let events: EventsService | undefined;

  async function start() {
    const captureEvents = createBackendModule({
      pluginId: 'platform',
      moduleId: 'test-capture-events',
      register(env) {
        env.registerInit({
          deps: { eventsService: eventsServiceRef },
          async init({ eventsService }) {
            events = eventsService;
          },
        });
      },
    });
    const topicSource = createBackendModule({
      pluginId: 'platform',
      moduleId: 'test-source',
      register(env) {
        env.registerInit({
          deps: { sources: platformEventSourcesExtensionPoint },
          async init({ sources }) {
            sources.addEventSource({
              id: 'test-ci',
              topics: ['test-ci'],
              async toEvents({ payload }) {
                const { run } = payload as { run: string };
                return [deploymentEvent({ id: run, source: 'test-ci' })];
              },
            });
          },
        });
      },
    });
    const { server } = await startTestBackend({
      features: [
        platformPlugin,
        captureEvents,
        topicSource,
        catalogServiceMock.factory({ entities: catalogEntities }),
        // Requests without a token get no credentials (the default mock would
        // treat them as a signed-in user).
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.rootConfig.factory({
          data: {
            events: { useEventBus: 'never' },
            platform: { intake: { maxBatchSize: 5 } },
          },
        }),
      ],
    });
    return server;
  }

  async function listEvents(server: any) {
    const res = await request(server)
      .get('/api/platform/events')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    return res.body.items as Array<{
      id: string;
      source: string;
      entityRef: string;
    }>;
  }

  it('takes events over HTTP with config applied, and serves them back linked', async () => {
    const server = await start();
    const tooMany = await request(server)
      .post('/api/platform/events')
      .set('Authorization', mockCredentials.user.header())
      .send({
        events: Array.from({ length: 6 }, (_, i) =>
          deploymentEvent({ id: `x${i}` }),
        ),
      });
    expect(tooMany.status).toBe(413);

    const res = await request(server)
      .post('/api/platform/events')
      .set('Authorization', mockCredentials.user.header())
      .send({ events: [deploymentEvent()] });
    expect(res.status).toBe(200);
    expect(await listEvents(server)).toEqual([
      expect.objectContaining({
        id: 'deploy-1',
        entityRef: 'component:default/payments-api',
      }),
    ]);
  });

  it('rejects unauthenticated requests', async () => {
    const server = await start();
    const res = await request(server).get('/api/platform/events');
    expect(res.status).toBe(401);
  });

  it('takes canonical events and source payloads from the events service', async () => {
    const server = await start();
    await events!.publish({
      topic: 'goldenpath.events',
      eventPayload: { events: [deploymentEvent({ id: 'from-topic' })] },
    });
    await events!.publish({ topic: 'test-ci', eventPayload: { run: 'run-7' } });
    // An invalid payload on the topic is logged and skipped, not fatal.
    await events!.publish({
      topic: 'goldenpath.events',
      eventPayload: 'garbage',
    });
    const ids = (await listEvents(server))
      .map(e => `${e.source}/${e.id}`)
      .sort();
    expect(ids).toEqual(['test-ci/run-7', 'test-deployer/from-topic']);
  });
});
