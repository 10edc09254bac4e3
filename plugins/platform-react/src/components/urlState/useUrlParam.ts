import { useCallback, useRef } from 'react';
import { useUrlParams } from './useUrlParams';

/** @public */
export interface UrlParamOptions<T> {
  /** The value when the URL has none, or one `parse` rejects. */
  defaultValue: T;
  /** The value a URL string stands for, or `undefined` to fall back to the default. */
  parse(raw: string): T | undefined;
  /** How the value is written into the URL (default `String`). */
  format?(value: T): string;
}

/**
 * One URL search parameter as state (`?environment=staging`). The default is
 * left out of the URL, so links stay short and a changed default applies to
 * old links.
 *
 * @public
 */
export function useUrlParam<T>(
  name: string,
  options: UrlParamOptions<T>,
): [T, (value: T) => void] {
  const [searchParams, update] = useUrlParams();
  const raw = searchParams.get(name);
  const value =
    (raw === null ? undefined : options.parse(raw)) ?? options.defaultValue;

  // The setter stays the same function across renders even when the options
  // are written inline, so it can sit in effect and callback dependencies.
  const latest = useRef(options);
  latest.current = options;
  const setValue = useCallback(
    (next: T) => {
      const { defaultValue, format = String } = latest.current;
      const text = format(next);
      update({ [name]: text === format(defaultValue) ? undefined : text });
    },
    [update, name],
  );
  return [value, setValue];
}
