import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { ReactNode } from 'react';
import { CanaryStatus } from '../../api/types';
import { useCanaryStatus } from '../../hooks/useCanaryData';
import { SelectedCheck, useCanaryView } from '../../hooks/useCanaryView';
import { CanaryControls } from '../CanaryControls';
import { CheckDrawer } from '../CheckDrawer';

/** The window the backend falls back to before its answer names one. */
const FALLBACK_WINDOW = '24h';

export interface CanaryTabProps {
  entityRef: string;
  /** The view of the status; `select` opens a check's drawer. */
  children(
    status: CanaryStatus,
    select: (check: SelectedCheck) => void,
  ): ReactNode;
}

/**
 * The frame both Canary views share: the window picker, then loading,
 * error or the view, and the drawer of the selected check.
 */
export function CanaryTab(props: CanaryTabProps) {
  const { entityRef } = props;
  const view = useCanaryView();
  const { loading, error, value } = useCanaryStatus(entityRef, view.window);

  let body: ReactNode = null;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (value) {
    body = props.children(value, view.select);
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <CanaryControls
          window={view.window ?? value?.window.key ?? FALLBACK_WINDOW}
          onWindowChange={view.setWindow}
          status={loading ? undefined : value}
        />
      </Grid>
      <Grid item xs={12}>
        {body}
      </Grid>
      {value && !loading && (
        <CheckDrawer
          entityRef={entityRef}
          status={value}
          selected={view.selected}
          onClose={() => view.select(undefined)}
        />
      )}
    </Grid>
  );
}
