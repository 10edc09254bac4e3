import {
  CanonicalEventInput,
  validateCanonicalEvent,
} from '@goldenpath/plugin-platform-common';
import { demoCatalog, demoServices } from '../__testUtils__/demoCatalog';
import { generateDemoEvents } from './generateDemoEvents';

const DAY = 24 * 60 * 60 * 1000;
const d0 = Date.UTC(2026, 8, 1);
const day = (n: number) => new Date(d0 + n * DAY);

const services = demoServices;
const catalog = demoCatalog;

/** 90 days of delivery and the last 30 days of telemetry, ending at day 90. */
const full = generateDemoEvents({
  catalog,
  delivery: { from: day(0), to: day(90) },
  telemetry: { from: day(60), to: day(90) },
});

/** The same catalog from 60 days earlier, to look up what happened before. */
const earlier = generateDemoEvents({
  catalog,
  delivery: { from: day(-60), to: day(90) },
  telemetry: { from: day(89), to: day(90) },
});

function ofType<T extends CanonicalEventInput['type']>(
  events: CanonicalEventInput[],
  type: T,
) {
  return events.filter(
    (e): e is Extract<CanonicalEventInput, { type: T }> => e.type === type,
  );
}

const productionSuccesses = (events: CanonicalEventInput[]) =>
  ofType(events, 'deployment.finished').filter(
    e => e.data.environment === 'production' && e.data.status === 'success',
  );

