import { StatusChip } from '@goldenpath/plugin-platform-react';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CanaryStatus } from '../../api/types';
import { VERDICT_LABEL, VERDICT_STATUS } from '../canaryStatus';
import { verdictDefinition } from '../definitions';
import {
  describePlatformWide,
  describeReasons,
  VERDICT_MEANING,
} from './describeVerdict';

const useStyles = makeStyles(theme => ({
  card: { height: '100%' },
  heading: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1),
  },
  list: { margin: theme.spacing(1, 0, 0), paddingLeft: theme.spacing(2.5) },
}));

/** The verdict, what it means, and the checks that make it so. */
export function VerdictCard(props: { status: CanaryStatus; subject: string }) {
  const { status, subject } = props;
  const classes = useStyles();
  const { verdict } = status.verdict;
  const label = VERDICT_LABEL[verdict];
  const reasons = describeReasons(status);
  const platformWide = describePlatformWide(status);
  return (
    <Card className={classes.card} component="section" aria-label="Verdict">
      <CardContent>
        <div className={classes.heading}>
          <Typography variant="subtitle2" component="h3" color="textSecondary">
            Platform under {subject}
          </Typography>
          <StatusChip
            status={VERDICT_STATUS[verdict]}
            label={label}
            title={`Verdict: ${label}. ${verdictDefinition(status.thresholds)}`}
            size="medium"
          />
        </div>
        <Typography variant="body2">{VERDICT_MEANING[verdict]}</Typography>
        {reasons.length > 0 && (
          <ul className={classes.list} aria-label="Why">
            {reasons.map(reason => (
              <li key={reason}>
                <Typography variant="body2">{reason}</Typography>
              </li>
            ))}
          </ul>
        )}
        {platformWide.length > 0 && (
          <ul className={classes.list} aria-label="Platform-wide">
            {platformWide.map(text => (
              <li key={text}>
                <Typography variant="body2" color="error">
                  Platform-wide: {text}
                </Typography>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
