import { InputError } from '@backstage/errors';
import { validateCanonicalEvent } from '@goldenpath/plugin-platform-common';
import { fixture } from '../__testUtils__/fakeFetch';
import { mapGithubEvent } from './mapGithubEvent';
import { GithubLookups, GithubMappingOptions } from './types';

const options: GithubMappingOptions = {
  productionEnvironments: ['production', 'prod'],
  deploymentWorkflows: ['Deploy'],
};
const repository = {
  fullName: 'acme/payments-api',
  htmlUrl: 'https://github.com/acme/payments-api',
};
const commits = [
  {
    sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9001a2b3c4',
    committedAt: '2026-11-01T16:40:12Z',
  },
];
const shipped = ['8e7d6c5b4a3928170615f4e3d2c1b0a998877665'];

function stubLookups(): jest.Mocked<GithubLookups> {
  return {
    pullRequestCommits: jest.fn<
      ReturnType<GithubLookups['pullRequestCommits']>,
      Parameters<GithubLookups['pullRequestCommits']>
    >(async () => commits),
    deployedShas: jest.fn<
      ReturnType<GithubLookups['deployedShas']>,
      Parameters<GithubLookups['deployedShas']>
    >(async () => shipped),
  };
}

function expectValid(events: unknown[]) {
  for (const event of events) {
    expect(validateCanonicalEvent(event)).toMatchObject({ ok: true });
  }
}

describe('pull_request', () => {
  it('maps a merged pull request to change.merged with its commits', async () => {
    const lookups = stubLookups();
    const events = await mapGithubEvent(
      'pull_request',
      fixture('pull_request.closed.merged'),
      { ...options, lookups },
    );
    expect(events).toEqual([
      {
        id: 'acme/payments-api#42',
        source: 'github',
        type: 'change.merged',
        occurredAt: '2026-11-02T14:03:10Z',
        subject: { kind: 'repository', name: 'acme/payments-api' },
        data: {
          repository: 'acme/payments-api',
          prNumber: 42,
          mergeSha: '9f1c2e3d4b5a69788796a5b4c3d2e1f0a9b8c7d6',
          commits,
          openedAt: '2026-11-02T08:12:40Z',
          mergedAt: '2026-11-02T14:03:10Z',
          additions: 120,
          deletions: 14,
          labels: ['bug', 'ledger'],
          url: 'https://github.com/acme/payments-api/pull/42',
        },
      },
    ]);
    expect(lookups.pullRequestCommits).toHaveBeenCalledWith(repository, 42);
    expectValid(events);
  });

  it('sends the change without commits when there are no lookups', async () => {
    const [event] = await mapGithubEvent(
      'pull_request',
      fixture('pull_request.closed.merged'),
      options,
    );
    expect(event.data).toMatchObject({ commits: [] });
    expectValid([event]);
  });

  it('maps a pull request closed without merge, or any other action, to nothing', async () => {
    const lookups = stubLookups();
    const opened = fixture('pull_request.closed.merged');
    opened.action = 'opened';
    opened.pull_request.merged = false;
    for (const payload of [fixture('pull_request.closed.unmerged'), opened]) {
      expect(
        await mapGithubEvent('pull_request', payload, { ...options, lookups }),
      ).toEqual([]);
    }
    expect(lookups.pullRequestCommits).not.toHaveBeenCalled();
  });

  it('throws InputError naming the field of a merged pull request it cannot map', async () => {
    const payload = fixture('pull_request.closed.merged');
    delete payload.pull_request.merge_commit_sha;
    const mapping = mapGithubEvent('pull_request', payload, options);
    await expect(mapping).rejects.toThrow(InputError);
    await expect(
      mapGithubEvent('pull_request', payload, options),
    ).rejects.toThrow(/pull_request\.merge_commit_sha/);
  });
});

