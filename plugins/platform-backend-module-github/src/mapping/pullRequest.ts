import { CanonicalEventInput } from '@goldenpath/plugin-platform-common';
import {
  mergedPullRequestPayload,
  parsePayload,
  pullRequestAction,
} from '../payloads';
import { GITHUB_SOURCE, GithubMappingOptions, toRepository } from './types';

/**
 * A merged pull request becomes `change.merged`, keyed `<org/repo>#<number>`
 * so a redelivery is a duplicate. Closed-unmerged and other actions map to
 * nothing. Authors and reviewers are never read.
 *
 * @public
 */
export async function mapPullRequest(
  payload: unknown,
  options: Pick<GithubMappingOptions, 'lookups'> = {},
): Promise<CanonicalEventInput[]> {
  const head = parsePayload(pullRequestAction, payload, 'pull_request');
  if (head.action !== 'closed' || head.pull_request.merged !== true) {
    return [];
  }
  const { repository, pull_request: pr } = parsePayload(
    mergedPullRequestPayload,
    payload,
    'pull_request',
  );
  const name = repository.full_name;
  const commits = options.lookups
    ? await options.lookups.pullRequestCommits(
        toRepository(repository),
        pr.number,
      )
    : [];
  return [
    {
      id: `${name}#${pr.number}`,
      source: GITHUB_SOURCE,
      type: 'change.merged',
      occurredAt: pr.merged_at,
      subject: { kind: 'repository', name },
      data: {
        repository: name,
        prNumber: pr.number,
        mergeSha: pr.merge_commit_sha,
        commits,
        openedAt: pr.created_at,
        mergedAt: pr.merged_at,
        additions: pr.additions ?? 0,
        deletions: pr.deletions ?? 0,
        labels: pr.labels.map(label => label.name),
        url: pr.html_url,
      },
    },
  ];
}
