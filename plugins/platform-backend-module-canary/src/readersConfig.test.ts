import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { readKubernetesClusters } from './kubernetes/clusters';
import {
  READER_DEFAULTS,
  lazyClusters,
  readKuberhealthySettings,
  readRolloutsSettings,
} from './readersConfig';

const kubernetes = {
  clusterLocatorMethods: [
    {
      type: 'config',
      clusters: [
        {
          name: 'prod-eu',
          url: 'https://api.prod-eu.example.com/',
          authProvider: 'serviceAccount',
          serviceAccountToken: 'token-eu',
          caData: Buffer.from('-----BEGIN CERTIFICATE-----\nx\n').toString(
            'base64',
          ),
        },
        {
          name: 'prod-us',
          url: 'https://api.prod-us.example.com',
          authMetadata: { 'kubernetes.io/auth-provider': 'serviceAccount' },
          skipTLSVerify: true,
        },
        { name: 'eks', url: 'https://eks.example.com', authProvider: 'aws' },
      ],
    },
    { type: 'catalog' },
  ],
};

function setUp(canary: JsonObject) {
  const config = new ConfigReader({ kubernetes, platform: { canary } });
  const logger = mockServices.logger.mock();
  const known = lazyClusters(() => readKubernetesClusters(config, logger));
  return { config, logger, known };
}

describe('reader settings', () => {
  it('reads the usable clusters of the Kubernetes config and says which it skips', () => {
    const { config, logger, known } = setUp({});
    expect(known()).toEqual([
      {
        name: 'prod-eu',
        url: 'https://api.prod-eu.example.com',
        token: { value: 'token-eu' },
        ca: '-----BEGIN CERTIFICATE-----\nx\n',
        skipTLSVerify: false,
      },
      {
        name: 'prod-us',
        url: 'https://api.prod-us.example.com',
        token: { file: '/var/run/secrets/kubernetes.io/serviceaccount/token' },
        ca: undefined,
        skipTLSVerify: true,
      },
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('cluster eks uses authProvider aws'),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'kubernetes.clusterLocatorMethods[1] of type catalog',
      ),
    );
    expect(readKuberhealthySettings(config, known)).toBeUndefined();
  });

  it('turns a reader on by its block, with defaults, all clusters or those named', () => {
    const { config, known } = setUp({
      kuberhealthy: {
        clusters: ['prod-us'],
        defaultCapability: 'dns',
        capabilities: { 'kuberhealthy/http-ingress': 'ingress' },
      },
      rollouts: {
        schedule: { frequency: { minutes: 5 }, timeout: { minutes: 1 } },
      },
    });
    const kuberhealthy = readKuberhealthySettings(config, known)!;
    expect(kuberhealthy.clusters.map(c => c.name)).toEqual(['prod-us']);
    expect(kuberhealthy.rules).toEqual({
      byCheck: { 'kuberhealthy/http-ingress': 'ingress' },
      fallback: 'dns',
    });
    expect(kuberhealthy.schedule).toEqual(READER_DEFAULTS.schedule);
    const rollouts = readRolloutsSettings(config, known)!;
    expect(rollouts.clusters.map(c => c.name)).toEqual(['prod-eu', 'prod-us']);
    expect(rollouts.schedule).toMatchObject({ frequency: { minutes: 5 } });
  });

  it('stays off with enabled: false, and names wrong values', () => {
    expect(
      readRolloutsSettings(
        setUp({ rollouts: { enabled: false } }).config,
        () => [],
      ),
    ).toBeUndefined();
    const unknown = setUp({ kuberhealthy: { clusters: ['eks'] } });
    expect(() =>
      readKuberhealthySettings(unknown.config, unknown.known),
    ).toThrow(
      'platform.canary.kuberhealthy.clusters: cluster "eks" is not among the usable clusters of kubernetes.clusterLocatorMethods (prod-eu, prod-us)',
    );
    const capability = setUp({
      kuberhealthy: { capabilities: { 'a/b': 'web' } },
    });
    expect(() =>
      readKuberhealthySettings(capability.config, capability.known),
    ).toThrow(
      'platform.canary.kuberhealthy.capabilities["a/b"] "web" is not a capability',
    );
  });
});
