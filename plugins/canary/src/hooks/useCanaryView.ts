import { useUrlParams } from '@goldenpath/plugin-platform-react';
import { useCallback, useMemo } from 'react';
import { CanaryWindowKey } from '../api/types';

/** The windows the picker offers, as the backend names them. */
export const CANARY_WINDOWS = [
  { value: '1h', label: 'Last hour' },
  { value: '24h', label: 'Last 24 hours' },
  { value: '7d', label: 'Last 7 days' },
  { value: '30d', label: 'Last 30 days' },
] as const satisfies readonly { value: CanaryWindowKey; label: string }[];

function parseWindow(raw: string | null): CanaryWindowKey | undefined {
  return CANARY_WINDOWS.find(w => w.value === raw)?.value;
}

/** The check whose drawer is open. */
export interface SelectedCheck {
  cluster: string;
  check: string;
}

export interface CanaryView {
  /**
   * The window from the URL (`?window=7d`); `undefined` leaves it to the
   * backend's `platform.canary.defaultWindow`, which the answer names.
   */
  window?: CanaryWindowKey;
  setWindow(window: CanaryWindowKey): void;
  /** The check whose drawer is open (`?cluster=…&check=…`), so a link opens it. */
  selected?: SelectedCheck;
  select(check: SelectedCheck | undefined): void;
}

/** The Canary tab's view state, kept in the URL so a view can be shared. */
export function useCanaryView(): CanaryView {
  const [params, update] = useUrlParams();
  const window = parseWindow(params.get('window'));
  const cluster = params.get('cluster');
  const check = params.get('check');
  const selected = useMemo(
    () => (cluster && check ? { cluster, check } : undefined),
    [cluster, check],
  );
  const setWindow = useCallback(
    (next: CanaryWindowKey) => update({ window: next }),
    [update],
  );
  const select = useCallback(
    (next: SelectedCheck | undefined) =>
      update({ cluster: next?.cluster, check: next?.check }),
    [update],
  );
  return { window, setWindow, selected, select };
}
