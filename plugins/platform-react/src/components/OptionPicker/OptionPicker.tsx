import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import { makeStyles } from '@material-ui/core/styles';
import { useId } from 'react';

/** One choice: the value a view keeps (and puts in its URL) and its text. @public */
export interface PickerOption<T extends string> {
  value: T;
  label: string;
}

/** @public */
export interface OptionPickerProps<T extends string> {
  label: string;
  options: readonly PickerOption<T>[];
  value: T;
  onChange(value: T): void;
}

const useStyles = makeStyles({ control: { minWidth: 180 } });

/**
 * Picks one of a few named values, such as a window key (`1h`, `24h`, `7d`,
 * `30d`), looking like the other pickers. Keep the value in the URL with
 * `useUrlParam`.
 *
 * @public
 */
export function OptionPicker<T extends string>(props: OptionPickerProps<T>) {
  const { label, options, value, onChange } = props;
  const classes = useStyles();
  const labelId = useId();
  return (
    <FormControl variant="outlined" size="small" className={classes.control}>
      <InputLabel id={labelId}>{label}</InputLabel>
      <Select
        labelId={labelId}
        label={label}
        value={value}
        onChange={event => {
          const picked = options.find(o => o.value === event.target.value);
          if (picked) onChange(picked.value);
        }}
      >
        {options.map(option => (
          <MenuItem key={option.value} value={option.value}>
            {option.label}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}
