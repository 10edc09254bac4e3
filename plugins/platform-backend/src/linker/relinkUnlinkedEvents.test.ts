import { TestDatabaseId, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { catalogEntities, deploymentEvent } from '../__testUtils__/events';
import { createTestDatabases } from '../__testUtils__/databases';
import {
  MAX,
  MAX_ENTITY_REF,
  maxFieldsEntity,
  maxLengthEvents,
} from '../__testUtils__/maxLengthEvents';
import { DatabaseEventStore } from '../eventLog/DatabaseEventStore';
import { EventIntake } from '../ingest/EventIntake';
import { podSubject } from '@goldenpath/plugin-platform-common';
import { CatalogEntityLinker } from './CatalogEntityLinker';
import { relinkUnlinkedEvents } from './relinkUnlinkedEvents';

jest.setTimeout(60_000);
const databases = createTestDatabases();

async function setup(id: TestDatabaseId, entities: any[]) {
  const knex = await databases.init(id);
  const store = await DatabaseEventStore.create({
    database: mockServices.database({ knex }),
  });
  const catalog = catalogServiceMock({ entities });
  const linker = new CatalogEntityLinker({
    catalog,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    maxAgeMs: 60_000,
  });
  const intake = new EventIntake({
    store,
    linker,
    maxBatchSize: 10_000,
    maxFutureSkewMs: Infinity,
  });
  return { store, catalog, linker, intake };
}

describe.each(databases.eachSupportedId())(
  'linking events that arrive before their entity (%s)',
  id => {
    it('keeps them unlinked with a reason, then links them once the entity exists', async () => {
      const { store, intake } = await setup(id, []);
      await intake.ingest([deploymentEvent({ id: 'early' })]);
      const [early] = await store.list({ limit: 10 });
      expect(early).toMatchObject({
        linkStatus: 'unlinked',
        linkReason:
          'no catalog entity has github.com/project-slug=acme/payments-api',
      });

      // The entity is registered later: a new linker over a catalog that has it.
      const later = await setup(id, catalogEntities);
      const linker = later.linker;
      const result = await relinkUnlinkedEvents({
        store,
        linker,
        logger: mockServices.logger.mock(),
      });
      expect(result).toMatchObject({ examined: 1, linked: 1 });
      const [linked] = await store.list({ limit: 10 });
      expect(linked).toMatchObject({
        linkStatus: 'linked',
        entityRef: 'component:default/payments-api',
        linkReason: null,
      });
    });

    it('relinks a pod by its namespace and labels, which only the stored event holds', async () => {
      const { store, intake } = await setup(id, []);
      const usage = (pod: string, namespace: string) => ({
        id: `${pod}/app/2026-11-02T09`,
        source: 'k8s',
        type: 'pod.usage',
        occurredAt: '2026-11-02T10:00:00Z',
        subject: podSubject({
          cluster: 'prod-eu-west-1',
          namespace,
          labels: {
            'app.kubernetes.io/name': 'payments-api',
            'app.kubernetes.io/component': 'worker',
          },
        }),
        data: {
          cluster: 'prod-eu-west-1',
          namespace,
          pod,
          podUid: `uid-${pod}`,
          container: 'app',
          node: 'node-1',
          controller: 'payments-worker',
          hourStart: '2026-11-02T09:00:00Z',
          cpuRequestCores: 0.5,
          cpuUsageCores: 0.1,
          memoryRequestBytes: 1,
          memoryUsageBytes: 1,
        },
      });
      await intake.ingest([
        usage('worker-1', 'payments'),
        usage('worker-2', 'staging'),
      ] as any);
      const worker = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'payments-worker',
          namespace: 'default',
          annotations: {
            'backstage.io/kubernetes-label-selector':
              'app.kubernetes.io/name=payments-api,app.kubernetes.io/component=worker',
            'backstage.io/kubernetes-namespace': 'payments',
          },
        },
        spec: {},
      };
      const { linker } = await setup(id, [worker]);
      const result = await relinkUnlinkedEvents({
        store,
        linker,
        logger: mockServices.logger.mock(),
      });
      expect(result).toMatchObject({ examined: 2, linked: 1 });
      const stored = await store.list({ limit: 10 });
      const byPod = new Map(stored.map(e => [e.data.pod, e]));
      expect(byPod.get('worker-1')).toMatchObject({
        linkStatus: 'linked',
        entityRef: 'component:default/payments-worker',
        subject: {
          kind: 'kubernetes-id',
          name: 'payments-api',
          namespace: 'payments',
          labels: {
            'app.kubernetes.io/name': 'payments-api',
            'app.kubernetes.io/component': 'worker',
          },
        },
      });
      expect(byPod.get('worker-2')).toMatchObject({ linkStatus: 'unlinked' });
    });

    it('pages through a backlog larger than one page', async () => {
      const { store, intake } = await setup(id, []);
      const events = Array.from({ length: 2300 }, (_, i) =>
        deploymentEvent({ id: `e${i}` }),
      );
      await intake.ingest(events);
      const { linker } = await setup(id, catalogEntities);
      const result = await relinkUnlinkedEvents({
        store,
        linker,
        logger: mockServices.logger.mock(),
      });
      expect(result).toMatchObject({ examined: 2300, linked: 2300 });
      expect((await store.stats()).unlinked).toBe(0);
    });

    it('stores events unlinked, never drops them, when the catalog is down', async () => {
      const { store, intake, catalog } = await setup(id, catalogEntities);
      jest
        .spyOn(catalog, 'getEntities')
        .mockRejectedValue(new Error('ECONNREFUSED'));
      const res = await intake.ingest([deploymentEvent()]);
      expect(res.accepted).toBe(1);
      const [event] = await store.list({ limit: 1 });
      expect(event.linkReason).toBe('catalog unavailable: ECONNREFUSED');
    });

    it('links events with every bounded field at its maximum, and keeps them intact', async () => {
      const { store, intake } = await setup(id, []);
      const events = maxLengthEvents();
      expect(await intake.ingest(events)).toMatchObject({
        accepted: events.length,
      });
      const { linker } = await setup(id, [maxFieldsEntity]);
      const result = await relinkUnlinkedEvents({
        store,
        linker,
        logger: mockServices.logger.mock(),
      });
      // the canary run names an entity ref of the maximum length that no entity has
      expect(result).toMatchObject({
        examined: events.length,
        linked: events.length - 1,
      });
      const stored = await store.list({ limit: 100 });
      expect(stored).toHaveLength(events.length);
      for (const event of events) {
        const row = stored.find(e => e.type === event.type)!;
        expect(row).toMatchObject({
          id: event.id,
          source: MAX.source,
          subject: event.subject,
          data: event.data,
        });
        expect(row).toMatchObject(
          event.type === 'canary.run'
            ? {
                linkStatus: 'unlinked',
                linkReason: `no catalog entity ${MAX.entityRef}`,
              }
            : { linkStatus: 'linked', entityRef: MAX_ENTITY_REF },
        );
      }
    });
  },
);
