import {
  ScmIntegrationsApi,
  scmIntegrationsApiRef,
} from '@backstage/integration-react';
import {
  AnyApiFactory,
  configApiRef,
  createApiFactory,
} from '@backstage/core-plugin-api';
import { platformApiFactory } from '@goldenpath/plugin-platform';

/**
 * The app's API factories. `platformApiFactory` is the one provider of the
 * platform API that every Golden Path tab uses; the tabs never provide it.
 */
export const apis: AnyApiFactory[] = [
  createApiFactory({
    api: scmIntegrationsApiRef,
    deps: { configApi: configApiRef },
    factory: ({ configApi }) => ScmIntegrationsApi.fromConfig(configApi),
  }),
  platformApiFactory,
];
