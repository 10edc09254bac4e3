import { InMemoryIntake } from '@goldenpath/plugin-platform-node/testUtils';
import allocationFixture from '../__fixtures__/opencost/allocation-compute.json';
import assets10 from '../__fixtures__/opencost/assets-10h.json';
import assets11 from '../__fixtures__/opencost/assets-11h.json';
import {
  FakeAnswer,
  fakeSourcesPerTest,
} from '../__testUtils__/startFakeSource';
import {
  GIB,
  MIB,
  N1,
  N2,
  cluster,
  pollOnce,
  priceBook,
  settingsFor,
  storedEvents,
} from '../__testUtils__/harness';
import { createOpenCostReader } from './readOpenCost';

/** OpenCost as the fixtures record it: allocations, and assets per hour. */
function openCost(path: string, query: URLSearchParams): FakeAnswer {
  if (path === '/allocation/compute') return { json: allocationFixture };
  if (path === '/assets') {
    const start = query.get('window')?.split(',')[0];
    if (start === '2026-11-02T10:00:00Z') return { json: assets10 };
    if (start === '2026-11-02T11:00:00Z') return { json: assets11 };
  }
  return { status: 404, text: '404 page not found' };
}

const reader = (prices = priceBook({})) =>
  createOpenCostReader({ timeoutMs: 2_000, prices });

const checkoutSubject = {
  kind: 'kubernetes-id',
  name: 'checkout-service',
  cluster: 'prod-eu',
  namespace: 'payments',
  labels: {
    app: 'checkout',
    'app.kubernetes.io/name': 'checkout',
    'backstage.io/kubernetes-id': 'checkout-service',
    'pod-template-hash': '7d9f8b6c5d',
    team: 'payments',
  },
};
const ledgerSubject = {
  kind: 'kubernetes-id',
  name: 'ledger',
  cluster: 'prod-eu',
  namespace: 'payments',
  labels: {
    'app.kubernetes.io/name': 'ledger',
    controller_revision_hash: 'ledger-5b8c7d9f4',
    statefulset_kubernetes_io_pod_name: 'ledger-0',
  },
};

function usage(
  id: string,
  subject: object,
  data: Record<string, unknown>,
): object {
  const hourStart = data.hourStart as string;
  return {
    id,
    source: 'opencost/prod-eu',
    type: 'pod.usage',
    occurredAt: new Date(Date.parse(hourStart) + 3_600_000).toISOString(),
    subject,
    data: { cluster: 'prod-eu', ...data },
  };
}

