import '@testing-library/jest-dom';

// The tab renders a matrix, sparklines and a chart in its drawer; on a busy
// machine the first render of a file can pass jest's 5 s default.
jest.setTimeout(30_000);
