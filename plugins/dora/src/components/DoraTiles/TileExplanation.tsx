import {
  DoraMetricKey,
  DoraOptions,
  DoraTier,
  TIER_THRESHOLDS,
} from '@goldenpath/plugin-platform-common';
import { TIER_LABELS } from '@goldenpath/plugin-platform-react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { METRIC_DEFINITIONS } from '../definitions';
import { formatWindow } from '../format';

const useStyles = makeStyles(theme => ({
  heading: { marginTop: theme.spacing(1.5) },
  list: { margin: theme.spacing(0.5, 0, 0), paddingLeft: theme.spacing(2.5) },
  current: { fontWeight: theme.typography.fontWeightBold as number },
}));

export interface TileExplanationProps {
  metric: DoraMetricKey;
  options: DoraOptions;
  tier: DoraTier | null;
  /** What the number was computed from, one line each. */
  facts: string[];
}

/** A tile's popover: the definition, the inputs and the tier thresholds. */
export function TileExplanation(props: TileExplanationProps) {
  const classes = useStyles();
  const { metric, options, tier, facts } = props;
  const rules = TIER_THRESHOLDS[options.tierModel]?.[metric] ?? [];
  return (
    <>
      <Typography variant="body2">{METRIC_DEFINITIONS[metric]}</Typography>

      <Typography
        variant="subtitle2"
        component="h3"
        className={classes.heading}
      >
        Computed from
      </Typography>
      <ul className={classes.list}>
        {facts.map(fact => (
          <li key={fact}>
            <Typography variant="body2">{fact}</Typography>
          </li>
        ))}
        <li>
          <Typography variant="body2">
            Window: {formatWindow(options.from, options.to)} (UTC)
          </Typography>
        </li>
        <li>
          <Typography variant="body2">
            Environment: {options.environment}
          </Typography>
        </li>
      </ul>

      {rules.length > 0 && (
        <>
          <Typography
            variant="subtitle2"
            component="h3"
            className={classes.heading}
          >
            Tiers ({options.tierModel} model)
          </Typography>
          <ul className={classes.list}>
            {rules.map(rule => (
              <li key={rule.tier}>
                <Typography
                  variant="body2"
                  className={rule.tier === tier ? classes.current : undefined}
                >
                  {TIER_LABELS[rule.tier]}: {rule.description}
                  {rule.tier === tier && ' (this entity)'}
                </Typography>
              </li>
            ))}
          </ul>
          {!tier && (
            <Typography variant="body2" color="textSecondary">
              Not graded: nothing to grade in this window.
            </Typography>
          )}
        </>
      )}
    </>
  );
}
