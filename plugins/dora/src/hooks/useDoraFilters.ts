import {
  TimeWindowState,
  useTimeWindow,
  useUrlParam,
} from '@goldenpath/plugin-platform-react';
import { useMemo } from 'react';

/** The window lengths the picker offers, in days. */
export const DORA_RANGES = [30, 90, 180] as const;
export const DEFAULT_RANGE = 90;

/** The backend's default environment (`platform.dora.environment`). */
export const DEFAULT_ENVIRONMENT = 'production';

export interface DoraFilters extends TimeWindowState {
  environment: string;
  setEnvironment(environment: string): void;
}

/**
 * The time window and environment, kept in the URL
 * (`?days=30&environment=staging`) so a view can be shared; defaults are
 * left out of the URL.
 */
export function useDoraFilters(): DoraFilters {
  const time = useTimeWindow({
    options: DORA_RANGES,
    defaultDays: DEFAULT_RANGE,
  });
  const [environment, setEnvironment] = useUrlParam('environment', {
    defaultValue: DEFAULT_ENVIRONMENT,
    parse: raw => raw.trim() || undefined,
  });
  return useMemo(
    () => ({ ...time, environment, setEnvironment }),
    [time, environment, setEnvironment],
  );
}
