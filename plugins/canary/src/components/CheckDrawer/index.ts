export { CheckDrawer, DRAWER_RUNS_LIMIT } from './CheckDrawer';
export { RUN_NOW_DENIED } from './RunNowButton';
