import { Table, TableColumn } from '@backstage/core-components';
import { StatusChip } from '@goldenpath/plugin-platform-react';
import Typography from '@material-ui/core/Typography';
import { CanaryRunItem } from '../../api/types';
import { OUTCOME_LABEL, OUTCOME_STATUS } from '../canaryStatus';
import { formatDateTime, formatDuration } from '../format';

const columns: TableColumn<CanaryRunItem>[] = [
  {
    title: 'Time',
    field: 'startedAt',
    defaultSort: 'desc',
    // One line: the drawer's narrow column broke "23:00:02" after "23:00:0".
    render: run => (
      <span style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(run.startedAt)}
      </span>
    ),
  },
  {
    title: 'Outcome',
    field: 'outcome',
    render: run => (
      <StatusChip
        status={OUTCOME_STATUS[run.outcome]}
        label={OUTCOME_LABEL[run.outcome]}
        title={`Outcome: ${OUTCOME_LABEL[run.outcome]}`}
      />
    ),
  },
  {
    title: 'Duration',
    field: 'durationMs',
    type: 'numeric',
    render: run => formatDuration(run.durationMs),
  },
  {
    title: 'Errors',
    field: 'errors',
    sorting: false,
    // A URL in an error may break anywhere rather than widen the table.
    render: run =>
      run.errors.length > 0 ? (
        <span style={{ overflowWrap: 'anywhere' }}>
          {run.errors.join('; ')}
        </span>
      ) : (
        '–'
      ),
  },
  {
    title: 'Trigger',
    field: 'trigger',
    render: run => (run.trigger === 'manual' ? 'Run now' : 'Schedule'),
  },
  { title: 'Source', field: 'source' },
];

/** The run timeline of one check, newest first. */
export function RunsTable(props: {
  runs: readonly CanaryRunItem[];
  more: boolean;
}) {
  const { runs, more } = props;
  return (
    <Table<CanaryRunItem>
      title={`Runs (${runs.length}${more ? '+' : ''})`}
      subtitle={
        more
          ? 'The latest runs of the window; older ones are not shown.'
          : undefined
      }
      data={[...runs]}
      columns={columns}
      options={{
        paging: runs.length > 10,
        pageSize: 10,
        pageSizeOptions: [10, 25, 50],
        search: false,
        padding: 'dense',
        draggable: false,
      }}
      emptyContent={
        <Typography
          variant="body2"
          color="textSecondary"
          style={{ padding: 16 }}
        >
          No run of this check in the window.
        </Typography>
      }
    />
  );
}
