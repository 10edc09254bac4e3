#!/usr/bin/env node
/*
 * `npm run fuzz [-- --short] [--count N] [--seed S]`: starts the example
 * backend on a fresh SQLite folder, sends generated hostile requests and checks
 * the invariants (runFuzz.mjs). Exits non-zero on any violation. `--short`
 * (1,000 requests) is what the test suite runs; the default is 5,000.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fuzzBackend } from './fuzzBackend.mjs';

const { values } = parseArgs({
  options: {
    short: { type: 'boolean', default: false },
    count: { type: 'string' },
    seed: { type: 'string' },
    port: { type: 'string', default: '7051' },
  },
});
const root = path.resolve(import.meta.dirname, '..', '..');
const count = Number(values.count ?? (values.short ? 1000 : 5000));
const seed = Number(values.seed ?? Date.now() % 1e9);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'goldenpath-fuzz-'));

const report = await fuzzBackend({
  root,
  dataDir,
  port: Number(values.port),
  count,
  seed,
});
fs.rmSync(dataDir, { recursive: true, force: true });
console.log(JSON.stringify(report, null, 2));
const ok =
  report.serverErrors.length === 0 &&
  report.storageViolations.length === 0 &&
  report.parallel.accepted === 1 &&
  report.parallel.stored === 1 &&
  report.alive;
console.log(
  `fuzz: ${count} requests (seed ${seed}): ${
    report.serverErrors.length
  } answers >= 500, ${
    report.storageViolations.length
  } storage violations, parallel send stored ${
    report.parallel.stored
  } copy, backend ${report.alive ? 'alive' : 'DEAD'}`,
);
process.exit(ok ? 0 : 1);
