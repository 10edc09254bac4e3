import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/** New values by parameter name; `undefined` removes the parameter. */
export type UrlParamChanges = Record<string, string | undefined>;

/**
 * The URL's search parameters as view state, so a view can be shared by its
 * link. Changes replace the history entry (a picker is not a navigation) and
 * several parameters change in one update: react-router's functional update
 * sees the parameters of its render, so two updates in one event would lose
 * the first.
 *
 * @public
 */
export function useUrlParams(): [
  URLSearchParams,
  (changes: UrlParamChanges) => void,
] {
  const [searchParams, setSearchParams] = useSearchParams();
  const update = useCallback(
    (changes: UrlParamChanges) =>
      setSearchParams(
        previous => {
          const next = new URLSearchParams(previous);
          for (const [name, value] of Object.entries(changes)) {
            if (value === undefined) {
              next.delete(name);
            } else {
              next.set(name, value);
            }
          }
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );
  return [searchParams, update];
}