describe('deployment_status', () => {
  it('maps a successful production deployment, with the commits it shipped', async () => {
    const lookups = stubLookups();
    const events = await mapGithubEvent(
      'deployment_status',
      fixture('deployment_status.success'),
      { ...options, lookups },
    );
    expect(events).toEqual([
      {
        id: 'acme/payments-api/deployments/1502938475',
        source: 'github',
        type: 'deployment.finished',
        occurredAt: '2026-11-02T14:16:40Z',
        subject: { kind: 'repository', name: 'acme/payments-api' },
        data: {
          deploymentId: 'acme/payments-api/deployments/1502938475',
          environment: 'production',
          sha: '9f1c2e3d4b5a69788796a5b4c3d2e1f0a9b8c7d6',
          status: 'success',
          startedAt: '2026-11-02T14:10:02Z',
          finishedAt: '2026-11-02T14:16:40Z',
          changeShas: shipped,
          url: 'https://github.com/acme/payments-api/actions/runs/11987654321',
        },
      },
    ]);
    expect(lookups.deployedShas).toHaveBeenCalledWith(repository, {
      kind: 'deployment',
      deploymentId: 1502938475,
      environment: 'prod',
      sha: '9f1c2e3d4b5a69788796a5b4c3d2e1f0a9b8c7d6',
      createdAt: '2026-11-02T14:10:02Z',
    });
    expectValid(events);
  });

  it('maps a failed deployment, using the shas its deployment payload declares', async () => {
    const lookups = stubLookups();
    const [event] = await mapGithubEvent(
      'deployment_status',
      fixture('deployment_status.failure'),
      { ...options, lookups },
    );
    expect(event).toMatchObject({
      id: 'acme/payments-api/deployments/1502939911',
      data: {
        environment: 'staging',
        status: 'failure',
        changeShas: [
          '3d4e5f60718293a4b5c6d7e8f9001a2b3c4d5e6f',
          '2c3d4e5f60718293a4b5c6d7e8f9001a2b3c4d5e',
        ],
        // target_url is "" in the payload, so the log URL is used.
        url: 'https://github.com/acme/payments-api/actions/runs/11990001234',
      },
    });
    expect(lookups.deployedShas).not.toHaveBeenCalled();
    expectValid([event]);
  });

  it.each([
    ['success', 'success'],
    ['failure', 'failure'],
    ['error', 'failure'],
  ])('maps state %s to %s', async (state, status) => {
    const payload = fixture('deployment_status.success');
    payload.deployment_status.state = state;
    const [event] = await mapGithubEvent('deployment_status', payload, options);
    expect(event.data).toMatchObject({ status });
  });

  it.each(['inactive', 'pending', 'in_progress', 'queued', 'constructor'])(
    'maps non-terminal state %s to nothing',
    async state => {
      const payload = fixture('deployment_status.success');
      payload.deployment_status.state = state;
      expect(
        await mapGithubEvent('deployment_status', payload, options),
      ).toEqual([]);
    },
  );

  it('lower-cases environments that are not production', async () => {
    const payload = fixture('deployment_status.success');
    payload.deployment.environment = 'Staging-EU';
    const [event] = await mapGithubEvent('deployment_status', payload, {
      ...options,
      productionEnvironments: ['live'],
    });
    expect(event.data).toMatchObject({ environment: 'staging-eu' });
  });
});

