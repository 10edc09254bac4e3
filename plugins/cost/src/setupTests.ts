import '@testing-library/jest-dom';

// The component view renders several tables and a chart; on a busy machine
// the first render of a file can pass jest's 5 s default.
jest.setTimeout(30_000);
