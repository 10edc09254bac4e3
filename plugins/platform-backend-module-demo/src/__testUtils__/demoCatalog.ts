import { DemoCatalog, DemoService } from '../generator/generateDemoEvents';

/** The example catalog's services (examples/components.yaml), as the generator sees them. */
const teams: Array<[string, string, string]> = [
  ['payments-api', 'payments', 'prod-eu-west-1,prod-us-east-1'],
  ['ledger-service', 'payments', 'prod-eu-west-1'],
  ['fraud-detector', 'payments', 'prod-eu-west-1,prod-us-east-1'],
  ['checkout-web', 'checkout', 'prod-eu-west-1,prod-us-east-1'],
  ['cart-service', 'checkout', 'prod-eu-west-1,prod-us-east-1'],
  ['notification-service', 'checkout', 'prod-eu-west-1'],
  ['catalog-search', 'discovery', 'prod-eu-west-1,prod-us-east-1'],
  ['recommendation-engine', 'discovery', 'prod-eu-west-1'],
  ['auth-gateway', 'platform', 'prod-eu-west-1,prod-us-east-1'],
  ['platform-docs', 'platform', 'prod-eu-west-1'],
];

/** As in examples/components.yaml. */
const labelSelectors: Record<string, string> = {
  'notification-service':
    'app.kubernetes.io/name=notification-service,app.kubernetes.io/component=notifier',
};

export const demoServices: DemoService[] = teams.map(
  ([name, namespace, clusters]) => ({
    entityRef: `component:default/${name}`,
    repository: `acme/${name}`,
    kubernetesId: name,
    namespace,
    clusters: clusters.split(','),
    ...(labelSelectors[name] ? { labelSelector: labelSelectors[name] } : {}),
  }),
);

export const demoCatalog: DemoCatalog = {
  services: demoServices,
  clusters: ['prod-eu-west-1', 'prod-us-east-1'],
};
