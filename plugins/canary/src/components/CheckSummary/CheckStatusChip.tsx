import { CanaryDisplayStatus } from '@goldenpath/plugin-platform-common';
import { StatusChip } from '@goldenpath/plugin-platform-react';
import { DISPLAY_LABEL, DISPLAY_STATUS } from '../canaryStatus';

/** A cell's or a check's display status (up, down, stale, flapping, maintenance, unknown). */
export function CheckStatusChip(props: {
  display: CanaryDisplayStatus;
  title?: string;
}) {
  const label = DISPLAY_LABEL[props.display];
  return (
    <StatusChip
      status={DISPLAY_STATUS[props.display]}
      label={label}
      title={props.title ?? `Canary: ${label}`}
    />
  );
}
