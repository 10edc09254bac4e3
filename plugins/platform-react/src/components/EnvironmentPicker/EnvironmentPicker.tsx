import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import { makeStyles } from '@material-ui/core/styles';
import { useId } from 'react';

/** @public */
export interface EnvironmentPickerProps {
  /** The environments the data has, e.g. from `GET /dora/environments`. */
  environments: readonly string[];
  value: string;
  onChange(environment: string): void;
  label?: string;
}

const useStyles = makeStyles({ control: { minWidth: 180 } });

/** `production` → `Production`; the name itself stays as the data has it. */
function displayName(environment: string): string {
  return (
    environment.charAt(0).toLocaleUpperCase('en-US') + environment.slice(1)
  );
}

/**
 * Picks a deployment environment among those the data has. The selected one
 * is always offered, even before the list has loaded or when nothing was
 * deployed to it yet, so the picker never shows an empty value.
 *
 * @public
 */
export function EnvironmentPicker(props: EnvironmentPickerProps) {
  const { environments, value, onChange } = props;
  const label = props.label ?? 'Environment';
  const classes = useStyles();
  const labelId = useId();
  const options = environments.includes(value)
    ? environments
    : [value, ...environments];
  return (
    <FormControl variant="outlined" size="small" className={classes.control}>
      <InputLabel id={labelId}>{label}</InputLabel>
      <Select
        labelId={labelId}
        label={label}
        value={value}
        onChange={event => onChange(String(event.target.value))}
      >
        {options.map(environment => (
          <MenuItem key={environment} value={environment}>
            {displayName(environment)}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}
