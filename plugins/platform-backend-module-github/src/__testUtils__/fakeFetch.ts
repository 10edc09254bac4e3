/** A GitHub API answer: JSON with a status (200 unless given). */
export type FakeRoute = { status?: number; body: unknown };

/**
 * A `fetch` that answers from a table keyed by `pathname?search` (or just the
 * pathname) and 404s anything else, recording every URL it was asked for.
 */
export function fakeFetch(routes: Record<string, FakeRoute>) {
  const calls: Array<{ url: string; headers: Record<string, string> }> = [];
  const fn = jest.fn(
    async (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      calls.push({
        url: url.toString(),
        headers: { ...(init?.headers as any) },
      });
      const route = routes[`${url.pathname}${url.search}`] ??
        routes[url.pathname] ?? {
          status: 404,
          body: { message: 'Not Found' },
        };
      const status = route.status ?? 200;
      return new Response(JSON.stringify(route.body), {
        status,
        statusText: status === 200 ? 'OK' : 'Error',
        headers: { 'content-type': 'application/json' },
      });
    },
  );
  return { fetch: fn as unknown as typeof fetch, calls };
}

export function fixture(name: string): any {
  // Fresh copy per call: tests mutate payloads.
  return JSON.parse(JSON.stringify(require(`../__fixtures__/${name}.json`)));
}
