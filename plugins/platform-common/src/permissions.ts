import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Posting events changes what every tab shows, so it is a permission of its
 * own. Service principals (CI through a static token, other backends) get a
 * decision from their access restrictions, never from the policy: restrict a
 * CI token to this permission in `backend.auth.externalAccess`.
 *
 * @public
 */
export const platformEventCreatePermission = createPermission({
  name: 'platform.event.create',
  attributes: { action: 'create' },
});

/**
 * Reading the raw event log (`GET /events`). Even when allowed, a caller sees
 * only events linked to entities it may see in the catalog (the
 * `catalog.entity.read` decision, conditions included), and unlinked events
 * only with `platform.event.read.unlinked`.
 *
 * @public
 */
export const platformEventReadPermission = createPermission({
  name: 'platform.event.read',
  attributes: { action: 'read' },
});

/**
 * Reading events linked to no catalog entity (`GET /events?unlinked=true`, and
 * unlinked events in an unfiltered listing). No catalog permission can decide
 * who may see them, and their subjects name repositories, clusters and
 * services that may be outside anything the caller can see: an operator's
 * permission.
 *
 * @public
 */
export const platformEventReadUnlinkedPermission = createPermission({
  name: 'platform.event.read.unlinked',
  attributes: { action: 'read' },
});

/**
 * Running a canary check now (`POST /canary/clusters/{cluster}/checks/{check}/run`,
 * the check drawer's "Run now"). A run probes the cluster and writes a
 * `canary.run` that every tab shows, so it is an action of its own, not a
 * read: the example policy grants it to platform admins only.
 *
 * @public
 */
export const platformCanaryRunPermission = createPermission({
  name: 'platform.canary.run',
  attributes: { action: 'update' },
});

/**
 * Every permission of the platform plugin; the backend registers them all
 * with the permissions registry.
 *
 * @public
 */
export const platformPermissions = [
  platformEventCreatePermission,
  platformEventReadPermission,
  platformEventReadUnlinkedPermission,
  platformCanaryRunPermission,
];
