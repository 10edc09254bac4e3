export { OptionPicker } from './OptionPicker';
export type { OptionPickerProps, PickerOption } from './OptionPicker';