describe('OpenCost poller', () => {
  const serve = fakeSourcesPerTest();

  it('turns the allocations of whole hours into one pod.usage per container-hour', async () => {
    const server = await serve(openCost);
    const { intake, reports } = await pollOnce({
      sourceName: 'opencost',
      settings: settingsFor([
        cluster('prod-eu', server.baseUrl, {
          headers: { Authorization: 'Bearer s3cret' },
        }),
      ]),
      read: reader(),
    });

    const allocationRequests = server.requests.filter(
      r => r.path === '/allocation/compute',
    );
    expect(allocationRequests).toHaveLength(1);
    expect(Object.fromEntries(allocationRequests[0].query)).toEqual({
      window: '2026-11-02T10:00:00Z,2026-11-02T12:00:00Z',
      step: '1h',
      accumulate: 'false',
    });
    expect(
      server.requests.every(r => r.headers.authorization === 'Bearer s3cret'),
    ).toBe(true);

    expect(storedEvents(intake, 'pod.usage')).toEqual([
      usage(
        'prod-eu/payments/checkout-7d9f8b6c5d-x2k4p/app/2026-11-02T10',
        checkoutSubject,
        {
          namespace: 'payments',
          pod: 'checkout-7d9f8b6c5d-x2k4p',
          podUid: 'checkout-7d9f8b6c5d-x2k4p',
          container: 'app',
          node: N1,
          controller: 'checkout',
          controllerKind: 'Deployment',
          hourStart: '2026-11-02T10:00:00.000Z',
          cpuRequestCores: 0.5,
          cpuUsageCores: 0.21384,
          memoryRequestBytes: 512 * MIB,
          memoryUsageBytes: 301989889, // 301989888.5, rounded
        },
      ),
      usage(
        'prod-eu/payments/checkout-7d9f8b6c5d-x2k4p/app/2026-11-02T11',
        checkoutSubject,
        {
          namespace: 'payments',
          pod: 'checkout-7d9f8b6c5d-x2k4p',
          podUid: 'checkout-7d9f8b6c5d-x2k4p',
          container: 'app',
          node: N1,
          controller: 'checkout',
          controllerKind: 'Deployment',
          hourStart: '2026-11-02T11:00:00.000Z',
          cpuRequestCores: 0.5,
          cpuUsageCores: 0.62,
          memoryRequestBytes: 512 * MIB,
          memoryUsageBytes: 420 * MIB,
        },
      ),
      usage(
        'prod-eu/payments/checkout-7d9f8b6c5d-x2k4p/istio-proxy/2026-11-02T10',
        checkoutSubject,
        {
          namespace: 'payments',
          pod: 'checkout-7d9f8b6c5d-x2k4p',
          podUid: 'checkout-7d9f8b6c5d-x2k4p',
          container: 'istio-proxy',
          node: N1,
          controller: 'checkout',
          controllerKind: 'Deployment',
          hourStart: '2026-11-02T10:00:00.000Z',
          cpuRequestCores: 0.1,
          cpuUsageCores: 0.01247,
          memoryRequestBytes: 128 * MIB,
          memoryUsageBytes: 61194240,
        },
      ),
      usage(
        'prod-eu/payments/checkout-7d9f8b6c5d-x2k4p/istio-proxy/2026-11-02T11',
        checkoutSubject,
        {
          namespace: 'payments',
          pod: 'checkout-7d9f8b6c5d-x2k4p',
          podUid: 'checkout-7d9f8b6c5d-x2k4p',
          container: 'istio-proxy',
          node: N1,
          controller: 'checkout',
          controllerKind: 'Deployment',
          hourStart: '2026-11-02T11:00:00.000Z',
          cpuRequestCores: 0.1,
          cpuUsageCores: 0.01247,
          memoryRequestBytes: 128 * MIB,
          memoryUsageBytes: 61194240,
        },
      ),
      // ran 10:30–11:00: averages over its 30 minutes, halved for the hour
      usage('prod-eu/payments/ledger-0/ledger/2026-11-02T10', ledgerSubject, {
        namespace: 'payments',
        pod: 'ledger-0',
        podUid: 'ledger-0',
        container: 'ledger',
        node: N2,
        controller: 'ledger',
        controllerKind: 'StatefulSet',
        hourStart: '2026-11-02T10:00:00.000Z',
        cpuRequestCores: 0.5,
        cpuUsageCores: 0.2,
        memoryRequestBytes: 1 * GIB,
        memoryUsageBytes: 0.75 * GIB,
      }),
      // memory usage null (OpenCost's NaN): counted 0
      usage('prod-eu/payments/ledger-0/ledger/2026-11-02T11', ledgerSubject, {
        namespace: 'payments',
        pod: 'ledger-0',
        podUid: 'ledger-0',
        container: 'ledger',
        node: N2,
        controller: 'ledger',
        controllerKind: 'StatefulSet',
        hourStart: '2026-11-02T11:00:00.000Z',
        cpuRequestCores: 1,
        cpuUsageCores: 0.4,
        memoryRequestBytes: 2 * GIB,
        memoryUsageBytes: 0,
      }),
      // a CronJob's Job, 10:05–10:25: a third of the hour; no naming label
      usage(
        'prod-eu/reporting/report-29369880-7xq2m/report/2026-11-02T10',
        {
          kind: 'namespace',
          name: 'reporting',
          cluster: 'prod-eu',
          namespace: 'reporting',
          labels: {
            batch_kubernetes_io_job_name: 'report-29369880',
            controller_uid: '6f1c2a8e-3b9d-4e0f-a7c5-2d8e9b1f4a63',
            job_name: 'report-29369880',
          },
        },
        {
          namespace: 'reporting',
          pod: 'report-29369880-7xq2m',
          podUid: 'report-29369880-7xq2m',
          container: 'report',
          node: N2,
          controller: 'report',
          controllerKind: 'CronJob',
          hourStart: '2026-11-02T10:00:00.000Z',
          cpuRequestCores: 0.083333,
          cpuUsageCores: 0.3,
          memoryRequestBytes: 89478485, // 256 MiB ÷ 3
          memoryUsageBytes: 69905067, // 200 MiB ÷ 3
        },
      ),
    ]);
    expect(reports).toEqual([
      expect.objectContaining({
        cluster: 'prod-eu',
        source: 'opencost/prod-eu',
        window: { from: '2026-11-02T10:00:00Z', to: '2026-11-02T12:00:00Z' },
        skipped: { 'idle or unallocated entries': 1 },
        errors: [],
      }),
    ]);
  });

  it('prices each node-hour from its assets: cost ÷ (size × hours run), net of the discount', async () => {
    const server = await serve(openCost);
    const { intake } = await pollOnce({
      sourceName: 'opencost',
      settings: settingsFor([cluster('prod-eu', server.baseUrl)]),
      read: reader(),
    });
    expect(
      server.requests
        .filter(r => r.path === '/assets')
        .map(r => r.query.get('window')),
    ).toEqual([
      '2026-11-02T10:00:00Z,2026-11-02T11:00:00Z',
      '2026-11-02T11:00:00Z,2026-11-02T12:00:00Z',
    ]);
    const node = (
      nodeName: string,
      hour: number,
      data: Record<string, unknown>,
    ) => ({
      id: `prod-eu/${nodeName}/2026-11-02T${hour}`,
      source: 'opencost/prod-eu',
      type: 'node.cost',
      occurredAt: `2026-11-02T${hour + 1}:00:00.000Z`,
      subject: { kind: 'cluster', name: 'prod-eu' },
      data: {
        cluster: 'prod-eu',
        node: nodeName,
        ...data,
        hourStart: `2026-11-02T${hour}:00:00.000Z`,
      },
    });
    expect(storedEvents(intake, 'node.cost')).toEqual([
      // 0.126444 ÷ 4 cores; 0.063555 ÷ 15 GiB
      node(N1, 10, {
        instanceType: 'm5.xlarge',
        capacityType: 'on-demand',
        cpuCores: 4,
        memoryBytes: 15 * GIB,
        cpuCoreHourPrice: 0.031611,
        memoryGibHourPrice: 0.004237,
      }),
      // the same node with a 30 % discount
      node(N1, 11, {
        instanceType: 'm5.xlarge',
        capacityType: 'on-demand',
        cpuCores: 4,
        memoryBytes: 15 * GIB,
        cpuCoreHourPrice: 0.0221277,
        memoryGibHourPrice: 0.0029659,
      }),
      // up 40 minutes of the hour: 0.064 ÷ (8 × 2/3); size counted for 2/3
      node(N2, 10, {
        instanceType: 'm5.2xlarge',
        capacityType: 'spot',
        cpuCores: 5.333333,
        memoryBytes: 20 * GIB,
        cpuCoreHourPrice: 0.012,
        memoryGibHourPrice: 0.0016,
      }),
      node(N2, 11, {
        instanceType: 'm5.2xlarge',
        capacityType: 'spot',
        cpuCores: 8,
        memoryBytes: 30 * GIB,
        cpuCoreHourPrice: 0.012,
        memoryGibHourPrice: 0.0016,
      }),
    ]);
  });

  it('uses a price from platform.cost.prices instead of OpenCost’s for the instance types it names', async () => {
    const server = await serve(openCost);
    const { intake } = await pollOnce({
      sourceName: 'opencost',
      settings: settingsFor([cluster('prod-eu', server.baseUrl)]),
      read: reader(
        priceBook({
          configured: {
            'm5.xlarge': { cpuCoreHourPrice: 0.04, memoryGibHourPrice: 0.005 },
          },
        }),
      ),
    });
    const prices = storedEvents(intake, 'node.cost').map(e =>
      e.type === 'node.cost'
        ? [e.data.node, e.data.cpuCoreHourPrice, e.data.memoryGibHourPrice]
        : [],
    );
    expect(prices).toEqual([
      [N1, 0.04, 0.005],
      [N1, 0.04, 0.005],
      [N2, 0.012, 0.0016],
      [N2, 0.012, 0.0016],
    ]);
  });

  it('sends the same ids when it polls the same hours again: all duplicates, nothing new', async () => {
    const server = await serve(openCost);
    const settings = settingsFor([cluster('prod-eu', server.baseUrl)]);
    const intake = new InMemoryIntake(1000);
    const first = await pollOnce({
      sourceName: 'opencost',
      settings,
      read: reader(),
      intake,
    });
    const stored = intake.events.size;
    expect(first.reports[0].summary).toEqual({
      sent: 11,
      accepted: 11,
      duplicates: 0,
      conflicts: 0,
      rejected: 0,
    });

    // a later run in the same hour reads the same two hours again
    const second = await pollOnce({
      sourceName: 'opencost',
      settings,
      read: reader(),
      intake,
      now: new Date('2026-11-02T12:45:00Z'),
    });
    expect(second.reports[0].window).toEqual({
      from: '2026-11-02T10:00:00Z',
      to: '2026-11-02T12:00:00Z',
    });
    expect(second.reports[0].summary).toEqual({
      sent: 11,
      accepted: 0,
      duplicates: 11,
      conflicts: 0,
      rejected: 0,
    });
    expect(intake.events.size).toBe(stored);
  });

  it('sends in batches no larger than the intake takes', async () => {
    const server = await serve(openCost);
    const intake = new InMemoryIntake(4);
    const { reports } = await pollOnce({
      sourceName: 'opencost',
      settings: settingsFor([cluster('prod-eu', server.baseUrl)]),
      read: reader(),
      intake,
    });
    expect(intake.batchSizes).toEqual([4, 4, 3]);
    expect(reports[0].summary.accepted).toBe(11);
  });

  it('polls the other clusters when one answers 500, and reports the failure with its body', async () => {
    const broken = await serve(() => ({
      status: 500,
      text: 'Error computing allocation for 2026-11-02T10:00:00Z to 2026-11-02T11:00:00Z: Prometheus query error\n',
    }));
    const healthy = await serve(openCost);
    const { intake, reports, logger } = await pollOnce({
      sourceName: 'opencost',
      settings: settingsFor([
        cluster('prod-us', broken.baseUrl),
        cluster('prod-eu', healthy.baseUrl),
      ]),
      read: reader(),
    });
    expect(reports.map(r => [r.cluster, r.errors])).toEqual([
      [
        'prod-us',
        [
          'OpenCost prod-us /allocation/compute: HTTP 500 Internal Server Error: Error computing allocation for 2026-11-02T10:00:00Z to 2026-11-02T11:00:00Z: Prometheus query error',
        ],
      ],
      ['prod-eu', []],
    ]);
    expect(reports[1].summary.accepted).toBe(11);
    expect(storedEvents(intake, 'pod.usage')).toHaveLength(7);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining(
        'opencost/prod-us 2026-11-02T10:00:00Z – 2026-11-02T12:00:00Z: 0 events sent',
      ),
    );
  });

  it('reports malformed JSON and answers of another shape without sending anything', async () => {
    const truncated = await serve(() => ({
      text: '{"code":200,"status":"success","data":[{"prod/n1/ns/pod/c":{"name":',
      contentType: 'application/json',
    }));
    const notOpenCost = await serve(() => ({ json: { items: [] } }));
    const { intake, reports } = await pollOnce({
      sourceName: 'opencost',
      settings: settingsFor([
        cluster('a', truncated.baseUrl),
        cluster('b', notOpenCost.baseUrl),
      ]),
      read: reader(),
    });
    expect(reports[0].errors).toEqual([
      expect.stringMatching(
        /^OpenCost a \/allocation\/compute: HTTP 200 but the body is not JSON \(.+\): \{"code":200/,
      ),
    ]);
    expect(reports[1].errors).toEqual([
      'OpenCost b /allocation/compute: not an OpenCost answer ({ code, data } expected)',
    ]);
    expect(intake.events.size).toBe(0);
  });

  it('reports an error OpenCost states in its envelope', async () => {
    const server = await serve(() => ({
      json: {
        code: 500,
        status: 'error',
        message: 'Error: failed to query prometheus: context deadline exceeded',
        data: null,
      },
    }));
    const { reports } = await pollOnce({
      sourceName: 'opencost',
      settings: settingsFor([cluster('prod-eu', server.baseUrl)]),
      read: reader(),
    });
    expect(reports[0].errors).toEqual([
      'OpenCost prod-eu /allocation/compute: OpenCost answered code 500: Error: failed to query prometheus: context deadline exceeded',
    ]);
  });

  it('still sends the container-hours when the assets API fails, and reports it', async () => {
    const server = await serve((path, query) =>
      path === '/assets'
        ? { status: 404, text: '404 page not found' }
        : openCost(path, query),
    );
    const { intake, reports } = await pollOnce({
      sourceName: 'opencost',
      settings: settingsFor([cluster('prod-eu', server.baseUrl)]),
      read: reader(),
    });
    expect(storedEvents(intake, 'pod.usage')).toHaveLength(7);
    expect(storedEvents(intake, 'node.cost')).toEqual([]);
    // the chunk's second hour is not asked after the first failed
    expect(server.requests.filter(r => r.path === '/assets')).toHaveLength(1);
    expect(reports[0].errors).toEqual([
      'OpenCost prod-eu /assets: HTTP 404 Not Found: 404 page not found',
    ]);
  });

  it('gives up on a cluster that does not answer within the timeout', async () => {
    const server = await serve(() => ({ hang: true }));
    const { reports } = await pollOnce({
      sourceName: 'opencost',
      settings: settingsFor([cluster('prod-eu', server.baseUrl)]),
      read: createOpenCostReader({ timeoutMs: 200, prices: priceBook({}) }),
    });
    expect(reports[0].errors).toEqual([
      'OpenCost prod-eu /allocation/compute: no complete response within 0.2 s',
    ]);
  });
});
