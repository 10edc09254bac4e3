import { DoraTier } from '@goldenpath/plugin-platform-common';
import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';

/** @public */
export interface TierChipProps {
  /** `null` when there was not enough data to grade. */
  tier: DoraTier | null | undefined;
  size?: 'small' | 'medium';
}

/** Display names of the DORA performance tiers. @public */
export const TIER_LABELS: Record<DoraTier, string> = {
  elite: 'Elite',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

function tierColor(theme: Theme, tier: DoraTier): string {
  switch (tier) {
    case 'elite':
      return theme.palette.success.main;
    case 'high':
      return theme.palette.info.main;
    case 'medium':
      return theme.palette.warning.main;
    default:
      return theme.palette.error.main;
  }
}

const useStyles = makeStyles<Theme, { tier: DoraTier | null }>(theme => ({
  chip: ({ tier }) =>
    tier
      ? {
          backgroundColor: tierColor(theme, tier),
          color: theme.palette.getContrastText(tierColor(theme, tier)),
          fontWeight: theme.typography.fontWeightBold as number,
          margin: 0,
        }
      : { margin: 0 },
  hidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
}));

/**
 * The DORA performance tier (elite, high, medium, low) as a coloured chip.
 * Screen readers hear "DORA tier: Elite"; ungraded metrics show "No tier".
 *
 * @public
 */
export function TierChip(props: TierChipProps) {
  const tier = props.tier ?? null;
  const classes = useStyles({ tier });
  const label = tier ? TIER_LABELS[tier] : 'No tier';
  return (
    <Chip
      className={classes.chip}
      size={props.size ?? 'small'}
      variant={tier ? 'default' : 'outlined'}
      title={tier ? `DORA tier: ${label}` : 'Not enough data to grade'}
      data-tier={tier ?? 'none'}
      label={
        <>
          <span className={classes.hidden}>DORA tier: </span>
          {label}
        </>
      }
    />
  );
}
