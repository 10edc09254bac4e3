/*
 * The short fuzz run (`npm run fuzz -- --short`): 1,000 generated hostile
 * requests against the real example backend. No answer may be 500 or more,
 * the backend must stay up, an event the intake did not accept must not be
 * stored, an accepted one exactly once, and 50 parallel sends of one event
 * must store one copy.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fuzzBackend } from '../../../scripts/fuzz/fuzzBackend.mjs';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

test('1,000 hostile requests: no 5xx, nothing wrongly stored, one copy of a racing event', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'goldenpath-fuzz-'));
  const seed = Number(process.env.FUZZ_SEED ?? 20261129);
  try {
    const report = await fuzzBackend({
      root,
      dataDir,
      port: 7052,
      count: 1000,
      seed,
    });
    assert.equal(report.requests, 1000);
    assert.ok(
      report.eventsChecked > 500,
      `only ${report.eventsChecked} events checked`,
    );
    assert.deepEqual(report.serverErrors, [], `answers >= 500 (seed ${seed})`);
    assert.deepEqual(report.storageViolations, [], `storage (seed ${seed})`);
    assert.deepEqual(report.parallel, { accepted: 1, stored: 1 });
    assert.ok(report.alive, 'the backend died');
    // The run must exercise every answer class, or it proves little.
    for (const status of ['200', '207', '400', '401', '404']) {
      assert.ok(
        report.statuses[status] > 0,
        `no ${status} answers: ${JSON.stringify(report.statuses)}`,
      );
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
