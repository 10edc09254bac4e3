import { InMemoryIntake } from '@goldenpath/plugin-platform-node/testUtils';
import answers from '../__fixtures__/prometheus/query-range-by-query.json';
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
import { QueryName, buildQueries } from './queries';
import { createPrometheusReader } from './readPrometheus';

/** Which query a request runs, by comparing with the queries the poller builds. */
function queryName(
  query: string | null,
  selector?: string,
): QueryName | undefined {
  const queries = buildQueries(selector);
  return (Object.keys(queries) as QueryName[]).find(n => queries[n] === query);
}

/** Prometheus as the fixture records it, one answer per query. */
function prometheus(path: string, query: URLSearchParams): FakeAnswer {
  const name = queryName(query.get('query'));
  if (path !== '/api/v1/query_range' || !name) {
    return {
      status: 400,
      json: {
        status: 'error',
        errorType: 'bad_data',
        error: 'invalid parameter "query": unknown query',
      },
    };
  }
  return { json: answers[name] };
}

const prices = priceBook({
  configured: {
    'm5.xlarge': { cpuCoreHourPrice: 0.0316, memoryGibHourPrice: 0.0042 },
  },
  fallback: { cpuCoreHourPrice: 0.0125, memoryGibHourPrice: 0.0017 },
});
const reader = () => createPrometheusReader({ timeoutMs: 2_000, prices });

