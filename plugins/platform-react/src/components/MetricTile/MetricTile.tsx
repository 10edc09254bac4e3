import { DoraTier } from '@goldenpath/plugin-platform-common';
import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import IconButton from '@material-ui/core/IconButton';
import Popover from '@material-ui/core/Popover';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ArrowDownwardIcon from '@material-ui/icons/ArrowDownward';
import ArrowUpwardIcon from '@material-ui/icons/ArrowUpward';
import InfoOutlinedIcon from '@material-ui/icons/InfoOutlined';
import { ReactNode, useState, MouseEvent, useId } from 'react';
import { TierChip } from '../TierChip';
import { ChangeDescription, describeChange, MetricChange } from './change';

/** @public */
export interface MetricTileProps {
  title: string;
  /** The formatted value, e.g. "2.4"; "–" when there is none. */
  value: string;
  /** Shown after the value, e.g. "/week", "days", "%". */
  unit?: string;
  /** A line under the value, e.g. "p90 4.1 days". */
  subtitle?: ReactNode;
  /** The tier chip; leave undefined to show none, `null` for "No tier". */
  tier?: DoraTier | null;
  /** Change versus the previous period, with an arrow coloured by whether it is good. */
  change?: MetricChange;
  /** Popover contents behind the info button (definition, inputs); no button without. */
  children?: ReactNode;
}

const useStyles = makeStyles(theme => ({
  card: { height: '100%', display: 'flex', flexDirection: 'column' },
  content: { flexGrow: 1 },
  header: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
  },
  infoButton: { marginTop: theme.spacing(-1), marginRight: theme.spacing(-1) },
  valueRow: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    margin: theme.spacing(1, 0),
  },
  value: { fontWeight: theme.typography.fontWeightBold as number },
  better: { color: theme.palette.success.main },
  worse: { color: theme.palette.error.main },
  neutral: { color: theme.palette.text.secondary },
  change: { display: 'flex', alignItems: 'center', gap: theme.spacing(0.5) },
  popover: { padding: theme.spacing(2), maxWidth: 480 },
  hidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
}));

function ChangeLine(props: { change: MetricChange }) {
  const classes = useStyles();
  const { change } = props;
  const described: ChangeDescription = describeChange(change);
  const comparedTo = change.comparedTo ?? 'previous period';
  if (described.direction === 'none' || described.difference === null) {
    return (
      <Typography variant="body2" className={classes.neutral}>
        No data for the {comparedTo}
      </Typography>
    );
  }
  const format = change.format ?? ((d: number) => d.toFixed(1));
  const magnitude = format(Math.abs(described.difference));
  let sign = '±';
  let Icon = null;
  if (described.direction === 'up') {
    sign = '+';
    Icon = <ArrowUpwardIcon fontSize="small" titleAccess="Up" />;
  } else if (described.direction === 'down') {
    sign = '−';
    Icon = <ArrowDownwardIcon fontSize="small" titleAccess="Down" />;
  }
  return (
    <Typography
      variant="body2"
      component="div"
      className={`${classes.change} ${classes[described.sentiment]}`}
      data-direction={described.direction}
      data-sentiment={described.sentiment}
    >
      {Icon}
      <span>
        {sign}
        {magnitude} vs {comparedTo}
        {described.sentiment !== 'neutral' && (
          <span className={classes.hidden}>, {described.sentiment}</span>
        )}
      </span>
    </Typography>
  );
}

function InfoButton(props: { title: string; children: ReactNode }) {
  const classes = useStyles();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const id = useId();
  const label = `About ${props.title}`;
  return (
    <>
      <IconButton
        size="small"
        className={classes.infoButton}
        aria-label={label}
        aria-haspopup="dialog"
        aria-expanded={Boolean(anchor)}
        aria-controls={anchor ? id : undefined}
        onClick={(event: MouseEvent<HTMLElement>) =>
          setAnchor(event.currentTarget)
        }
      >
        <InfoOutlinedIcon fontSize="small" />
      </IconButton>
      <Popover
        id={id}
        open={Boolean(anchor)}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        PaperProps={{
          role: 'dialog',
          'aria-label': label,
          className: classes.popover,
        }}
      >
        <Typography variant="h6" component="h2" gutterBottom>
          {props.title}
        </Typography>
        {props.children}
      </Popover>
    </>
  );
}

/**
 * One headline number: title, value and unit, tier chip, change versus the
 * previous period, and an info button whose popover explains the number.
 *
 * @public
 */
export function MetricTile(props: MetricTileProps) {
  const classes = useStyles();
  const { title, value, unit, subtitle, tier, change, children } = props;
  return (
    <Card className={classes.card} component="section" aria-label={title}>
      <CardContent className={classes.content}>
        <Box className={classes.header}>
          <Typography variant="subtitle2" component="h3" color="textSecondary">
            {title}
          </Typography>
          {children && <InfoButton title={title}>{children}</InfoButton>}
        </Box>
        <Box className={classes.valueRow}>
          <Typography variant="h4" component="p" className={classes.value}>
            {value}
            {unit && (
              <Typography variant="h6" component="span" color="textSecondary">
                {unit.startsWith('/') || unit === '%' ? unit : ` ${unit}`}
              </Typography>
            )}
          </Typography>
          {tier !== undefined && <TierChip tier={tier} />}
        </Box>
        {change && <ChangeLine change={change} />}
        {subtitle && (
          <Typography variant="body2" color="textSecondary">
            {subtitle}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}
