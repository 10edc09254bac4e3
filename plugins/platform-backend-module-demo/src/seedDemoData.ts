import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATIONS,
  KUBERNETES_CLUSTER_RESOURCE_TYPE,
} from '@goldenpath/plugin-platform-common';
import { PlatformEventIntake } from '@goldenpath/plugin-platform-node';
import {
  DemoCatalog,
  generateDemoEvents,
} from './generator/generateDemoEvents';

const DAY_MS = 86_400_000;
/**
 * How far before the newest demo event a top-up starts: an incident's whole life
 * is generated on the day of the deployment that caused it, so days whose
 * incidents were still open last time must be generated again.
 */
const RESUME_LOOKBACK_DAYS = 14;
/** Demo sources all start with this, so the seeder can find where it left off. */
export const DEMO_SOURCE_PREFIX = 'demo-';

/** Components with the annotations the generator needs, and cluster Resources. */
export function demoCatalogFrom(entities: Entity[]): DemoCatalog {
  const clusters = entities
    .filter(
      e =>
        e.kind.toLowerCase() === 'resource' &&
        e.spec?.type === KUBERNETES_CLUSTER_RESOURCE_TYPE,
    )
    .map(
      e => e.metadata.annotations?.[ANNOTATIONS.clusterName] ?? e.metadata.name,
    )
    .sort();
  const services = entities
    .filter(e => e.kind.toLowerCase() === 'component')
    .flatMap(e => {
      const a = e.metadata.annotations ?? {};
      const repository = a[ANNOTATIONS.githubProjectSlug];
      const kubernetesId = a[ANNOTATIONS.kubernetesId];
      const namespace = a[ANNOTATIONS.kubernetesNamespace];
      if (!repository || !kubernetesId || !namespace) return [];
      const own = (a[ANNOTATIONS.clusters] ?? '')
        .split(',')
        .map(c => c.trim())
        .filter(Boolean);
      const labelSelector = a[ANNOTATIONS.kubernetesLabelSelector];
      return [
        {
          entityRef: stringifyEntityRef(e),
          repository,
          kubernetesId,
          namespace,
          clusters: own.length ? own : clusters.slice(0, 1),
          ...(labelSelector ? { labelSelector } : {}),
        },
      ];
    })
    .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
  return { services, clusters };
}

function startOfUtcDay(ms: number): Date {
  return new Date(Math.floor(ms / DAY_MS) * DAY_MS);
}

/**
 * Sends deterministic demo history through the intake. Generation is pure per
 * day, so re-sending a day yields only duplicates; each run starts a little
 * before the newest demo event the log holds and so only tops up what is new.
 */
export async function seedDemoData(options: {
  catalog: CatalogService;
  auth: AuthService;
  intake: PlatformEventIntake;
  logger: LoggerService;
  historyDays: number;
  telemetryDays: number;
  now?: Date;
}): Promise<{ sent: number; accepted: number }> {
  const { catalog, auth, intake, logger } = options;
  const now = options.now ?? new Date();
  const { items } = await catalog.getEntities(
    { filter: { kind: ['Component', 'Resource'] } },
    { credentials: await auth.getOwnServiceCredentials() },
  );
  const demoCatalog = demoCatalogFrom(items);
  if (demoCatalog.services.length === 0) {
    logger.info('Demo data: no annotated components in the catalog yet');
    return { sent: 0, accepted: 0 };
  }
  const latest = await intake.latestOccurredAt(DEMO_SOURCE_PREFIX);
  const resumeFrom = latest
    ? Date.parse(latest) - RESUME_LOOKBACK_DAYS * DAY_MS
    : -Infinity;
  const window = (days: number) => ({
    from: startOfUtcDay(Math.max(now.getTime() - days * DAY_MS, resumeFrom)),
    to: now,
  });
  const events = generateDemoEvents({
    catalog: demoCatalog,
    delivery: window(options.historyDays),
    telemetry: window(options.telemetryDays),
  });
  const batchSize = intake.maxBatchSize;
  let accepted = 0;
  for (let i = 0; i < events.length; i += batchSize) {
    const result = await intake.ingest(events.slice(i, i + batchSize));
    accepted += result.accepted;
    if (result.rejected > 0) {
      // The generator only makes valid events: a rejection is a bug here, or
      // a contract change in the intake, and must not pass silently.
      const first = result.results.find(r => r.status === 'rejected');
      const reason =
        first?.status === 'rejected'
          ? `; first: ${first.source}/${first.id}: ${first.error}`
          : '';
      throw new Error(
        `demo generator produced ${result.rejected} invalid events${reason}`,
      );
    }
  }
  logger.info(
    `Demo data: sent ${events.length} events for ${demoCatalog.services.length} components, ${accepted} new`,
  );
  return { sent: events.length, accepted };
}
