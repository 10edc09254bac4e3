/*
 * Generates hostile HTTP requests against /api/platform from a seed: mutated
 * canonical events, malformed bodies and credentials, odd content types, hostile
 * query strings and webhook calls. Every event carries a unique id, so the run
 * can later check what was stored against what each response said.
 */

/** A small, seeded PRNG (mulberry32): the same seed gives the same run. */
export function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = n => Math.floor(next() * n);
  return { next, int, pick: list => list[int(list.length)] };
}

const SHA = 'a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0';
const REPO = { kind: 'repository', name: 'acme/payments-api' };

export const FUZZ_SOURCE = 'fuzz';

function deployment(id, at) {
  return {
    id,
    source: FUZZ_SOURCE,
    type: 'deployment.finished',
    occurredAt: at,
    subject: { ...REPO },
    data: {
      deploymentId: id,
      environment: 'production',
      sha: SHA,
      status: 'success',
      startedAt: at,
      finishedAt: at,
      changeShas: [SHA],
      url: 'https://ci.example.com/deploy/1',
    },
  };
}

function change(id, at) {
  return {
    id,
    source: FUZZ_SOURCE,
    type: 'change.merged',
    occurredAt: at,
    subject: { ...REPO },
    data: {
      repository: 'acme/payments-api',
      prNumber: 7,
      mergeSha: SHA,
      commits: [{ sha: SHA, committedAt: at }],
      openedAt: at,
      mergedAt: at,
      additions: 3,
      deletions: 1,
    },
  };
}

function incident(id, at) {
  return {
    id,
    source: FUZZ_SOURCE,
    type: 'incident.opened',
    occurredAt: at,
    subject: { ...REPO },
    data: { incidentId: id, severity: 'SEV2', openedAt: at },
  };
}

const BUILDERS = [deployment, change, incident];

const long = n => 'x'.repeat(n);
function deep(depth) {
  let value = {};
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** Values that break naive code: types, sizes, encodings, dates, URLs. */
const HOSTILE_VALUES = [
  null,
  true,
  -1,
  0,
  2 ** 31,
  2 ** 53 + 1,
  1e308,
  -0,
  '',
  ' ',
  long(1_000),
  long(70_000),
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202e',
  '\u001b[31m',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  'data:text/html,<b>x</b>',
  'file:///etc/passwd',
  '=cmd|" /C calc"!A0',
  '../../etc/passwd',
  "'; drop table events; --",
  '%00',
  'NaN',
  'Infinity',
  '1999-12-31T23:59:59Z',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2026-13-45T99:99:99Z',
  '2026-11-02',
  '1731000000',
  {},
  [],
  [null],
  deep(200),
  { __proto__: { polluted: true } },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { constructor: { prototype: { polluted: true } } },
];

function setPath(target, path, value) {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) return;
    node = node[key];
  }
  node[path[path.length - 1]] = value;
}

function leafPaths(value, prefix = []) {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k]))];
}

/** A valid event mutated in one to three places (or left valid). */
function mutatedEvent(rng, id) {
  const at = new Date(
    Date.UTC(2026, 10, 1) - rng.int(60) * 86_400_000,
  ).toISOString();
  const event = rng.pick(BUILDERS)(id, at);
  if (rng.next() < 0.25) return event;
  const mutations = 1 + rng.int(3);
  for (let i = 0; i < mutations; i++) {
    const paths = leafPaths(event).filter(
      p => p.length > 0 && !(p.length === 1 && p[0] === 'id'),
    );
    const path = rng.pick(paths);
    if (rng.next() < 0.2) {
      setPath(event, path, undefined);
    } else {
      setPath(event, path, rng.pick(HOSTILE_VALUES));
    }
  }
  if (rng.next() < 0.1) event.extra = rng.pick(HOSTILE_VALUES);
  return event;
}

const BAD_TOKENS = [
  'eyJhbGciOiJFUzI1NiIsInR5cCI6InZuZC5iYWNrc3RhZ2UucGx1Z2luIn0.!!!.x',
  'eyJhbGciOiJFUzI1NiIsInR5cCI6InZuZC5iYWNrc3RhZ2UudXNlciJ9.e30.x',
  'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c2VyOmRlZmF1bHQvYWRtaW4ifQ.',
  'not-a-jwt',
  '.',
  '..',
  'a.b.c.d',
  long(20_000),
  '\u00ff\u00fe',
  'local-dev-ingest-tokem', // a near miss (trailing spaces are trimmed by HTTP, so not those)
];

