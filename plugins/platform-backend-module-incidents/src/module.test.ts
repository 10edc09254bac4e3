import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import platformPlugin from '@goldenpath/plugin-platform-backend';
import request from 'supertest';
import { fixture } from './__testUtils__/fixture';
import platformModuleIncidents from './index';
import { hmacSha256Hex } from '@goldenpath/plugin-platform-node';

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

async function start(incidents: object) {
  const { server } = await startTestBackend({
    features: [
      platformPlugin,
      platformModuleIncidents,
      catalogServiceMock.factory({ entities }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.rootConfig.factory({
        data: { events: { useEventBus: 'never' }, platform: { incidents } },
      }),
    ],
  });
  const post = (source: string, body: string, headers: object = {}) =>
    request(server)
      .post(`/api/platform/webhooks/${source}`)
      .set('Content-Type', 'application/json')
      .set(headers as Record<string, string>)
      .send(body);
  const stored = async () => {
    const res = await request(server)
      .get('/api/platform/events')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    return res.body.items;
  };
  return { post, stored };
}

const config = {
  webhookSecret: 's3cret',
  pagerduty: {
    webhookSecret: 'pd-s3cret',
    services: { PF9KMXH: 'component:default/payments-api' },
  },
};

describe('platform incidents module', () => {
  it('stores signed generic and PagerDuty incidents, linked, once', async () => {
    const { post, stored } = await start(config);

    const generic = JSON.stringify(fixture('incident.opened'));
    const genericHeaders = {
      'X-Signature-256': `sha256=${hmacSha256Hex('s3cret', generic)}`,
    };
    expect((await post('incidents', generic, genericHeaders)).status).toBe(200);
    expect(
      (await post('incidents', generic, genericHeaders)).body,
    ).toMatchObject({ duplicates: 1 });

    const pd = JSON.stringify(fixture('pagerduty.incident.triggered'));
    const res = await post('pagerduty', pd, {
      'X-PagerDuty-Signature': `v1=${hmacSha256Hex(
        'old',
        pd,
      )},v1=${hmacSha256Hex('pd-s3cret', pd)}`,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 1 });

    const items = await stored();
    expect(items.map((e: any) => [e.source, e.id, e.entityRef]).sort()).toEqual(
      [
        ['incidents', 'INC-2041/opened', 'component:default/payments-api'],
        [
          'pagerduty',
          'Q2KPZ7X1ABCDEF/opened',
          'component:default/payments-api',
        ],
      ],
    );
  });

  it.each([
    ['incidents', {}],
    ['incidents', { 'X-Signature-256': 'sha256=00' }],
    ['pagerduty', {}],
    ['pagerduty', { 'X-PagerDuty-Signature': `v1=${'0'.repeat(64)}` }],
  ])(
    'answers 401 to an unsigned or wrongly signed %s delivery',
    async (source, headers) => {
      const { post, stored } = await start(config);
      const body = JSON.stringify(fixture('incident.opened'));
      expect((await post(source, body, headers)).status).toBe(401);
      expect(await stored()).toEqual([]);
    },
  );

  it('answers 400 naming the field for a signed body it cannot map', async () => {
    const { post } = await start(config);
    const payload = fixture('incident.opened');
    delete payload.incident.severity;
    const body = JSON.stringify(payload);
    const res = await post('incidents', body, {
      'X-Signature-256': `sha256=${hmacSha256Hex('s3cret', body)}`,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/incident\.severity/);
  });

  it.each([
    ['incidents', 64 * 1024, 'X-Signature-256', 'sha256=', 's3cret'],
    ['pagerduty', 512 * 1024, 'X-PagerDuty-Signature', 'v1=', 'pd-s3cret'],
  ])(
    'limits %s bodies to %d bytes, before the signature check',
    async (source, limit, header, prefix, secret) => {
      const { post, stored } = await start(config);
      // Valid JSON, correctly signed, one byte over the source's limit.
      const body = JSON.stringify({ pad: 'x'.repeat(limit - 9) });
      expect(body.length).toBe(limit + 1);
      const signed = {
        [header]: `${prefix}${hmacSha256Hex(secret, body)}`,
      };
      const res = await post(source, body, signed);
      expect(res.status).toBe(413);
      expect(res.body.error.message).toBe(
        `request body is ${
          limit + 1
        } bytes; the limit is ${limit} bytes (maxBodySize of event source "${source}")`,
      );
      const unsigned = await post(source, body);
      expect(unsigned.status).toBe(413);
      expect(await stored()).toEqual([]);
    },
  );

  it.each(['incidents', 'pagerduty'])(
    'answers 415 to a %s delivery that is not application/json',
    async source => {
      const { post } = await start(config);
      const body = JSON.stringify(fixture('incident.opened'));
      const res = await post(source, body, { 'Content-Type': 'text/plain' });
      expect(res.status).toBe(415);
    },
  );

  it('installs no source whose secret is absent', async () => {
    const { post } = await start({});
    const body = JSON.stringify(fixture('incident.opened'));
    expect((await post('incidents', body)).status).toBe(404);
    expect((await post('pagerduty', body)).status).toBe(404);
  });
});
