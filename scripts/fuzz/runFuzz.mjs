/*
 * Sends generated hostile requests to a running backend and checks the
 * invariants: no answer of 500 or more, the process stays up, an event the
 * intake did not accept is not stored, an accepted one is stored exactly once,
 * and 50 parallel sends of one event store one copy.
 */
import { FUZZ_SOURCE, hostileRequest, random } from './hostileRequests.mjs';

const TIMEOUT_MS = 30_000;

async function send(baseUrl, request) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const res = await fetch(`${baseUrl}/api/platform${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.method === 'GET' ? undefined : request.body,
      signal: controller.signal,
    });
    const text = await res.text();
    return { status: res.status, text };
  } catch (error) {
    return { status: 0, text: String(error?.cause ?? error) };
  } finally {
    clearTimeout(timer);
  }
}

/** What each event's answer says about storage: 'stored' | 'absent' | 'either'. */
function expectations(request, answer) {
  const out = new Map();
  const ids = request.events.map(e => e.id);
  if (request.expectRejected || answer.status >= 400) {
    // 400 may carry per-event results; every event in it was rejected.
    for (const id of ids) out.set(id, 'absent');
    return out;
  }
  let body;
  try {
    body = JSON.parse(answer.text);
  } catch {
    for (const id of ids) out.set(id, 'either');
    return out;
  }
  for (const [index, id] of ids.entries()) {
    const result = body.results?.[index];
    if (result?.status === 'accepted') out.set(id, 'stored');
    else if (result?.status === 'rejected') out.set(id, 'absent');
    else out.set(id, 'either');
  }
  return out;
}

/**
 * Runs `count` requests with `concurrency` in flight. `countStored(ids)`
 * returns how many log rows each event id has (read from the database).
 */
export async function runFuzz({
  baseUrl,
  count,
  seed,
  concurrency = 8,
  tokens,
  countStored,
  isAlive,
}) {
  const rng = random(seed);
  const requests = Array.from({ length: count }, (_, n) =>
    hostileRequest(rng, n, tokens),
  );
  const statuses = {};
  const byKind = {};
  const serverErrors = [];
  const expected = new Map();
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++];
      const answer = await send(baseUrl, request);
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      byKind[request.kind] = (byKind[request.kind] ?? 0) + 1;
      if (answer.status >= 500 || answer.status === 0) {
        serverErrors.push({
          kind: request.kind,
          method: request.method,
          path: request.path.slice(0, 200),
          status: answer.status,
          answer: answer.text.slice(0, 300),
        });
      }
      for (const [id, e] of expectations(request, answer)) expected.set(id, e);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));

  // One event sent 50 times at once: exactly one accepted, one stored.
  const same = {
    id: `fuzz-parallel-${seed}`,
    source: FUZZ_SOURCE,
    type: 'deployment.finished',
    occurredAt: '2026-11-01T00:00:00.000Z',
    subject: { kind: 'repository', name: 'acme/payments-api' },
    data: {
      deploymentId: `parallel-${seed}`,
      environment: 'production',
      sha: 'a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0',
      status: 'success',
      startedAt: '2026-11-01T00:00:00.000Z',
      finishedAt: '2026-11-01T00:00:00.000Z',
      changeShas: [],
    },
  };
  const parallel = await Promise.all(
    Array.from({ length: 50 }, () =>
      send(baseUrl, {
        method: 'POST',
        path: '/events',
        headers: {
          'content-type': 'application/json',
          authorization: tokens.ingest,
        },
        body: JSON.stringify({ events: [same] }),
      }),
    ),
  );
  const parallelAccepted = parallel.filter(
    a => a.status === 200 && JSON.parse(a.text).accepted === 1,
  ).length;

  const ids = [...expected.keys(), same.id];
  const stored = await countStored(ids);
  const storageViolations = [];
  for (const [id, e] of expected) {
    const rows = stored.get(id) ?? 0;
    if (rows > 1) storageViolations.push(`${id}: stored ${rows} times`);
    if (e === 'stored' && rows !== 1) {
      storageViolations.push(`${id}: accepted but not stored`);
    }
    if (e === 'absent' && rows !== 0) {
      storageViolations.push(`${id}: not accepted, yet stored`);
    }
  }
  return {
    seed,
    requests: count,
    byKind,
    statuses,
    serverErrors,
    storageViolations,
    eventsChecked: expected.size,
    parallel: { accepted: parallelAccepted, stored: stored.get(same.id) ?? 0 },
    alive: await isAlive(),
  };
}
