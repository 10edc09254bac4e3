export interface Portal {
  baseUrl: string;
  /** The process group leader (backstage-cli); the backend runs below it. */
  pid: number;
  database: 'sqlite' | 'pg';
  /** PostgreSQL only: the prefix of the per-plugin databases stop() drops. */
  databasePrefix?: string;
  /** PostgreSQL only: the databases the backend created under the prefix. */
  listDatabases(): Promise<string[]>;
  /** GET with a guest token. */
  api(path: string): Promise<Response>;
  waitFor<T>(
    probe: () => Promise<T | undefined | false>,
    timeoutMs: number,
  ): Promise<T>;
  stop(): Promise<void>;
}

export function startPortal(options: {
  root: string;
  port?: number;
  demo?: boolean;
  /** The frontend package app-backend serves (`app.packageName`), default `app`. */
  app?: string;
  /**
   * `sqlite` (a temporary folder, the default) or `pg`: fresh per-plugin
   * databases on BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING's
   * server, dropped by stop().
   */
  database?: 'sqlite' | 'pg';
}): Promise<Portal>;
