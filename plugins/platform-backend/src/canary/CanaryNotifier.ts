import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { EventStore } from '../eventLog/EventStore';
import { clusterResourceRefs, resolveComponentClusters } from './canaryScope';
import {
  CanaryNotificationStatus,
  CanaryStore,
  CanaryTransitionRow,
} from './CanaryStore';
import { CanarySettings } from './config';

/** Transitions looked at per run; the next run goes on. */
const BATCH = 200;

type Update = Pick<CanaryTransitionRow, 'cluster' | 'check' | 'at'> & {
  notification: CanaryNotificationStatus;
  notifiedAt?: string;
};

/** The notification of one state change, to the owners of the components running in its cluster. */
export function transitionNotification(
  t: CanaryTransitionRow,
  clusterEntityRef: string | undefined,
) {
  const down = t.to === 'down';
  const [kind, namespace, name] = clusterEntityRef
    ? clusterEntityRef.split(/[:/]/)
    : [];
  return {
    title: down
      ? `Canary ${t.check} is failing in ${t.cluster}`
      : `Canary ${t.check} passes again in ${t.cluster}`,
    description: down
      ? `The ${t.capability} check has failed in a row since ${t.streakStartedAt} (down at ${t.at}). Services running in ${t.cluster} may be hit by platform trouble rather than by their own changes.`
      : `The ${t.capability} check has passed in a row since ${t.streakStartedAt} (up at ${t.at}).`,
    severity: down ? ('high' as const) : ('normal' as const),
    topic: `canary:${t.cluster}:${t.check}`,
    // one notification per check and cluster, updated by its next change
    scope: `canary:${t.cluster}:${t.check}`,
    ...(kind ? { link: `/catalog/${namespace}/${kind}/${name}/canary` } : {}),
  };
}

/**
 * Sends a Backstage notification for each state change (not each run), a
 * scheduled task on one replica: to the owners of the components running in
 * the check's cluster (entity recipients; the notifications backend
 * resolves owners). Each transition is sent at most once: its row records
 * what was done (a replay keeps that record). Not sent: changes while
 * flapping (muted), a check's first `up` (not news), changes older than
 * `notifications.maxAge` when first seen (history being backfilled or
 * replayed). A failed send is retried on the next run until it expires.
 */
export class CanaryNotifier {
  private readonly now: () => Date;

  constructor(
    private readonly options: {
      store: CanaryStore;
      catalog: CatalogService;
      auth: AuthService;
      eventLog: Pick<EventStore, 'entityClusters'>;
      notifications: NotificationService;
      settings: Pick<CanarySettings, 'notifications' | 'clusterLookbackMs'>;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async run(): Promise<void> {
    const { store, settings } = this.options;
    const pending = await store.listPendingTransitions(BATCH);
    if (pending.length === 0) return;
    const nowMs = this.now().getTime();
    const updates: Update[] = [];
    const toSend: CanaryTransitionRow[] = [];
    for (const t of pending) {
      const skip = skipReason(t, nowMs, settings.notifications.maxAgeMs);
      if (skip) updates.push({ ...key(t), notification: skip });
      else toSend.push(t);
    }
    if (toSend.length > 0) {
      const audience = await this.audience();
      for (const t of toSend) {
        const recipients = audience.components.get(t.cluster) ?? [];
        if (recipients.length === 0) {
          updates.push({ ...key(t), notification: 'no-recipients' });
          continue;
        }
        try {
          await this.options.notifications.send({
            recipients: { type: 'entity', entityRef: recipients },
            payload: transitionNotification(
              t,
              audience.clusterRefs.get(t.cluster),
            ),
          });
          updates.push({
            ...key(t),
            notification: 'sent',
            notifiedAt: this.now().toISOString(),
          });
        } catch (error) {
          this.options.logger.warn(
            `canary: notification of ${t.check} ${t.to} in ${t.cluster} failed, retried on the next run: ${error}`,
          );
        }
      }
    }
    await store.markNotifications(updates);
  }

  /** Components per cluster they run in, and the cluster Resources, as this plugin sees the catalog. */
  private async audience() {
    const { catalog, auth } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const [components, clusterRefs] = await Promise.all([
      catalog.getEntities(
        {
          filter: { kind: 'Component' },
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'metadata.annotations',
          ],
        },
        { credentials },
      ),
      clusterResourceRefs(catalog, credentials),
    ]);
    const resolved = await resolveComponentClusters(components.items, {
      eventLog: this.options.eventLog,
      store: this.options.store,
      lookbackMs: this.options.settings.clusterLookbackMs,
      now: this.now,
    });
    const byCluster = new Map<string, string[]>();
    for (const c of resolved) {
      for (const cluster of c.clusters) {
        byCluster.set(cluster, [
          ...(byCluster.get(cluster) ?? []),
          c.entityRef,
        ]);
      }
    }
    return { components: byCluster, clusterRefs };
  }
}

function key(t: CanaryTransitionRow) {
  return { cluster: t.cluster, check: t.check, at: t.at };
}

function skipReason(
  t: CanaryTransitionRow,
  nowMs: number,
  maxAgeMs: number,
): CanaryNotificationStatus | undefined {
  if (t.flapping) return 'muted';
  if (t.from === 'unknown' && t.to === 'up') return 'skipped';
  if (nowMs - Date.parse(t.at) > maxAgeMs) return 'expired';
  return undefined;
}