describe('generateDemoEvents', () => {
  it('produces every kind of event, each a valid canonical event', () => {
    const types = new Set(full.map(e => e.type));
    expect([...types].sort()).toEqual([
      'canary.run',
      'change.merged',
      'deployment.finished',
      'incident.opened',
      'incident.resolved',
      'node.cost',
      'pod.usage',
    ]);
    const invalid = full
      .map(e => ({ e, result: validateCanonicalEvent(e) }))
      .filter(({ result }) => !result.ok);
    expect(invalid.slice(0, 3)).toEqual([]);
    expect(full.every(e => e.entityRef === undefined)).toBe(true);
  });

  it('uses each (source, id) once', () => {
    const keys = new Set(full.map(e => `${e.source}\u0000${e.id}`));
    expect(keys.size).toBe(full.length);
  });

  it('keeps every event inside its window', () => {
    const outside = full.filter(e => {
      const telemetry =
        e.type === 'pod.usage' ||
        e.type === 'node.cost' ||
        e.type === 'canary.run';
      const from = day(telemetry ? 60 : 0).getTime();
      const at = Date.parse(e.occurredAt);
      return (
        at < from || at >= day(90).getTime() || !e.occurredAt.endsWith('Z')
      );
    });
    expect(outside).toEqual([]);
  });

  it('cuts a window that ends mid-day at its end', () => {
    const to = new Date(day(5).getTime() + 13.5 * 60 * 60 * 1000);
    const cut = generateDemoEvents({
      catalog,
      delivery: { from: day(0), to },
      telemetry: { from: day(0), to },
    });
    const whole = generateDemoEvents({ catalog, ...windows(0, 6) });
    expectSameEvents(
      cut,
      whole.filter(e => Date.parse(e.occurredAt) < to.getTime()),
    );
  });

  it('gives identical events for a day whatever window it is generated in', () => {
    const first = generateDemoEvents({
      catalog,
      delivery: { from: day(0), to: day(20) },
      telemetry: { from: day(0), to: day(20) },
    });
    const second = generateDemoEvents({
      catalog,
      delivery: { from: day(10), to: day(30) },
      telemetry: { from: day(10), to: day(30) },
    });
    const overlap = (events: CanonicalEventInput[]) =>
      events.filter(
        e =>
          Date.parse(e.occurredAt) >= day(10).getTime() &&
          Date.parse(e.occurredAt) < day(20).getTime(),
      );
    const a = overlap(first);
    const b = overlap(second);
    expect(a.length).toBeGreaterThan(1000);
    expect(new Set(a.map(e => e.type)).size).toBe(7);
    expectSameEvents(b, a);
    expectSameEvents(generateDemoEvents({ catalog, ...windows(10, 20) }), a);
  });

  it('gives different events for a different seed', () => {
    const a = generateDemoEvents({ catalog, ...windows(0, 3) });
    const b = generateDemoEvents({ catalog, ...windows(0, 3), seed: 'other' });
    expect(b).not.toEqual(a);
  });

  it('ships each commit once, and only after it was merged', () => {
    const mergedAt = new Map<string, number>();
    for (const change of ofType(earlier, 'change.merged')) {
      for (const commit of change.data.commits) {
        mergedAt.set(commit.sha, Date.parse(change.data.mergedAt));
      }
    }
    const shipped = new Map<string, string>();
    let shippedCount = 0;
    for (const deployment of productionSuccesses(full)) {
      const startedAt = Date.parse(deployment.data.startedAt);
      for (const sha of deployment.data.changeShas ?? []) {
        shippedCount++;
        expect(mergedAt.get(sha)).toBeLessThanOrEqual(startedAt);
        const key = `${deployment.subject.name} ${sha}`;
        expect(shipped.get(key)).toBeUndefined();
        shipped.set(key, deployment.id);
      }
    }
    const rollbacks = productionSuccesses(full).filter(d => d.data.rollback);
    expect(rollbacks.length).toBeGreaterThan(0);
    expect(rollbacks.filter(d => d.data.changeShas?.length)).toEqual([]);
    expect(shippedCount).toBeGreaterThan(500);
    const deployments = ofType(full, 'deployment.finished');
    expect(deployments.some(e => e.data.rollback)).toBe(true);
    expect(deployments.some(e => e.data.rework === 'hotfix')).toBe(true);
    expect(deployments.some(e => e.data.rework === 'revert')).toBe(true);
    expect(deployments.some(e => e.data.environment === 'staging')).toBe(true);
    expect(new Set(deployments.map(e => e.data.status)).size).toBe(3);
  });

  it('opens incidents after the deployment that caused them and resolves them later', () => {
    const deployments = new Map(
      ofType(earlier, 'deployment.finished').map(e => [e.data.deploymentId, e]),
    );
    const resolved = ofType(full, 'incident.resolved');
    expect(resolved.length).toBeGreaterThan(10);
    for (const incident of resolved) {
      const { data } = incident;
      expect(Date.parse(data.resolvedAt)).toBeGreaterThan(
        Date.parse(data.openedAt),
      );
      expect(Date.parse(data.resolvedAt)).toBeLessThan(day(90).getTime());
      const cause = deployments.get(data.causedByDeploymentId!);
      expect(cause).toBeDefined();
      expect(Date.parse(data.openedAt)).toBeGreaterThan(
        Date.parse(cause!.data.finishedAt),
      );
    }
    const opened = ofType(full, 'incident.opened');
    const resolvedIds = new Set(resolved.map(e => e.data.incidentId));
    const stillOpen = opened.filter(e => !resolvedIds.has(e.data.incidentId));
    const openPerService = new Map<string, number>();
    for (const e of stillOpen) {
      openPerService.set(
        e.subject.name,
        (openPerService.get(e.subject.name) ?? 0) + 1,
      );
    }
    expect(Math.max(0, ...openPerService.values())).toBeLessThanOrEqual(1);
    expect(new Set(opened.map(e => e.id)).size).toBe(opened.length);
    expect(resolved.every(e => e.id.endsWith('-resolved'))).toBe(true);
  });

  it('gives services different delivery performance', () => {
    const perService = new Map<string, number>(
      services.map(s => [s.repository, 0]),
    );
    for (const e of productionSuccesses(full)) {
      perService.set(e.subject.name, perService.get(e.subject.name)! + 1);
    }
    const counts = [...perService.values()];
    expect(Math.min(...counts)).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(5 * Math.min(...counts));
  });

  it('produces hourly telemetry with stable pods and no personal data', () => {
    const usage = ofType(full, 'pod.usage');
    const eu = usage.filter(
      e =>
        e.subject.name === 'payments-api' &&
        e.data.cluster === 'prod-eu-west-1',
    );
    const pods = new Set(eu.map(e => e.data.podUid));
    // 2-3 pods replaced once a week (30 days see 5 or 6 rollouts), and those
    // on spot nodes again when their node is reclaimed
    expect(pods.size).toBeGreaterThanOrEqual(8);
    const nodeOfPod = new Map<string, Set<string>>();
    const hoursOfPod = new Map<string, Set<string>>();
    for (const e of eu) {
      nodeOfPod.set(
        e.data.podUid,
        (nodeOfPod.get(e.data.podUid) ?? new Set()).add(e.data.node),
      );
      hoursOfPod.set(
        e.data.podUid,
        (hoursOfPod.get(e.data.podUid) ?? new Set()).add(e.data.hourStart),
      );
    }
    // a pod never moves, and lives at most a week
    expect([...nodeOfPod.values()].every(nodes => nodes.size === 1)).toBe(true);
    expect(Math.max(...[...hoursOfPod.values()].map(h => h.size))).toBe(168);
    const canary = ofType(full, 'canary.run');
    expect(canary).toHaveLength(2 * 6 * 30 * 24);
    const failing = canary.filter(e => e.data.outcome !== 'pass');
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.length).toBeLessThan(canary.length * 0.05);
    expect(failing.every(e => (e.data.errors ?? []).length > 0)).toBe(true);
    expect(JSON.stringify(full.slice(0, 20000))).not.toMatch(/@/);
  });
});

/** Deep equality, fast enough for tens of thousands of events. */
function expectSameEvents(
  actual: CanonicalEventInput[],
  expected: CanonicalEventInput[],
) {
  const a = actual.map(e => JSON.stringify(e));
  const b = expected.map(e => JSON.stringify(e));
  const firstDifference = a.findIndex((json, i) => json !== b[i]);
  if (firstDifference >= 0) {
    expect(actual[firstDifference]).toEqual(expected[firstDifference]);
  }
  expect(a.length).toBe(b.length);
}

function windows(from: number, to: number) {
  return {
    delivery: { from: day(from), to: day(to) },
    telemetry: { from: day(from), to: day(to) },
  };
}
