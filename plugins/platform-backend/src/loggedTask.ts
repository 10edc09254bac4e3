import { LoggerService } from '@backstage/backend-plugin-api';

/**
 * A scheduled task's function that logs (at debug) each run with its
 * duration: with several replicas, the logs show which one ran a global task
 * at each tick, and that only one did.
 */
export function loggedTask(
  logger: LoggerService,
  taskId: string,
  fn: () => Promise<void>,
): () => Promise<void> {
  return async () => {
    const started = Date.now();
    try {
      await fn();
      logger.debug(`task ${taskId} ran in ${Date.now() - started} ms`, {
        taskId,
      });
    } catch (error) {
      logger.warn(`task ${taskId} failed after ${Date.now() - started} ms`, {
        taskId,
        error: String(error),
      });
      throw error;
    }
  };
}
