/**
 * Remembers the last event id sent per key (a check, a rollout), so a poll
 * sends only what changed since. In memory: after a restart, or when another
 * replica polls, the first poll re-sends the latest state, which the intake
 * takes as a duplicate (same source and id).
 */
export class ChangeFilter {
  private readonly sent = new Map<string, string>();

  changed<T extends { id: string }>(
    items: Array<{ key: string; event: T }>,
  ): Array<{ key: string; event: T }> {
    return items.filter(({ key, event }) => this.sent.get(key) !== event.id);
  }

  remember(key: string, id: string) {
    this.sent.set(key, id);
  }
}
