import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CostCurrency, CostWindow } from '../../api/types';
import { formatWindow } from '../format';

const useStyles = makeStyles(theme => ({
  heading: { marginTop: theme.spacing(1.5) },
  list: { margin: theme.spacing(0.5, 0, 0), paddingLeft: theme.spacing(2.5) },
}));

export interface TileExplanationProps {
  definition: string;
  /** What the number was computed from, one line each. */
  facts: string[];
  window: CostWindow;
  currency: CostCurrency;
}

/** A tile's popover: the definition, then the inputs, the window and the currency. */
export function TileExplanation(props: TileExplanationProps) {
  const classes = useStyles();
  const { definition, facts, window, currency } = props;
  const lines = [
    ...facts,
    `Window: ${formatWindow(window.from, window.to)} (UTC), ${
      window.hours
    } hours`,
    `Amounts in ${currency.code}${
      currency.rate === 1 ? '' : ` (source prices × ${currency.rate})`
    }`,
  ];
  return (
    <>
      <Typography variant="body2">{definition}</Typography>
      <Typography
        variant="subtitle2"
        component="h3"
        className={classes.heading}
      >
        Computed from
      </Typography>
      <ul className={classes.list}>
        {lines.map(line => (
          <li key={line}>
            <Typography variant="body2">{line}</Typography>
          </li>
        ))}
      </ul>
    </>
  );
}
