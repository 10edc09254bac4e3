/*
 * Numbered deployment events for the crash and replica harnesses: one a
 * second from 2026-10-01, ids and deployment ids `<source>-<n>`.
 */
export function syntheticDeployment(source, n, options = {}) {
  const at = new Date(Date.UTC(2026, 9, 1) + n * 1000).toISOString();
  return {
    id: `${source}-${n}`,
    source,
    type: 'deployment.finished',
    occurredAt: at,
    subject: {
      kind: 'repository',
      name: options.repository ?? 'acme/payments-api',
    },
    data: {
      deploymentId: `${source}-${n}`,
      environment: 'production',
      sha: 'a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0',
      status: options.status ?? 'success',
      startedAt: at,
      finishedAt: at,
      changeShas: [],
    },
  };
}
