import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/** The time ranges the picker offers, in days. */
export const DORA_RANGES = [30, 90, 180] as const;
export type DoraRange = (typeof DORA_RANGES)[number];
export const DEFAULT_RANGE: DoraRange = 90;

/** The environments the picker offers. */
export const DORA_ENVIRONMENTS = ['production', 'staging'] as const;
export type DoraEnvironment = (typeof DORA_ENVIRONMENTS)[number];
export const DEFAULT_ENVIRONMENT: DoraEnvironment = 'production';

const RANGE_PARAM = 'days';
const ENVIRONMENT_PARAM = 'environment';

export interface DoraFilters {
  days: DoraRange;
  environment: DoraEnvironment;
  setDays(days: DoraRange): void;
  setEnvironment(environment: DoraEnvironment): void;
}

function parseRange(value: string | null): DoraRange {
  const days = Number(value);
  return (DORA_RANGES as readonly number[]).includes(days)
    ? (days as DoraRange)
    : DEFAULT_RANGE;
}

function parseEnvironment(value: string | null): DoraEnvironment {
  return (DORA_ENVIRONMENTS as readonly string[]).includes(value ?? '')
    ? (value as DoraEnvironment)
    : DEFAULT_ENVIRONMENT;
}

/**
 * The time range and environment, kept in the URL (`?days=30&environment=staging`)
 * so a view can be shared; defaults are left out of the URL.
 */
export function useDoraFilters(): DoraFilters {
  const [searchParams, setSearchParams] = useSearchParams();
  const days = parseRange(searchParams.get(RANGE_PARAM));
  const environment = parseEnvironment(searchParams.get(ENVIRONMENT_PARAM));

  const update = useCallback(
    (key: string, value: string, defaultValue: string) =>
      setSearchParams(
        previous => {
          const next = new URLSearchParams(previous);
          if (value === defaultValue) {
            next.delete(key);
          } else {
            next.set(key, value);
          }
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );

  const setDays = useCallback(
    (value: DoraRange) =>
      update(RANGE_PARAM, String(value), String(DEFAULT_RANGE)),
    [update],
  );
  const setEnvironment = useCallback(
    (value: DoraEnvironment) =>
      update(ENVIRONMENT_PARAM, value, DEFAULT_ENVIRONMENT),
    [update],
  );

  return useMemo(
    () => ({ days, environment, setDays, setEnvironment }),
    [days, environment, setDays, setEnvironment],
  );
}
