#!/usr/bin/env node
/**
 * npm run generate:openapi
 *
 * Regenerates the files derived from
 * plugins/platform-backend/src/schema/openapi.yaml: the backend's typed router
 * and platform-common's request and response types. Offline; see docs/api.md.
 * `--check` writes nothing and exits 1 when a committed file is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { renderOpenApiFiles, ROOT } = require('./generate-openapi-lib.cjs');

const check = process.argv.includes('--check');
let stale = 0;
for (const file of await renderOpenApiFiles()) {
  const relative = path.relative(ROOT, file.path);
  const current = fs.existsSync(file.path)
    ? fs.readFileSync(file.path, 'utf8')
    : undefined;
  if (current === file.content) {
    console.log(`up to date  ${relative}`);
  } else if (check) {
    stale += 1;
    console.error(`stale       ${relative}`);
  } else {
    fs.mkdirSync(path.dirname(file.path), { recursive: true });
    fs.writeFileSync(file.path, file.content);
    console.log(`written     ${relative}`);
  }
}
if (stale > 0) {
  console.error('Run `npm run generate:openapi` and commit the result.');
  process.exit(1);
}
