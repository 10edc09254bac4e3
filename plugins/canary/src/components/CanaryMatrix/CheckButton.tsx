import ButtonBase from '@material-ui/core/ButtonBase';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CanaryStatus, CanaryStatusCheck } from '../../api/types';
import { SelectedCheck } from '../../hooks/useCanaryView';
import { DISPLAY_LABEL } from '../canaryStatus';
import { CheckSummary } from '../CheckSummary';

const useStyles = makeStyles(theme => ({
  button: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    padding: theme.spacing(1),
    borderRadius: theme.shape.borderRadius,
    border: `1px solid ${theme.palette.divider}`,
    '&:hover': { backgroundColor: theme.palette.action.hover },
  },
  name: { fontWeight: theme.typography.fontWeightMedium as number },
}));

/** A check inside a matrix cell; opens its drawer. */
export function CheckButton(props: {
  check: CanaryStatusCheck;
  status: CanaryStatus;
  onSelect(check: SelectedCheck): void;
}) {
  const { check, status, onSelect } = props;
  const classes = useStyles();
  return (
    <ButtonBase
      className={classes.button}
      aria-label={`${check.check} in ${check.cluster}: ${
        DISPLAY_LABEL[check.display]
      }`}
      onClick={() => onSelect({ cluster: check.cluster, check: check.check })}
    >
      <Typography variant="body2" component="span" className={classes.name}>
        {check.check}
      </Typography>
      <CheckSummary check={check} status={status} />
    </ButtonBase>
  );
}
