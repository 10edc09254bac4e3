import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EventsService, eventsServiceRef } from '@backstage/plugin-events-node';
import platformPlugin from '@goldenpath/plugin-platform-backend';
import request from 'supertest';
import { fakeFetch, fixture } from './__testUtils__/fakeFetch';
import platformModuleGithub from './index';
import { signGithubPayload } from './signature';
import { createGithubEventSource } from './GithubEventSource';

jest.setTimeout(60_000);

const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments-api',
      namespace: 'default',
      annotations: { 'github.com/project-slug': 'acme/payments-api' },
    },
    spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
  },
];

describe('platform github module', () => {
  let events: EventsService | undefined;
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

  // The module's GitHub API client uses the global fetch; only GitHub is faked.
  let github: ReturnType<typeof fakeFetch>;
  beforeEach(() => {
    github = fakeFetch({
      '/repos/acme/payments-api/pulls/42/commits': {
        body: fixture('api.pulls.commits'),
      },
    });
    const realFetch = globalThis.fetch;
    jest
      .spyOn(globalThis, 'fetch')
      .mockImplementation((input, init) =>
        String(input).startsWith('https://api.github.com/')
          ? github.fetch(input, init)
          : realFetch(input, init),
      );
  });
  afterEach(() => jest.restoreAllMocks());

  async function start(settings: object) {
    const { server } = await startTestBackend({
      features: [
        platformPlugin,
        platformModuleGithub,
        captureEvents,
        catalogServiceMock.factory({ entities }),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.rootConfig.factory({
          data: {
            events: { useEventBus: 'never' },
            platform: { github: settings },
          },
        }),
      ],
    });
    const deliver = (body: string, signature?: string) => {
      const req = request(server)
        .post('/api/platform/webhooks/github')
        .set('Content-Type', 'application/json')
        .set('X-GitHub-Event', 'pull_request')
        .set('X-GitHub-Delivery', '72d3162e-cc78-11e3-81ab-4c9367dc0958');
      if (signature) req.set('X-Hub-Signature-256', signature);
      return req.send(body);
    };
    const stored = async () => {
      const res = await request(server)
        .get('/api/platform/events')
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      return res.body.items;
    };
    return { deliver, stored, server };
  }

  const body = JSON.stringify(fixture('pull_request.closed.merged'));

  it('stores a signed pull_request delivery as a linked change with its commits, once', async () => {
    const { deliver, stored } = await start({ webhookSecret: 's3cret' });

    const res = await deliver(body, signGithubPayload('s3cret', body));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 1 });
    const again = await deliver(body, signGithubPayload('s3cret', body));
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 1 });

    const items = await stored();
    expect(items).toEqual([
      expect.objectContaining({
        id: 'acme/payments-api#42',
        source: 'github',
        type: 'change.merged',
        entityRef: 'component:default/payments-api',
      }),
    ]);
    expect(items[0].data.commits).toHaveLength(3);
  });

  it.each([
    ['unsigned', undefined],
    ['signed with another secret', signGithubPayload('guess', body)],
  ])(
    'answers 401 to a delivery %s and stores nothing',
    async (_, signature) => {
      const { deliver, stored } = await start({ webhookSecret: 's3cret' });
      expect((await deliver(body, signature)).status).toBe(401);
      expect(await stored()).toEqual([]);
    },
  );

  it('refuses a form-encoded delivery with 415, even correctly signed', async () => {
    const { server, stored } = await start({ webhookSecret: 's3cret' });
    const form = `payload=${encodeURIComponent(body)}`;
    const res = await request(server)
      .post('/api/platform/webhooks/github')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .set('X-GitHub-Event', 'pull_request')
      .set('X-Hub-Signature-256', signGithubPayload('s3cret', form))
      .send(form);
    expect(res.status).toBe(415);
    expect(res.body.error.message).toMatch(/must be application\/json/);
    expect(await stored()).toEqual([]);
  });

  it("declares GitHub's 25 MB payload cap as its body limit", () => {
    expect(
      createGithubEventSource({
        settings: { webhookSecret: 's', topics: [] } as any,
      }),
    ).toMatchObject({
      maxBodySize: '25mb',
      contentTypes: ['application/json'],
    });
  });

  it('has no webhook without a secret, but reads the github topic', async () => {
    const { deliver, stored } = await start({ fetchCommits: false });
    expect((await deliver(body, signGithubPayload('', body))).status).toBe(404);

    await events!.publish({
      topic: 'github',
      eventPayload: fixture('pull_request.closed.merged'),
      metadata: { 'x-github-event': 'pull_request' },
    });
    const items = await stored();
    expect(items).toEqual([
      expect.objectContaining({ id: 'acme/payments-api#42', source: 'github' }),
    ]);
    // fetchCommits: false sends the change without asking GitHub.
    expect(items[0].data.commits).toEqual([]);
    expect(github.calls).toHaveLength(0);
  });
});
