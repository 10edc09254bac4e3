import { resolveController } from './controller';

describe('resolveController', () => {
  it('maps a ReplicaSet to its Deployment by the pod-template-hash label', () => {
    expect(
      resolveController({
        kind: 'ReplicaSet',
        name: 'checkout-7d9f8b6c5d',
        pod: 'checkout-7d9f8b6c5d-x2k4p',
        podTemplateHash: '7d9f8b6c5d',
      }),
    ).toEqual({ kind: 'Deployment', name: 'checkout' });
    // a Deployment whose own name ends like a hash keeps it
    expect(
      resolveController({
        kind: 'ReplicaSet',
        name: 'api-v2-bcdfg-5f6b7c8d9',
        pod: 'api-v2-bcdfg-5f6b7c8d9-abcde',
        podTemplateHash: '5f6b7c8d9',
      }),
    ).toEqual({ kind: 'Deployment', name: 'api-v2-bcdfg' });
  });

  it('strips a hash-shaped suffix when the label is unknown, else keeps the ReplicaSet', () => {
    expect(
      resolveController({
        kind: 'ReplicaSet',
        name: 'checkout-7d9f8b6c5d',
        pod: 'p',
      }),
    ).toEqual({ kind: 'Deployment', name: 'checkout' });
    // "a", "e", "i", "o", "u", "0", "1", "3" are not in the hash alphabet
    expect(
      resolveController({
        kind: 'ReplicaSet',
        name: 'legacy-workers',
        pod: 'p',
      }),
    ).toEqual({ kind: 'ReplicaSet', name: 'legacy-workers' });
    // the label is known and the name does not end with it: a bare ReplicaSet
    expect(
      resolveController({
        kind: 'ReplicaSet',
        name: 'checkout-7d9f8b6c5d',
        pod: 'p',
        podTemplateHash: '5c4b3a2d1',
      }),
    ).toEqual({ kind: 'ReplicaSet', name: 'checkout-7d9f8b6c5d' });
  });

  it('maps a Job named <cronjob>-<minutes> to its CronJob, other Jobs stay', () => {
    expect(
      resolveController({ kind: 'job', name: 'report-29369880', pod: 'p' }),
    ).toEqual({ kind: 'CronJob', name: 'report' });
    expect(
      resolveController({ kind: 'Job', name: 'db-migrate-42', pod: 'p' }),
    ).toEqual({ kind: 'Job', name: 'db-migrate-42' });
  });

  it('spells lower-case kinds as Kubernetes does and keeps unknown kinds', () => {
    expect(
      resolveController({ kind: 'statefulset', name: 'ledger', pod: 'p' }),
    ).toEqual({
      kind: 'StatefulSet',
      name: 'ledger',
    });
    expect(
      resolveController({ kind: 'deployment', name: 'checkout', pod: 'p' }),
    ).toEqual({
      kind: 'Deployment',
      name: 'checkout',
    });
    expect(
      resolveController({ kind: 'Workflow', name: 'nightly', pod: 'p' }),
    ).toEqual({
      kind: 'Workflow',
      name: 'nightly',
    });
  });

  it('makes a pod without owner, or a static pod, its own controller', () => {
    expect(resolveController({ pod: 'debug-shell' })).toEqual({
      kind: 'Pod',
      name: 'debug-shell',
    });
    expect(
      resolveController({ kind: '<none>', name: '<none>', pod: 'debug-shell' }),
    ).toEqual({ kind: 'Pod', name: 'debug-shell' });
    expect(
      resolveController({
        kind: 'Node',
        name: 'ip-10-0-1-23',
        pod: 'kube-proxy-ip-10-0-1-23',
      }),
    ).toEqual({ kind: 'Pod', name: 'kube-proxy-ip-10-0-1-23' });
  });
});
