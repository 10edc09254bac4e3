import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Posting events changes what every tab shows, so it is a permission of its
 * own; services (CI through static tokens) are allowed by the framework.
 *
 * @public
 */
export const platformEventCreatePermission = createPermission({
  name: 'platform.event.create',
  attributes: { action: 'create' },
});

/**
 * Reading the raw event log (payloads, unlinked events) is an operator view.
 *
 * @public
 */
export const platformEventReadPermission = createPermission({
  name: 'platform.event.read',
  attributes: { action: 'read' },
});

/** @public */
export const platformPermissions = [
  platformEventCreatePermission,
  platformEventReadPermission,
];
