import '@testing-library/jest-dom';

// The tab renders tiles, charts and the drill-down's tables (each asking the
// Cost and canary features too); on a busy machine a first render can pass
// jest's 5 s default.
jest.setTimeout(30_000);
