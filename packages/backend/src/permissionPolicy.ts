/*
 * The example portal's permission policy, instead of allow-all: everyone who
 * signs in reads; only admins change things. Service principals (other
 * backends, the CI ingest token) never reach a policy: Backstage decides for
 * them from their access restrictions (app-config.yaml restricts the ingest
 * token to platform.event.create).
 */
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  platformCanaryRunPermission,
  platformEventCreatePermission,
  platformEventReadUnlinkedPermission,
} from '@goldenpath/plugin-platform-common';

/**
 * Members of this group are admins. Membership comes from the user's
 * ownership refs, which the sign-in resolver fills from the catalog's
 * memberOf relations (or, for the guest provider, from
 * `auth.providers.guest.ownershipEntityRefs`).
 */
export const ADMIN_GROUP = 'group:default/platform-admins';

/** Permissions that only admins are granted, whatever their action. */
const ADMIN_ONLY = new Set([
  platformEventCreatePermission.name,
  platformEventReadUnlinkedPermission.name,
  platformCanaryRunPermission.name,
]);

/**
 * - reads (`action: read`: catalog entities and locations, the platform's
 *   event log and DORA): allowed to every signed-in user, guests included.
 *   The event log then shows only entities the user may see in the catalog.
 * - posting events (`platform.event.create`) and reading events linked to no
 *   entity (`platform.event.read.unlinked`): admins only.
 * - running a canary check now (`platform.canary.run`, the Canary tab's
 *   "Run now"): admins only. A run probes a cluster and writes a result
 *   every tab shows; the owners of the services running there can ask the
 *   platform team, who own the checks.
 * - everything else (creating, changing, deleting catalog entities and
 *   locations, analysing a location): admins only.
 */
export class GoldenPathPermissionPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { name, attributes } = request.permission;
    if (!ADMIN_ONLY.has(name) && attributes.action === 'read') {
      return { result: AuthorizeResult.ALLOW };
    }
    return {
      result: isAdmin(user) ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
    };
  }
}

function isAdmin(user?: PolicyQueryUser): boolean {
  return (
    user?.info.ownershipEntityRefs.some(
      ref => ref.toLocaleLowerCase('en-US') === ADMIN_GROUP,
    ) ?? false
  );
}

/** Installs the policy in the permission backend. */
export const goldenPathPermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'goldenpath-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new GoldenPathPermissionPolicy());
      },
    });
  },
});
