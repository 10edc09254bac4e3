export { TimeWindowPicker } from './TimeWindowPicker';
export type { TimeWindowPickerProps } from './TimeWindowPicker';
export { useTimeWindow } from './useTimeWindow';
export type { TimeWindowOptions, TimeWindowState } from './useTimeWindow';