const QUERY_VALUES = [
  'component:default/payments-api',
  'group:default/team-payments',
  'component:',
  ':::',
  'x'.repeat(5000),
  '%00',
  '%ZZ',
  '0x10',
  '1e2',
  '-1',
  '99999999999999999999',
  '2026-11-01T00:00:00Z',
  'last-week',
  'true',
  '',
];

const GET_PATHS = [
  '/events',
  '/activity',
  '/dora/metrics',
  '/dora/deployments',
  '/dora/changes',
  '/dora/incidents',
  '/dora/group',
  '/dora/environments',
  '/health',
  '/nope',
];
const PARAMS = [
  'entityRef',
  'from',
  'to',
  'limit',
  'before',
  'type',
  'environment',
  'unlinked',
  'tierModel',
  'excludeWeekends',
  '__proto__',
  'constructor',
];

function hostileQuery(rng) {
  const parts = [];
  const n = rng.int(4);
  for (let i = 0; i < n; i++) {
    const key = rng.pick(PARAMS);
    const value = rng.pick(QUERY_VALUES);
    const form = rng.int(4);
    if (form === 0) parts.push(`${key}[]=${value}`);
    else if (form === 1) parts.push(`${key}=${value}&${key}=${value}`);
    else if (form === 2) parts.push(`${key}[a][b]=${value}`);
    else parts.push(`${key}=${encodeURIComponent(value)}`);
  }
  return parts.join('&');
}

/**
 * The next request: `{ kind, method, path, headers, body, events }` where
 * `events` lists the ids of events the body carries (for the storage check).
 */
export function hostileRequest(rng, n, auth) {
  const id = () => `fuzz-${n}-${rng.int(1e9)}`;
  const kind = rng.int(100);
  const json = { 'content-type': 'application/json' };
  if (kind < 45) {
    const events = Array.from({ length: 1 + rng.int(5) }, () =>
      mutatedEvent(rng, id()),
    );
    return {
      kind: 'events',
      method: 'POST',
      path: '/events',
      headers: { ...json, authorization: auth.ingest },
      body: JSON.stringify({ events }),
      events,
    };
  }
  if (kind < 55) {
    const bodies = [
      '',
      '{',
      'null',
      '[]',
      '"events"',
      '{"events": "x"}',
      '{"events": []}',
      '{"events": [null, 1, "x", []]}',
      '\ufeff{"events": []}',
      `{"events": [${'['.repeat(5000)}${']'.repeat(5000)}]}`,
      JSON.stringify({ events: [deployment(id(), 'not a date')] }),
    ];
    const types = [
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=utf-16',
      'multipart/form-data; boundary=x',
      '',
    ];
    return {
      kind: 'malformed-body',
      method: 'POST',
      path: '/events',
      headers: { 'content-type': rng.pick(types), authorization: auth.ingest },
      body: rng.pick(bodies),
      events: [],
    };
  }
  if (kind < 65) {
    const event = deployment(id(), '2026-11-01T00:00:00.000Z');
    const token = rng.pick(BAD_TOKENS);
    const headers = { ...json };
    const form = rng.int(3);
    if (form === 0) headers.authorization = `Bearer ${token}`;
    else if (form === 1) headers.authorization = token;
    return {
      kind: 'bad-credential',
      method: rng.next() < 0.5 ? 'POST' : 'GET',
      path: rng.next() < 0.5 ? '/events' : rng.pick(GET_PATHS),
      headers,
      body: JSON.stringify({ events: [event] }),
      events: [event],
      expectRejected: true,
    };
  }
  if (kind < 85) {
    return {
      kind: 'query',
      method: 'GET',
      path: `${rng.pick(GET_PATHS)}?${hostileQuery(rng)}`,
      headers: { authorization: auth.user },
      events: [],
    };
  }
  const sources = ['github', 'incidents', 'pagerduty', 'nope', '..%2f', ''];
  const source = rng.pick(sources);
  const bodies = ['{}', '{"action":"closed"}', 'x', long(100_000)];
  return {
    kind: 'webhook',
    method: 'POST',
    path: `/webhooks/${source}`,
    headers: {
      'content-type': rng.pick(['application/json', 'text/plain']),
      ...(rng.next() < 0.5
        ? { 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` }
        : {}),
      'x-github-event': 'pull_request',
    },
    body: rng.pick(bodies),
    events: [],
  };
}
