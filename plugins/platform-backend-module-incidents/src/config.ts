import { Config } from '@backstage/config';

export interface IncidentsConfig {
  webhookSecret?: string;
  pagerduty: {
    webhookSecret?: string;
    /** PagerDuty service id → entity ref. */
    services: Record<string, string>;
  };
}

export function readIncidentsConfig(config: Config): IncidentsConfig {
  const incidents = config.getOptionalConfig('platform.incidents');
  const pagerduty = incidents?.getOptionalConfig('pagerduty');
  const services = pagerduty?.getOptionalConfig('services');
  return {
    webhookSecret: incidents?.getOptionalString('webhookSecret') || undefined,
    pagerduty: {
      webhookSecret: pagerduty?.getOptionalString('webhookSecret') || undefined,
      services: Object.fromEntries(
        (services?.keys() ?? []).map(id => [id, services!.getString(id)]),
      ),
    },
  };
}
