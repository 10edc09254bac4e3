/*
 * The platform plugin behind Backstage's real auth, httpAuth, httpRouter,
 * permissions and user-info services, with the example backend's permission
 * policy: what a malformed credential, a guest, an admin and the CI ingest
 * token (a static external-access token) get.
 */
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { httpRouterServiceFactory } from '@backstage/backend-defaults/httpRouter';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { userInfoServiceFactory } from '@backstage/backend-defaults/userInfo';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import platformPlugin from '@goldenpath/plugin-platform-backend';
import authPlugin from '@backstage/plugin-auth-backend';
import guestProvider from '@backstage/plugin-auth-backend-module-guest-provider';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { AddressInfo } from 'node:net';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
  catalogLocationCreatePermission,
  catalogLocationReadPermission,
} from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  platformCanaryRunPermission,
  platformEventCreatePermission,
  platformEventReadPermission,
  platformEventReadUnlinkedPermission,
} from '@goldenpath/plugin-platform-common';
import {
  ADMIN_GROUP,
  GoldenPathPermissionPolicy,
  goldenPathPermissionPolicyModule,
} from './permissionPolicy';

jest.setTimeout(120_000);

const INGEST_TOKEN = 'test-ingest-token-0123456789';

const payments = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    namespace: 'default',
    annotations: { 'github.com/project-slug': 'acme/payments-api' },
  },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
};

function deployment(id: string, repository = 'acme/payments-api') {
  return {
    id,
    source: 'ci',
    type: 'deployment.finished',
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    subject: { kind: 'repository', name: repository },
    data: {
      deploymentId: id,
      environment: 'production',
      sha: 'a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0',
      status: 'success',
      startedAt: new Date(Date.now() - 120_000).toISOString(),
      finishedAt: new Date(Date.now() - 60_000).toISOString(),
      changeShas: [],
    },
  };
}

