import { ConfigReader } from '@backstage/config';
import appPlugin from '@backstage/plugin-app';
import { prepareSpecializedApp } from '@backstage/frontend-app-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  FrontendFeature,
} from '@backstage/frontend-plugin-api';
import {
  PlatformClient,
  platformApiRef,
} from '@goldenpath/plugin-platform-react';
import packageJson from '../package.json';

/**
 * The Golden Path plugins this app depends on, as feature discovery
 * (`app.packages: all`) loads them: the default export of each `/alpha`.
 */
async function goldenpathFeatures(): Promise<FrontendFeature[]> {
  const names = Object.keys(packageJson.dependencies).filter(name =>
    name.startsWith('@goldenpath/plugin-'),
  );
  return Promise.all(
    names.map(async name => (await import(`${name}/alpha`)).default),
  );
}

/** The app plugin that createApp always adds, signed in already. */
const appWithoutSignIn = appPlugin.withOverrides({
  extensions: [
    appPlugin.getExtension('sign-in-page:app').override({ disabled: true }),
  ],
});

/** Starts the app as createApp would, up to the full extension tree. */
function startApp(features: FrontendFeature[]) {
  return prepareSpecializedApp({
    features: [appWithoutSignIn, ...features],
    config: new ConfigReader({
      app: { baseUrl: 'http://localhost:3000' },
      backend: { baseUrl: 'http://localhost:7007' },
    }),
  }).finalize();
}

describe('the Golden Path plugins of the portal', () => {
  it('install side by side, with the platform plugin as the one API provider', async () => {
    const features = await goldenpathFeatures();
    expect(features.map(f => String(f))).toEqual(
      expect.arrayContaining([
        'Plugin{id=platform}',
        'Plugin{id=dora}',
        'Plugin{id=cost}',
        'Plugin{id=canary}',
      ]),
    );

    const app = startApp(features);

    expect(app.errors ?? []).toEqual([]);
    expect(app.tree.nodes.get('api:platform')).toBeDefined();
    expect(app.apis.get(platformApiRef)).toBeInstanceOf(PlatformClient);
  });

  it('would be rejected if a tab provided the platform API as well', async () => {
    const tabProvidingTheApi = createFrontendPlugin({
      pluginId: 'some-tab',
      extensions: [
        ApiBlueprint.make({
          params: defineParams =>
            defineParams({
              api: platformApiRef,
              deps: {},
              factory: () => ({} as any),
            }),
        }),
      ],
    });

    const app = startApp([...(await goldenpathFeatures()), tabProvidingTheApi]);

    expect(app.errors?.map(e => e.code)).toContain('API_FACTORY_CONFLICT');
  });
});
