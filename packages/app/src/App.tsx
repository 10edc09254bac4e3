import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';

/**
 * The Golden Path portal on the New Frontend System. The Golden Path plugins
 * are not listed here: feature discovery (`app.packages: all`) loads every
 * frontend plugin this package depends on, the platform plugin (the one
 * provider of the platform API) and the tabs (DORA, then Cost, Canary,
 * Onboarding).
 */
export default createApp({
  features: [
    catalogPlugin,
    orgPlugin,
    userSettingsPlugin,
    navModule,
    signInModule,
  ],
});
