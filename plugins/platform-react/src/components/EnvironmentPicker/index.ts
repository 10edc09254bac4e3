export { EnvironmentPicker } from './EnvironmentPicker';
export type { EnvironmentPickerProps } from './EnvironmentPicker';
