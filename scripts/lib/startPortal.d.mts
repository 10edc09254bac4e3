export interface Portal {
  baseUrl: string;
  /** The process group leader (backstage-cli); the backend runs below it. */
  pid: number;
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
}): Promise<Portal>;