describe('Prometheus poller', () => {
  const serve = fakeSourcesPerTest();

  it('runs each query once per chunk, with one point per hour end', async () => {
    const server = await serve(prometheus);
    await pollOnce({
      sourceName: 'prometheus',
      settings: settingsFor([
        cluster('prod-eu', server.baseUrl, {
          headers: { 'X-Scope-OrgID': 'platform' },
        }),
      ]),
      read: reader(),
    });
    expect(server.requests.map(r => queryName(r.query.get('query')))).toEqual([
      'cpuRequest',
      'memoryRequest',
      'cpuUsage',
      'memoryUsage',
      'podInfo',
      'podLabels',
      'nodeLabels',
      'nodeCapacity',
    ]);
    for (const request of server.requests) {
      expect(request.path).toBe('/api/v1/query_range');
      expect(request.headers['x-scope-orgid']).toBe('platform');
      // 11:00 and 12:00 UTC, the ends of the hours 10:00 and 11:00
      expect(request.query.get('start')).toBe('1793617200');
      expect(request.query.get('end')).toBe('1793620800');
      expect(request.query.get('step')).toBe('3600');
    }
  });

  it('adds a cluster selector to every metric selector', () => {
    const queries = buildQueries('cluster="prod-eu"');
    expect(queries.cpuRequest).toBe(
      'max by (namespace, pod, container) (sum_over_time(kube_pod_container_resource_requests{resource="cpu",cluster="prod-eu"}[59m59s:1m])) / 60',
    );
    expect(queries.cpuUsage).toBe(
      'sum by (namespace, pod, container) (rate(container_cpu_usage_seconds_total{container!="",container!="POD",image!="",cluster="prod-eu"}[1h]))',
    );
    expect(queries.podLabels).toBe(
      'max_over_time(kube_pod_labels{cluster="prod-eu"}[1h])',
    );
    for (const query of Object.values(queries)) {
      expect(query.match(/\{[^}]*cluster="prod-eu"[^}]*\}/g)).toHaveLength(1);
    }
  });

  it('joins the series into one pod.usage per container-hour', async () => {
    const server = await serve(prometheus);
    const { intake, reports } = await pollOnce({
      sourceName: 'prometheus',
      settings: settingsFor([cluster('prod-eu', server.baseUrl)]),
      read: reader(),
    });
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
    const checkout = {
      cluster: 'prod-eu',
      namespace: 'payments',
      pod: 'checkout-7d9f8b6c5d-x2k4p',
      podUid: '0b6f3c52-9d1e-4f7a-8c2b-5e4d3a2f1b0c',
      node: N1,
      controller: 'checkout', // ReplicaSet checkout-7d9f8b6c5d
      controllerKind: 'Deployment',
    };
    const ledger = {
      cluster: 'prod-eu',
      namespace: 'payments',
      pod: 'ledger-0',
      podUid: '7a1e9c3d-2b4f-4e6a-9d8c-1f0e2d3c4b5a',
      container: 'ledger',
      node: N2,
      controller: 'ledger',
      controllerKind: 'StatefulSet',
    };
    const fluentBit = {
      cluster: 'prod-eu',
      namespace: 'kube-system',
      pod: 'fluent-bit-8xk2p',
      podUid: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
      container: 'fluent-bit',
      node: N1,
      controller: 'fluent-bit',
      controllerKind: 'DaemonSet',
    };
    const event = (
      id: string,
      hour: 10 | 11,
      subject: object,
      data: object,
    ) => ({
      id,
      source: 'prometheus/prod-eu',
      type: 'pod.usage',
      occurredAt: `2026-11-02T${hour + 1}:00:00.000Z`,
      subject,
      data: { ...data, hourStart: `2026-11-02T${hour}:00:00.000Z` },
    });
    // kube-state-metrics exposes no labels for this pod: named by its namespace
    const fluentBitSubject = {
      kind: 'namespace',
      name: 'kube-system',
      cluster: 'prod-eu',
      namespace: 'kube-system',
      labels: {},
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

    expect(storedEvents(intake, 'pod.usage')).toEqual([
      event(
        'prod-eu/kube-system/c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f/fluent-bit/2026-11-02T10',
        10,
        fluentBitSubject,
        // no request series: requests 0
        {
          ...fluentBit,
          cpuRequestCores: 0,
          cpuUsageCores: 0.0213,
          memoryRequestBytes: 0,
          memoryUsageBytes: 52428800,
        },
      ),
      event(
        'prod-eu/kube-system/c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f/fluent-bit/2026-11-02T11',
        11,
        fluentBitSubject,
        {
          ...fluentBit,
          cpuRequestCores: 0,
          cpuUsageCores: 0.0198,
          memoryRequestBytes: 0,
          memoryUsageBytes: 52690944,
        },
      ),
      event(
        'prod-eu/payments/0b6f3c52-9d1e-4f7a-8c2b-5e4d3a2f1b0c/app/2026-11-02T10',
        10,
        checkoutSubject,
        {
          ...checkout,
          container: 'app',
          cpuRequestCores: 0.5,
          cpuUsageCores: 0.213841, // 0.21384127936507937, to a millionth
          memoryRequestBytes: 512 * MIB,
          memoryUsageBytes: 301989889,
        },
      ),
      event(
        'prod-eu/payments/0b6f3c52-9d1e-4f7a-8c2b-5e4d3a2f1b0c/app/2026-11-02T11',
        11,
        checkoutSubject,
        {
          ...checkout,
          container: 'app',
          cpuRequestCores: 0.5,
          cpuUsageCores: 0.62,
          memoryRequestBytes: 512 * MIB,
          memoryUsageBytes: 420 * MIB,
        },
      ),
      event(
        'prod-eu/payments/0b6f3c52-9d1e-4f7a-8c2b-5e4d3a2f1b0c/istio-proxy/2026-11-02T10',
        10,
        checkoutSubject,
        {
          ...checkout,
          container: 'istio-proxy',
          cpuRequestCores: 0.1,
          cpuUsageCores: 0.012471,
          memoryRequestBytes: 128 * MIB,
          memoryUsageBytes: 61194240,
        },
      ),
      event(
        'prod-eu/payments/0b6f3c52-9d1e-4f7a-8c2b-5e4d3a2f1b0c/istio-proxy/2026-11-02T11',
        11,
        checkoutSubject,
        {
          ...checkout,
          container: 'istio-proxy',
          cpuRequestCores: 0.1,
          cpuUsageCores: 0.0119,
          memoryRequestBytes: 128 * MIB,
          memoryUsageBytes: 61210624,
        },
      ),
      // from 10:30: Prometheus' hour averages are already halved
      event(
        'prod-eu/payments/7a1e9c3d-2b4f-4e6a-9d8c-1f0e2d3c4b5a/ledger/2026-11-02T10',
        10,
        ledgerSubject,
        {
          ...ledger,
          cpuRequestCores: 0.5,
          cpuUsageCores: 0.2,
          memoryRequestBytes: 1 * GIB,
          memoryUsageBytes: 0.75 * GIB,
        },
      ),
      event(
        'prod-eu/payments/7a1e9c3d-2b4f-4e6a-9d8c-1f0e2d3c4b5a/ledger/2026-11-02T11',
        11,
        ledgerSubject,
        {
          ...ledger,
          cpuRequestCores: 1,
          cpuUsageCores: 0.4,
          memoryRequestBytes: 2 * GIB,
          memoryUsageBytes: 1.5 * GIB,
        },
      ),
    ]);
    expect(reports[0].skipped).toEqual({
      'containers without kube_pod_info (node unknown)': 1,
    });
    expect(reports[0].errors).toEqual([]);
  });

  it('sizes nodes from their capacity and types them from their labels; prices from the price book', async () => {
    const server = await serve(prometheus);
    const { intake } = await pollOnce({
      sourceName: 'prometheus',
      settings: settingsFor([cluster('prod-eu', server.baseUrl)]),
      read: reader(),
    });
    const node = (name: string, hour: 10 | 11, data: object) => ({
      id: `prod-eu/${name}/2026-11-02T${hour}`,
      source: 'prometheus/prod-eu',
      type: 'node.cost',
      occurredAt: `2026-11-02T${hour + 1}:00:00.000Z`,
      subject: { kind: 'cluster', name: 'prod-eu' },
      data: {
        cluster: 'prod-eu',
        node: name,
        ...data,
        hourStart: `2026-11-02T${hour}:00:00.000Z`,
      },
    });
    const onDemand = {
      instanceType: 'm5.xlarge',
      capacityType: 'on-demand', // eks.amazonaws.com/capacityType: ON_DEMAND
      cpuCores: 4,
      memoryBytes: 15 * GIB,
      cpuCoreHourPrice: 0.0316, // configured for m5.xlarge
      memoryGibHourPrice: 0.0042,
    };
    const spot = {
      instanceType: 'm5.2xlarge',
      capacityType: 'spot', // karpenter.sh/capacity-type: spot
      cpuCoreHourPrice: 0.0125, // the fallback (default table)
      memoryGibHourPrice: 0.0017,
    };
    expect(storedEvents(intake, 'node.cost')).toEqual([
      node(N1, 10, onDemand),
      node(N1, 11, onDemand),
      // up from 10:20: two thirds of its size that hour
      node(N2, 10, { ...spot, cpuCores: 5.333333, memoryBytes: 20 * GIB }),
      node(N2, 11, { ...spot, cpuCores: 8, memoryBytes: 30 * GIB }),
    ]);
  });

  it('sends the same ids on a re-poll', async () => {
    const server = await serve(prometheus);
    const settings = settingsFor([cluster('prod-eu', server.baseUrl)]);
    const intake = new InMemoryIntake(1000);
    await pollOnce({
      sourceName: 'prometheus',
      settings,
      read: reader(),
      intake,
    });
    const ids = [...intake.events.keys()].sort();
    const again = await pollOnce({
      sourceName: 'prometheus',
      settings,
      read: reader(),
      intake,
    });
    expect(again.reports[0].summary).toEqual({
      sent: 12,
      accepted: 0,
      duplicates: 12,
      conflicts: 0,
      rejected: 0,
    });
    expect([...intake.events.keys()].sort()).toEqual(ids);
  });

  it('reports a Prometheus error (status "error", errorType) and polls the next cluster', async () => {
    const failing = await serve(() => ({
      status: 422,
      json: {
        status: 'error',
        errorType: 'execution',
        error:
          'query processing would load too many samples into memory in query execution',
      },
    }));
    const healthy = await serve(prometheus);
    const { reports, intake } = await pollOnce({
      sourceName: 'prometheus',
      settings: settingsFor([
        cluster('big', failing.baseUrl),
        cluster('prod-eu', healthy.baseUrl),
      ]),
      read: reader(),
    });
    expect(reports[0].errors).toEqual([
      'Prometheus big query "cpuRequest": HTTP 422, Prometheus execution: query processing would load too many samples into memory in query execution',
    ]);
    expect(failing.requests).toHaveLength(1);
    expect(reports[1].errors).toEqual([]);
    expect(reports[1].summary.accepted).toBe(12);
    expect(intake.events.size).toBe(12);
  });

  it('reports an error body even with HTTP 200, malformed JSON and 5xx pages', async () => {
    const errorBody = await serve(() => ({
      json: {
        status: 'error',
        errorType: 'timeout',
        error: 'query timed out in expression evaluation',
      },
    }));
    const garbage = await serve(() => ({
      text: '<html><body>502 Bad Gateway</body></html>',
      contentType: 'text/html',
    }));
    const gateway = await serve(() => ({
      status: 502,
      text: '<html><body><h1>502 Bad Gateway</h1></body></html>',
      contentType: 'text/html',
    }));
    const vector = await serve(() => ({
      json: { status: 'success', data: { resultType: 'vector', result: [] } },
    }));
    const { reports, intake } = await pollOnce({
      sourceName: 'prometheus',
      settings: settingsFor([
        cluster('a', errorBody.baseUrl),
        cluster('b', garbage.baseUrl),
        cluster('c', gateway.baseUrl),
        cluster('d', vector.baseUrl),
      ]),
      read: reader(),
    });
    expect(reports.map(r => r.errors)).toEqual([
      [
        'Prometheus a query "cpuRequest": Prometheus timeout: query timed out in expression evaluation',
      ],
      [
        expect.stringMatching(
          /^Prometheus b query "cpuRequest": HTTP 200 but the body is not JSON \(.+\): <html><body>502 Bad Gateway<\/body><\/html>$/,
        ),
      ],
      [
        'Prometheus c query "cpuRequest": HTTP 502 Bad Gateway: <html><body><h1>502 Bad Gateway</h1></body></html>',
      ],
      [
        'Prometheus d query "cpuRequest": not a Prometheus range answer ({ status: "success", data: { resultType: "matrix", result } } expected)',
      ],
    ]);
    expect(intake.events.size).toBe(0);
  });

  it('holds back hours Prometheus answered with warnings (a partial answer)', async () => {
    const server = await serve((path, query) => {
      const answer = prometheus(path, query);
      return queryName(query.get('query')) === 'memoryUsage' && 'json' in answer
        ? {
            json: {
              ...(answer.json as object),
              warnings: [
                'partial response: store gateway 10.0.3.4:10901 unavailable',
              ],
            },
          }
        : answer;
    });
    const { reports, intake } = await pollOnce({
      sourceName: 'prometheus',
      settings: settingsFor([cluster('thanos', server.baseUrl)]),
      read: reader(),
    });
    expect(reports[0].errors).toEqual([
      'Prometheus thanos query "memoryUsage" answered with warnings, so the hours may be partial and are not sent yet: partial response: store gateway 10.0.3.4:10901 unavailable',
    ]);
    expect(intake.events.size).toBe(0);
  });

  it('gives up on a Prometheus that does not answer within the timeout', async () => {
    const server = await serve(() => ({ hang: true }));
    const { reports } = await pollOnce({
      sourceName: 'prometheus',
      settings: settingsFor([cluster('slow', server.baseUrl)]),
      read: createPrometheusReader({ timeoutMs: 150, prices }),
    });
    expect(reports[0].errors).toEqual([
      'Prometheus slow query "cpuRequest": no complete response within 0.15 s',
    ]);
  });
});
