import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  platform?: {
    /**
     * Demo history (`@goldenpath/plugin-platform-backend-module-demo`): for
     * trial portals only, never production.
     */
    demo?: {
      /**
       * Generates realistic, deterministic history for the catalog's components
       * and clusters and sends it through the intake. Installing the module is
       * the opt-in; set false to keep it installed but idle.
       * @default true
       * @visibility backend
       */
      enabled?: boolean;
      /**
       * Days of changes, deployments and incidents to generate (twice the DORA
       * tab's default window, so its comparison with the previous period has data).
       * @default 180
       * @visibility backend
       */
      historyDays?: number;
      /**
       * Days of hourly pod usage, node costs and canary runs to generate.
       * @default 30
       * @visibility backend
       */
      telemetryDays?: number;
      /**
       * When to top the demo history up with new days.
       * @default { frequency: { hours: 1 }, timeout: { minutes: 10 }, initialDelay: { seconds: 15 } }
       * @visibility backend
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
