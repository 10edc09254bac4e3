import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EventSubject } from '@goldenpath/plugin-platform-common';
import { EntityIndex, LINKABLE_KINDS, LinkResult } from './EntityIndex';

/**
 * How long an empty index is reused. A catalog that returns no linkable
 * entity has usually not read its locations yet (backend startup): relying on
 * it for the full cache time would leave every event of those minutes
 * unlinked until the relink task.
 */
const EMPTY_INDEX_MAX_AGE_MS = 5_000;

export interface LinkTarget {
  subject: EventSubject;
  entityRef?: string;
}

/**
 * Resolves event subjects to catalog entities through a cached `EntityIndex`.
 * The cache is rebuilt when older than `maxAgeMs` and by the relink task; if the
 * catalog cannot be reached, events are kept unlinked with that reason and
 * linked on a later run, never dropped.
 */
export class CatalogEntityLinker {
  private index?: EntityIndex;
  private builtAt?: Date;
  private building?: Promise<EntityIndex>;
  /** The annotation problems last logged, so a rebuild repeats none. */
  private loggedProblems = '';

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      maxAgeMs: number;
      now?: () => number;
    },
  ) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** Rebuilds the index from the catalog now; concurrent callers share one fetch. */
  refresh(): Promise<EntityIndex> {
    if (!this.building) {
      this.building = this.fetchIndex().finally(() => {
        this.building = undefined;
      });
    }
    return this.building;
  }

  async link(targets: LinkTarget[]): Promise<LinkResult[]> {
    let index: EntityIndex;
    try {
      index = await this.currentIndex();
    } catch (error) {
      const reason = `catalog unavailable: ${(error as Error).message}`;
      return targets.map(() => ({ reason }));
    }
    return targets.map(t => index.resolve(t.subject, t.entityRef));
  }

  status(): { entitiesIndexed: number; indexBuiltAt: string | null } {
    return {
      entitiesIndexed: this.index?.size ?? 0,
      indexBuiltAt: this.builtAt?.toISOString() ?? null,
    };
  }

  private async currentIndex(): Promise<EntityIndex> {
    const maxAgeMs =
      this.index?.size === 0
        ? Math.min(this.options.maxAgeMs, EMPTY_INDEX_MAX_AGE_MS)
        : this.options.maxAgeMs;
    const fresh =
      this.index &&
      this.builtAt &&
      this.now() - this.builtAt.getTime() < maxAgeMs;
    if (fresh) return this.index!;
    try {
      return await this.refresh();
    } catch (error) {
      if (this.index) {
        this.options.logger.warn(
          `Linking with a stale entity index: ${(error as Error).message}`,
        );
        return this.index;
      }
      throw error;
    }
  }

  private logProblems(problems: string[]) {
    const key = problems.join('\n');
    if (key === this.loggedProblems) return;
    this.loggedProblems = key;
    for (const problem of problems) this.options.logger.warn(problem);
  }

  private async fetchIndex(): Promise<EntityIndex> {
    const { catalog, auth } = this.options;
    const { items } = await catalog.getEntities(
      {
        filter: { kind: LINKABLE_KINDS },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
          'spec.type',
        ],
      },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    const index = EntityIndex.fromEntities(items);
    this.logProblems(index.problems);
    this.index = index;
    this.builtAt = new Date(this.now());
    return index;
  }
}