describe('workflow_run', () => {
  it('maps a successful deployment workflow run on the default branch', async () => {
    const lookups = stubLookups();
    const events = await mapGithubEvent(
      'workflow_run',
      fixture('workflow_run.completed'),
      { ...options, lookups },
    );
    expect(events).toEqual([
      {
        id: 'acme/payments-api/runs/11987654321/1',
        source: 'github',
        type: 'deployment.finished',
        occurredAt: '2026-11-02T14:16:45Z',
        subject: { kind: 'repository', name: 'acme/payments-api' },
        data: {
          deploymentId: 'acme/payments-api/runs/11987654321/1',
          environment: 'production',
          sha: '9f1c2e3d4b5a69788796a5b4c3d2e1f0a9b8c7d6',
          status: 'success',
          startedAt: '2026-11-02T14:03:20Z',
          finishedAt: '2026-11-02T14:16:45Z',
          changeShas: shipped,
          url: 'https://github.com/acme/payments-api/actions/runs/11987654321',
        },
      },
    ]);
    expect(lookups.deployedShas).toHaveBeenCalledWith(repository, {
      kind: 'workflow-run',
      workflowId: 61234567,
      runId: 11987654321,
      branch: 'main',
      sha: '9f1c2e3d4b5a69788796a5b4c3d2e1f0a9b8c7d6',
      createdAt: '2026-11-02T14:03:20Z',
    });
    expectValid(events);
  });

  it.each([
    ['failure', 'failure'],
    ['timed_out', 'failure'],
    ['cancelled', 'cancelled'],
  ])('maps conclusion %s to %s', async (conclusion, status) => {
    const payload = fixture('workflow_run.completed');
    payload.workflow_run.conclusion = conclusion;
    const [event] = await mapGithubEvent('workflow_run', payload, options);
    expect(event.data).toMatchObject({ status });
  });

  it('gives a re-run attempt its own id', async () => {
    const payload = fixture('workflow_run.completed');
    payload.workflow_run.run_attempt = 2;
    const [event] = await mapGithubEvent('workflow_run', payload, options);
    expect(event.id).toBe('acme/payments-api/runs/11987654321/2');
  });

  it('does not look up commits for a cancelled run', async () => {
    const lookups = stubLookups();
    const payload = fixture('workflow_run.completed');
    payload.workflow_run.conclusion = 'cancelled';
    const [event] = await mapGithubEvent('workflow_run', payload, {
      ...options,
      lookups,
    });
    expect(event.data).toMatchObject({ changeShas: [] });
    expect(lookups.deployedShas).not.toHaveBeenCalled();
  });

  it.each<[string, (p: any) => void, Partial<GithubMappingOptions>]>([
    [
      'a workflow that is not configured',
      () => {},
      { deploymentWorkflows: [] },
    ],
    ['another branch', p => (p.workflow_run.head_branch = 'release-1'), {}],
    ['a run not completed', p => (p.action = 'in_progress'), {}],
    ['a skipped run', p => (p.workflow_run.conclusion = 'skipped'), {}],
    [
      'a run that never started',
      p => (p.workflow_run.conclusion = 'startup_failure'),
      {},
    ],
  ])('maps %s to nothing', async (_, change, overrides) => {
    const payload = fixture('workflow_run.completed');
    change(payload);
    expect(
      await mapGithubEvent('workflow_run', payload, {
        ...options,
        ...overrides,
      }),
    ).toEqual([]);
  });
});

describe('other events', () => {
  it.each([
    ['ping', fixture('ping')],
    ['push', { ref: 'refs/heads/main', commits: [] }],
    ['deployment', { action: 'created' }],
    ['issues', {}],
    [undefined, fixture('pull_request.closed.merged')],
  ])('maps %s to nothing', async (name, payload) => {
    expect(await mapGithubEvent(name, payload, options)).toEqual([]);
  });
});

describe('every mapping', () => {
  const deliveries: Array<[string, string]> = [
    ['pull_request', 'pull_request.closed.merged'],
    ['deployment_status', 'deployment_status.success'],
    ['deployment_status', 'deployment_status.failure'],
    ['workflow_run', 'workflow_run.completed'],
  ];

  it('gives a redelivery the same ids and content', async () => {
    for (const [name, file] of deliveries) {
      const first = await mapGithubEvent(name, fixture(file), options);
      const again = await mapGithubEvent(name, fixture(file), options);
      expect(first).toHaveLength(1);
      expect(again).toEqual(first);
    }
  });

  it('never carries personal data from the payload', async () => {
    for (const [name, file] of deliveries) {
      const text = JSON.stringify(
        await mapGithubEvent(name, fixture(file), {
          ...options,
          lookups: stubLookups(),
        }),
      );
      expect(text).not.toMatch(/octocat|deploy-bot|noreply/i);
    }
  });
});
