import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { mockCredentials, TestDatabaseId } from '@backstage/backend-test-utils';
import { z } from 'zod/v3';
import { canaryRuns, EU, US } from '../../__testUtils__/canaryEvents';
import { createCanaryHarness } from '../../__testUtils__/canaryHarness';
import { createTestDatabases } from '../../__testUtils__/databases';
import { catalogEntities } from '../../__testUtils__/events';
import { createGetCanaryStatusAction } from './createGetCanaryStatusAction';

jest.setTimeout(120_000);
const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'platform:get-canary-status (%s)',
  id => {
    it('registers a read-only action that answers with the verdict, the problems and what is platform-wide', async () => {
      const h = await createCanaryHarness({
        knex: await databases.init(id as TestDatabaseId),
        catalog: catalogEntities,
      });
      // ingress down in both clusters since 11:57; deploy up in EU
      await h.send([
        ...canaryRuns('ppppppfff', { from: '2026-11-09T11:51:00Z' }),
        ...canaryRuns('ppppppfff', {
          from: '2026-11-09T11:51:00Z',
          cluster: US,
        }),
        ...canaryRuns('ppppppppp', {
          from: '2026-11-09T11:51:00Z',
          check: 'deploy-app',
          capability: 'deploy',
        }),
      ]);
      let registered: any;
      const registry: ActionsRegistryService = {
        register: options => {
          registered = options;
        },
      };
      createGetCanaryStatusAction({
        actionsRegistry: registry,
        canary: h.canary,
      });
      expect(registered.name).toBe('get-canary-status');
      expect(registered.attributes).toMatchObject({
        readOnly: true,
        destructive: false,
      });
      const input = registered.schema
        .input(z)
        .parse({ entityRef: 'payments-api', window: '1h' });
      const { output } = await registered.action({
        input,
        credentials: mockCredentials.user(),
      });
      expect(registered.schema.output(z).parse(output)).toEqual(output);
      expect(output).toEqual({
        entityRef: 'component:default/payments-api',
        verdict: 'down',
        clusters: [EU],
        clusterSource: 'annotation',
        latestRunAt: '2026-11-09T11:59:00.000Z',
        problems: [
          {
            cluster: EU,
            check: 'ingress-http',
            capability: 'ingress',
            display: 'down',
            since: '2026-11-09T11:59:00.000Z',
            consecutiveFailures: 3,
            platformWide: true,
          },
        ],
        platformWide: [
          {
            check: 'ingress-http',
            capability: 'ingress',
            clustersDown: [EU, US],
            clustersRunning: 2,
          },
        ],
        window: {
          key: '1h',
          from: '2026-11-09T11:00:00.000Z',
          to: '2026-11-09T13:00:00.000Z',
        },
        // 6 + 9 passes of 18 results
        uptime: 15 / 18,
      });
      expect(() =>
        registered.schema.input(z).parse({ entityRef: 'x', window: '2h' }),
      ).toThrow();
    });
  },
);
