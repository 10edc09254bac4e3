import { DatabaseService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { EventStore } from '../eventLog/EventStore';
import { DatabaseProjectionStateStore } from '../projections/DatabaseProjectionStateStore';
import { Projection } from '../projections/Projection';
import { ProjectionRunner } from '../projections/ProjectionRunner';

/** The real runner on a test database, as plugin.ts builds it. */
export async function createTestRunner(options: {
  database: DatabaseService;
  events: EventStore;
  projections: Projection[];
  pageSize?: number;
}): Promise<ProjectionRunner> {
  return new ProjectionRunner({
    projections: options.projections,
    events: options.events,
    state: await DatabaseProjectionStateStore.create({
      database: options.database,
    }),
    logger: mockServices.logger.mock(),
    pageSize: options.pageSize,
  });
}
