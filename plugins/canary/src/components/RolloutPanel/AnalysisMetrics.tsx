import { StatusChip } from '@goldenpath/plugin-platform-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { CanaryRollout } from '../../api/types';
import {
  ANALYSIS_STATUS,
  formatMetricNumber,
  METRIC_VERDICT_LABEL,
  METRIC_VERDICT_STATUS,
} from './rolloutStatus';

/** The rollout's analysis: each metric's latest value, threshold and verdict. */
export function AnalysisMetrics(props: {
  analysis: NonNullable<CanaryRollout['analysis']>;
}) {
  const { analysis } = props;
  const title = `Analysis${analysis.name ? ` ${analysis.name}` : ''}`;
  return (
    <section aria-label="Analysis">
      <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
        <Typography variant="subtitle2" component="h4">
          {title}
        </Typography>
        <StatusChip
          status={ANALYSIS_STATUS[analysis.status]}
          label={analysis.status}
          title={`Analysis: ${analysis.status}`}
        />
      </div>
      {analysis.metrics.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No metric measured yet.
        </Typography>
      ) : (
        <Table size="small" aria-label="Analysis metrics">
          <TableHead>
            <TableRow>
              <TableCell>Metric</TableCell>
              <TableCell align="right">Value</TableCell>
              <TableCell align="right">Threshold</TableCell>
              <TableCell>Condition</TableCell>
              <TableCell>Verdict</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {analysis.metrics.map(metric => (
              <TableRow key={metric.name}>
                <TableCell component="th" scope="row">
                  {metric.name}
                </TableCell>
                <TableCell align="right">
                  {formatMetricNumber(metric.value)}
                </TableCell>
                <TableCell align="right">
                  {formatMetricNumber(metric.threshold)}
                </TableCell>
                <TableCell>
                  {metric.condition ? <code>{metric.condition}</code> : '–'}
                </TableCell>
                <TableCell>
                  <StatusChip
                    status={METRIC_VERDICT_STATUS[metric.verdict]}
                    label={METRIC_VERDICT_LABEL[metric.verdict]}
                    title={`${metric.name}: ${
                      METRIC_VERDICT_LABEL[metric.verdict]
                    }`}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
