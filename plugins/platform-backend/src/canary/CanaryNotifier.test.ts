import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { evaluateCanaryCheck } from '@goldenpath/plugin-platform-common';
import {
  asRuns,
  canaryRun,
  canaryRuns,
  EU,
  US,
} from '../__testUtils__/canaryEvents';
import { createCanaryHarness } from '../__testUtils__/canaryHarness';
import { createTestDatabases } from '../__testUtils__/databases';
import { catalogEntities } from '../__testUtils__/events';
import { CanaryNotifier } from './CanaryNotifier';

jest.setTimeout(120_000);
const databases = createTestDatabases();

const FROM = '2026-11-09T11:00:00Z';

describe.each(databases.eachSupportedId())('CanaryNotifier (%s)', id => {
  async function setup(now = new Date('2026-11-09T11:30:00Z')) {
    const h = await createCanaryHarness({
      knex: await databases.init(id as TestDatabaseId),
      catalog: catalogEntities,
      now,
    });
    const notify = jest.fn(async () => {});
    const notifier = new CanaryNotifier({
      store: h.store,
      catalog: h.catalog,
      auth: mockServices.auth(),
      eventLog: h.events,
      notifications: { send: notify },
      settings: h.settings,
      logger: h.logger,
      now: () => now,
    });
    const statuses = async () =>
      (
        await h
          .knex('canary_transitions')
          .orderBy(['cluster', 'check_name', 'at'])
      ).map((t: any) => [t.check_name, t.to_state, t.notification]);
    return { ...h, notify, notifier, statuses };
  }

  it('notifies the owners of the components in the cluster once per change, not per run', async () => {
    const h = await setup();
    // up (a first up: not news), down at 11:04, up again at 11:06
    await h.send(canaryRuns('ppfffpppp', { from: FROM }));
    await h.notifier.run();
    expect(h.notify).toHaveBeenCalledTimes(2);
    expect(h.notify).toHaveBeenNthCalledWith(1, {
      recipients: {
        type: 'entity',
        entityRef: ['component:default/payments-api'],
      },
      payload: expect.objectContaining({
        title: `Canary ingress-http is failing in ${EU}`,
        severity: 'high',
        topic: `canary:${EU}:ingress-http`,
        scope: `canary:${EU}:ingress-http`,
        link: '/catalog/default/resource/prod-eu-west-1/canary',
        description: expect.stringContaining('since 2026-11-09T11:02:00.000Z'),
      }),
    });
    expect(h.notify).toHaveBeenNthCalledWith(2, {
      recipients: expect.anything(),
      payload: expect.objectContaining({
        title: `Canary ingress-http passes again in ${EU}`,
        severity: 'normal',
      }),
    });
    expect(await h.statuses()).toEqual([
      ['ingress-http', 'up', 'skipped'],
      ['ingress-http', 'down', 'sent'],
      ['ingress-http', 'up', 'sent'],
    ]);

    // more passing runs: no change, nothing sent
    await h.send(canaryRuns('pp', { from: '2026-11-09T11:09:00Z' }));
    await h.notifier.run();
    expect(h.notify).toHaveBeenCalledTimes(2);

    // a replay of the whole log changes nothing; a late run replays the
    // check and re-creates its transitions, keeping what was sent
    await h.projector.rewind(0);
    await h.projector.catchUp();
    await h.send([
      canaryRun({ startedAt: '2026-11-09T11:03:30Z', outcome: 'error' }),
    ]);
    await h.notifier.run();
    expect(h.notify).toHaveBeenCalledTimes(2);
    expect((await h.statuses()).map(s => s[2])).toEqual([
      'skipped',
      'sent',
      'sent',
    ]);
  });

  it('mutes changes while flapping', async () => {
    const h = await setup(new Date('2026-11-09T11:50:00Z'));
    const pattern = `${'p'.repeat(21)}fpfpfpfpfp${'fff'}pp`;
    const runs = canaryRuns(pattern, { from: FROM });
    const model = evaluateCanaryCheck(asRuns(runs), {
      now: '2026-11-09T12:00:00Z',
    })!;
    // the premise: down and up while flapping
    expect(model.transitions.map(t => [t.to, t.flapping])).toEqual([
      ['up', false],
      ['down', true],
      ['up', true],
    ]);
    await h.send(runs);
    await h.notifier.run();
    expect(h.notify).not.toHaveBeenCalled();
    expect((await h.statuses()).map(s => s[2])).toEqual([
      'skipped',
      'muted',
      'muted',
    ]);
  });

  it('does not send old news, nor to nobody, and retries a failed send', async () => {
    const h = await setup(new Date('2026-11-09T12:30:00Z'));
    // down at 11:04: more than an hour before now
    await h.send(canaryRuns('ppfff', { from: FROM }));
    // down at 12:04 in a cluster no component runs in
    await h.send(
      canaryRuns('ppfff', { from: '2026-11-09T12:00:00Z', cluster: 'prod-ap' }),
    );
    // down at 12:04 in US, where ledger-service runs
    await h.send(
      canaryRuns('ppfff', { from: '2026-11-09T12:00:00Z', cluster: US }),
    );
    h.notify.mockRejectedValueOnce(new Error('notifications backend down'));
    await h.notifier.run();
    expect(h.logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /notification of ingress-http down in prod-us-east-1 failed/,
      ),
    );
    expect(await h.statuses()).toEqual([
      ['ingress-http', 'up', 'skipped'],
      ['ingress-http', 'down', 'no-recipients'],
      ['ingress-http', 'up', 'skipped'],
      ['ingress-http', 'down', 'expired'],
      ['ingress-http', 'up', 'skipped'],
      ['ingress-http', 'down', 'pending'],
    ]);
    await h.notifier.run();
    expect(h.notify).toHaveBeenCalledTimes(2);
    expect(h.notify).toHaveBeenLastCalledWith(
      expect.objectContaining({
        recipients: {
          type: 'entity',
          entityRef: ['component:default/ledger-service'],
        },
      }),
    );
    expect((await h.statuses())[5][2]).toBe('sent');
  });
});
