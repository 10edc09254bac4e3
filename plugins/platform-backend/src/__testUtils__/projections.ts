import { DatabaseService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { EventStore } from '../eventLog/EventStore';
import { DatabaseProjectionStateStore } from '../projections/DatabaseProjectionStateStore';
import { Projection } from '../projections/Projection';
import { ProjectionRunner } from '../projections/ProjectionRunner';

/**
 * The real runner on a test database, as plugin.ts builds it. Its `catchUp`
 * fails the test when a projection dead-lettered an event: the runner logs
 * and moves on, so a broken apply would otherwise pass as "less data".
 * Tests of dead-lettering itself pass `allowDeadLetters`.
 */
export async function createTestRunner(options: {
  database: DatabaseService;
  events: EventStore;
  projections: Projection[];
  pageSize?: number;
  allowDeadLetters?: boolean;
}): Promise<ProjectionRunner> {
  const state = await DatabaseProjectionStateStore.create({
    database: options.database,
  });
  const runner = new ProjectionRunner({
    projections: options.projections,
    events: options.events,
    state,
    logger: mockServices.logger.mock(),
    pageSize: options.pageSize,
  });
  if (options.allowDeadLetters) return runner;
  const catchUp = runner.catchUp.bind(runner);
  runner.catchUp = async () => {
    const applied = await catchUp();
    const names = options.projections.map(p => p.name);
    const dead = (await state.status(names)).filter(s => s.deadLetters > 0);
    if (dead.length > 0) {
      const letters = await state.listDeadLetters(dead[0].name, 3);
      throw new Error(
        `projection ${dead[0].name} dead-lettered: ${JSON.stringify(letters)}`,
      );
    }
    return applied;
  };
  return runner;
}