/** A backend as packages/backend runs it, on its real auth stack. */
async function startPortal(guest: { ownershipEntityRefs?: string[] } = {}) {
  const { server } = await startTestBackend({
    features: [
      authPlugin,
      guestProvider,
      permissionPlugin,
      goldenPathPermissionPolicyModule,
      platformPlugin,
      authServiceFactory,
      httpAuthServiceFactory,
      httpRouterServiceFactory,
      permissionsServiceFactory,
      userInfoServiceFactory,
      catalogServiceMock.factory({ entities: [payments] }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          backend: {
            auth: {
              externalAccess: [
                {
                  type: 'static',
                  options: {
                    token: INGEST_TOKEN,
                    subject: 'ci-event-producer',
                  },
                  accessRestrictions: [
                    { plugin: 'platform', permission: 'platform.event.create' },
                  ],
                },
              ],
            },
          },
          auth: {
            environment: 'development',
            providers: {
              guest: { dangerouslyAllowOutsideDevelopment: true, ...guest },
            },
          },
          permission: { enabled: true },
          events: { useEventBus: 'never' },
          platform: { demo: { enabled: false } },
        },
      }),
    ],
  });
  const baseUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
  const call = (
    path: string,
    init: { method?: string; token?: string; body?: unknown } = {},
  ) =>
    fetch(`${baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.token !== undefined && {
          Authorization: `Bearer ${init.token}`,
        }),
        ...(init.body !== undefined && { 'Content-Type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  const signIn = async () => {
    const res = await fetch(
      `${baseUrl}/api/auth/guest/refresh?env=development`,
      { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    return body.backstageIdentity.token as string;
  };
  return { call, signIn };
}

const b64 = (value: string) => Buffer.from(value).toString('base64url');
const pluginHeader = b64(
  JSON.stringify({ alg: 'ES256', typ: 'vnd.backstage.plugin' }),
);
const userHeader = b64(
  JSON.stringify({ alg: 'ES256', typ: 'vnd.backstage.user' }),
);

const malformed: Array<[string, string]> = [
  [
    'the plugin-typed token with an undecodable payload (issue 7)',
    'eyJhbGciOiJFUzI1NiIsInR5cCI6InZuZC5iYWNrc3RhZ2UucGx1Z2luIn0.!!!.x',
  ],
  [
    'a plugin-typed token whose payload is not JSON',
    `${pluginHeader}.${b64('not json')}.x`,
  ],
  [
    'a plugin-typed token whose payload is a JSON string',
    `${pluginHeader}.${b64('"x"')}.x`,
  ],
  ['a plugin-typed token without a subject', `${pluginHeader}.${b64('{}')}.x`],
  [
    'a plugin-typed token with a forbidden subject',
    `${pluginHeader}.${b64('{"sub":"../x"}')}.x`,
  ],
  ['a user-typed token with an undecodable payload', `${userHeader}.!!!.x`],
  ['a header that is not base64', '!!!.e30.x'],
  [
    'a token of the wrong type',
    `${b64('{"alg":"ES256","typ":"nope"}')}.${b64('{"sub":"x"}')}.x`,
  ],
  ['a token of one part', 'abc'],
  ['a very long token', `${pluginHeader}.${'A'.repeat(8_000)}.x`],
];

const routes: Array<[string, string]> = [
  ['GET', '/api/platform/health'],
  ['GET', '/api/platform/events'],
  ['POST', '/api/platform/events'],
  ['GET', '/api/platform/activity?entityRef=payments-api'],
  ['GET', '/api/platform/dora/metrics?entityRef=payments-api'],
  ['GET', '/api/platform/canary/status?entityRef=payments-api'],
  ['POST', '/api/platform/canary/clusters/prod/checks/dns/run'],
];

describe('the platform plugin on the real auth stack', () => {
  let portal: Awaited<ReturnType<typeof startPortal>>;
  beforeAll(async () => {
    portal = await startPortal();
  });

  it.each(malformed)('answers 401 on every route to %s', async (_, token) => {
    for (const [method, path] of routes) {
      const res = await portal.call(path, {
        method,
        token,
        ...(method === 'POST' && { body: { events: [deployment('x')] } }),
      });
      const body = await res.json();
      expect({ method, path, status: res.status }).toEqual({
        method,
        path,
        status: 401,
      });
      expect(body.error.name).toBe('AuthenticationError');
      expect(body.error.stack).toBeUndefined();
    }
  });

  it('answers 401 to an empty bearer and to no credential', async () => {
    for (const [method, path] of routes) {
      expect((await portal.call(path, { method, token: '' })).status).toBe(401);
      expect((await portal.call(path, { method })).status).toBe(401);
    }
  });

  it('leaves the webhooks unauthenticated: an unknown source is a 404 with or without a token', async () => {
    const [, token] = malformed[0];
    for (const t of [undefined, token]) {
      const res = await portal.call('/api/platform/webhooks/nope', {
        method: 'POST',
        token: t,
        body: {},
      });
      expect(res.status).toBe(404);
    }
  });

  it('lets the ingest token post events and nothing else', async () => {
    const posted = await portal.call('/api/platform/events', {
      method: 'POST',
      token: INGEST_TOKEN,
      body: { events: [deployment('ingest-1')] },
    });
    expect(posted.status).toBe(200);
    expect(await posted.json()).toMatchObject({ accepted: 1 });
    const read = await portal.call('/api/platform/events', {
      token: INGEST_TOKEN,
    });
    expect(read.status).toBe(403);
  });

  it('lets a guest read linked events and DORA, but not post or read unlinked events', async () => {
    const guest = await portal.signIn();
    await portal.call('/api/platform/events', {
      method: 'POST',
      token: INGEST_TOKEN,
      body: {
        events: [
          deployment('guest-linked'),
          deployment('guest-unlinked', 'acme/unknown'),
        ],
      },
    });

    const list = await portal.call('/api/platform/events?limit=1000', {
      token: guest,
    });
    expect(list.status).toBe(200);
    const ids = (await list.json()).items.map((e: any) => e.id);
    expect(ids).toContain('guest-linked');
    expect(ids).not.toContain('guest-unlinked');

    const byEntity = await portal.call(
      '/api/platform/events?entityRef=payments-api',
      { token: guest },
    );
    expect(byEntity.status).toBe(200);
    const dora = await portal.call(
      '/api/platform/dora/metrics?entityRef=payments-api',
      { token: guest },
    );
    expect(dora.status).toBe(200);
    const canary = await portal.call(
      '/api/platform/canary/status?entityRef=payments-api',
      { token: guest },
    );
    expect(canary.status).toBe(200);

    const unlinked = await portal.call('/api/platform/events?unlinked=true', {
      token: guest,
    });
    expect(unlinked.status).toBe(403);
    const post = await portal.call('/api/platform/events', {
      method: 'POST',
      token: guest,
      body: { events: [deployment('by-guest')] },
    });
    expect(post.status).toBe(403);
    expect((await post.json()).error.message).toBe(
      'not allowed: platform.event.create',
    );
  });
});

describe('an admin (a member of group:default/platform-admins)', () => {
  it('may post events and read unlinked ones', async () => {
    const portal = await startPortal({
      ownershipEntityRefs: ['user:development/guest', ADMIN_GROUP],
    });
    const admin = await portal.signIn();
    const posted = await portal.call('/api/platform/events', {
      method: 'POST',
      token: admin,
      body: { events: [deployment('by-admin', 'acme/unknown')] },
    });
    expect(posted.status).toBe(200);
    const unlinked = await portal.call('/api/platform/events?unlinked=true', {
      token: admin,
    });
    expect(unlinked.status).toBe(200);
    expect((await unlinked.json()).items.map((e: any) => e.id)).toEqual([
      'by-admin',
    ]);
  });

  it('may run a canary check now, which a guest may not (no runner here: 501)', async () => {
    const asAdmin = await startPortal({
      ownershipEntityRefs: ['user:development/guest', ADMIN_GROUP],
    });
    const run = (portal: typeof asAdmin, token: string) =>
      portal.call('/api/platform/canary/clusters/prod/checks/dns/run', {
        method: 'POST',
        token,
      });
    expect((await run(asAdmin, await asAdmin.signIn())).status).toBe(501);
    const asGuest = await startPortal();
    expect((await run(asGuest, await asGuest.signIn())).status).toBe(403);
  });
});

describe('GoldenPathPermissionPolicy', () => {
  const policy = new GoldenPathPermissionPolicy();
  const user = (ownershipEntityRefs: string[]) =>
    ({
      info: { userEntityRef: 'user:development/guest', ownershipEntityRefs },
    } as any);
  const guest = user(['user:development/guest']);
  const admin = user([
    'user:development/guest',
    'Group:default/Platform-Admins',
  ]);

  it.each([
    [catalogEntityReadPermission, 'ALLOW', 'ALLOW'],
    [catalogLocationReadPermission, 'ALLOW', 'ALLOW'],
    [catalogEntityDeletePermission, 'DENY', 'ALLOW'],
    [catalogEntityRefreshPermission, 'DENY', 'ALLOW'],
    [catalogLocationCreatePermission, 'DENY', 'ALLOW'],
    [platformEventReadPermission, 'ALLOW', 'ALLOW'],
    [platformEventCreatePermission, 'DENY', 'ALLOW'],
    [platformEventReadUnlinkedPermission, 'DENY', 'ALLOW'],
    [platformCanaryRunPermission, 'DENY', 'ALLOW'],
  ])('%s: guest %s, admin %s', async (permission, forGuest, forAdmin) => {
    expect((await policy.handle({ permission }, guest)).result).toBe(
      AuthorizeResult[forGuest as 'ALLOW' | 'DENY'],
    );
    expect((await policy.handle({ permission }, admin)).result).toBe(
      AuthorizeResult[forAdmin as 'ALLOW' | 'DENY'],
    );
    expect((await policy.handle({ permission })).result).toBe(
      AuthorizeResult[forGuest as 'ALLOW' | 'DENY'],
    );
  });
});
