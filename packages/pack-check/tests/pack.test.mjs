/*
 * Packs every plugin with `npm pack` (so its prepack/postpack run) and checks,
 * from the tarballs alone, that a Backstage app could install and load it.
 *
 * The tarballs are extracted to test-output/pack/node_modules/@goldenpath/*:
 * from there our own packages resolve to each other's extracted copies (never
 * to the workspace sources), and third-party packages to the root node_modules.
 *
 * Needs every plugin's dist: `turbo run test --filter=@goldenpath/pack-check`
 * builds them first (^build over this package's devDependencies).
 * PACK_CHECK_KEEP=1 keeps the extracted packages for a look afterwards.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  findEntryPointProblems,
  findFileListProblems,
  findOwnDependencyProblems,
  findRoleEntryProblems,
} from '../src/manifestChecks.mjs';
import { extractTarball, listFiles, npmPack } from '../src/packPlugin.mjs';
import {
  listCoveredPlugins,
  listPluginFolders,
  repoRoot,
} from '../src/workspace.mjs';

/** What each frontend package's legacy entry (".") must export, as its README promises. */
const LEGACY_EXPORTS = {
  '@goldenpath/plugin-canary': [
    'canaryPlugin',
    'EntityCanaryContent',
    'isCanaryAvailable',
  ],
  '@goldenpath/plugin-cost': [
    'costPlugin',
    'EntityCostContent',
    'isCostAvailable',
  ],
  '@goldenpath/plugin-dora': ['EntityDoraContent', 'isDoraAvailable'],
  '@goldenpath/plugin-platform': ['platformPlugin', 'platformApiFactory'],
};
const BACKEND_ROLES = ['backend-plugin', 'backend-plugin-module'];
const FRONTEND_ROLES = ['frontend-plugin', 'web-library'];

const extractRoot = path.join(repoRoot, 'test-output', 'pack');
const installedRoot = path.join(extractRoot, 'node_modules');
// Resolving from here is what an app at extractRoot would see.
const consumerFile = path.join(extractRoot, 'consumer.js');
const requireFromConsumer = createRequire(consumerFile);

const sourceFolders = listPluginFolders();
const covered = listCoveredPlugins();
/** name -> { manifest, dir, files } of the extracted tarball, or { error } */
const packed = new Map();
/** specifier -> what the frontend loader saw */
let frontendEntries = {};
let tarballDir;

const problemsMessage = (name, problems) =>
  `${name}:\n  ${problems.join('\n  ')}`;

function getPacked(name) {
  const result = packed.get(name);
  if (!result) assert.fail(`${name}: was not packed`);
  if (result.error)
    assert.fail(`${name}: npm pack failed: ${result.error.message}`);
  return result;
}

function loadFrontendEntries(specifiers) {
  const outputFile = path.join(tarballDir, 'frontend-entries.json');
  const run = spawnSync(
    process.execPath,
    [
      path.join(import.meta.dirname, '../src/loadFrontendEntries.cjs'),
      consumerFile,
      outputFile,
      ...specifiers,
    ],
    { cwd: extractRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.status !== 0) {
    throw new Error(`frontend loader exited ${run.status}:\n${run.stderr}`);
  }
  return JSON.parse(fs.readFileSync(outputFile, 'utf8'));
}

before(() => {
  fs.rmSync(extractRoot, { recursive: true, force: true });
  fs.mkdirSync(installedRoot, { recursive: true });
  tarballDir = fs.mkdtempSync(path.join(os.tmpdir(), 'goldenpath-pack-'));
  for (const name of covered) {
    try {
      const sourceDir = sourceFolders.get(name);
      if (!sourceDir) throw new Error('no folder under plugins/');
      const { tarball, notRestored } = npmPack(sourceDir, tarballDir);
      const dir = path.join(installedRoot, name);
      extractTarball(tarball, dir);
      const manifest = JSON.parse(
        fs.readFileSync(path.join(dir, 'package.json'), 'utf8'),
      );
      packed.set(name, {
        manifest,
        dir,
        sourceDir,
        notRestored,
        files: listFiles(dir),
      });
    } catch (error) {
      packed.set(name, { error });
    }
  }
  const specifiers = [];
  for (const [name, result] of packed) {
    if (!FRONTEND_ROLES.includes(result.manifest?.backstage?.role)) continue;
    specifiers.push(name);
    if (result.manifest.exports?.['./alpha']) specifiers.push(`${name}/alpha`);
  }
  frontendEntries = specifiers.length ? loadFrontendEntries(specifiers) : {};
});

after(() => {
  if (tarballDir) fs.rmSync(tarballDir, { recursive: true, force: true });
  if (!process.env.PACK_CHECK_KEEP) {
    fs.rmSync(extractRoot, { recursive: true, force: true });
  }
});

it('covers every package under plugins/', () => {
  assert.deepEqual(
    [...covered].sort(),
    [...sourceFolders.keys()].sort(),
    'packages/pack-check devDependencies must list every plugin (turbo builds them from that list)',
  );
});

for (const name of covered) {
  describe(name, () => {
    it('packs, and postpack restores the source package.json', () => {
      const { notRestored } = getPacked(name);
      assert.deepEqual(notRestored, [], problemsMessage(name, notRestored));
    });

    it('main, module, types, exports, typesVersions and configSchema point to files in the tarball, none under src/', () => {
      const { manifest, files } = getPacked(name);
      const fileSet = new Set(files);
      const problems = findEntryPointProblems(manifest, file =>
        fileSet.has(file),
      );
      assert.deepEqual(problems, [], problemsMessage(name, problems));
    });

    it('main, module and types are the ones Backstage publishes for its role', () => {
      const { manifest } = getPacked(name);
      const problems = findRoleEntryProblems(manifest);
      assert.deepEqual(problems, [], problemsMessage(name, problems));
    });

    it('ships no sources, and its README, migrations and config schema', () => {
      const { manifest, files, sourceDir } = getPacked(name);
      const requiredFiles = ['README.md'];
      const migrationsDir = path.join(sourceDir, 'migrations');
      if (fs.existsSync(migrationsDir)) {
        requiredFiles.push(
          ...listFiles(migrationsDir).map(file => `migrations/${file}`),
        );
      }
      const problems = findFileListProblems(files, { requiredFiles });
      if (fs.existsSync(path.join(sourceDir, 'config.d.ts'))) {
        // prepack compiles config.d.ts into config.schema.json, as Backstage publishes it.
        if (typeof manifest.configSchema !== 'string') {
          problems.push(
            'configSchema: missing, though the package has a config.d.ts',
          );
        } else if (files.includes(manifest.configSchema)) {
          const schema = fs.readFileSync(
            path.join(getPacked(name).dir, manifest.configSchema),
            'utf8',
          );
          const parsed = manifest.configSchema.endsWith('.json')
            ? JSON.parse(schema)
            : null;
          if (parsed && Object.keys(parsed.properties ?? {}).length === 0) {
            problems.push(
              `configSchema: ${manifest.configSchema} declares no properties`,
            );
          }
        }
      }
      assert.deepEqual(problems, [], problemsMessage(name, problems));
    });

    it('depends on our packages through semver ranges the packed versions satisfy', () => {
      const { manifest } = getPacked(name);
      const versions = new Map(
        [...packed]
          .filter(([, p]) => p.manifest)
          .map(([n, p]) => [n, p.manifest.version]),
      );
      const problems = findOwnDependencyProblems(manifest, versions);
      assert.deepEqual(problems, [], problemsMessage(name, problems));
    });

    it('resolves our packages to the extracted tarballs and third-party ones to the root node_modules', () => {
      const { manifest, dir } = getPacked(name);
      const requireFromPackage = createRequire(path.join(dir, 'package.json'));
      const dependencies = Object.keys({
        ...manifest.dependencies,
        ...manifest.peerDependencies,
      });
      for (const dependency of dependencies.filter(d =>
        d.startsWith('@goldenpath/'),
      )) {
        const resolved = requireFromPackage.resolve(
          `${dependency}/package.json`,
        );
        assert.equal(
          resolved,
          path.join(installedRoot, dependency, 'package.json'),
          `${name}: dependencies["${dependency}"] resolved outside the extracted tarballs`,
        );
      }
      const thirdParty = dependencies.find(d => !d.startsWith('@goldenpath/'));
      if (thirdParty) {
        const resolved = requireFromPackage.resolve(thirdParty);
        assert.ok(
          resolved.startsWith(path.join(repoRoot, 'node_modules') + path.sep),
          `${name}: dependencies["${thirdParty}"] resolved to ${resolved}, not the root node_modules`,
        );
      }
      assert.equal(
        requireFromConsumer.resolve(`${name}/package.json`),
        path.join(dir, 'package.json'),
        `${name}: an app would not resolve it to the extracted tarball`,
      );
    });

    const role = roleOfSource(name);

    if (BACKEND_ROLES.includes(role)) {
      it('require() from the tarball gives a default export that is a backend feature', () => {
        const { manifest, dir } = getPacked(name);
        const resolved = requireFromConsumer.resolve(name);
        assert.ok(
          resolved.startsWith(dir + path.sep),
          `${name}: main resolved to ${resolved}`,
        );
        const feature = requireFromConsumer(name).default;
        assert.equal(
          feature?.$$type,
          '@backstage/BackendFeature',
          `${name}: default export $$type`,
        );
        const pluginIds =
          feature.getRegistrations?.().map(r => r.pluginId) ?? [];
        assert.deepEqual(
          pluginIds,
          [manifest.backstage.pluginId],
          `${name}: the feature's pluginId differs from backstage.pluginId`,
        );
      });
    } else if (role === 'common-library' || role === 'node-library') {
      it('require() from the tarball loads its main entry', () => {
        const { dir } = getPacked(name);
        const resolved = requireFromConsumer.resolve(name);
        assert.ok(
          resolved.startsWith(dir + path.sep),
          `${name}: main resolved to ${resolved}`,
        );
        assert.ok(
          Object.keys(requireFromConsumer(name)).length > 0,
          `${name}: main exports nothing`,
        );
      });
    }

    if (FRONTEND_ROLES.includes(role)) {
      it('its main entry loads from the tarball', () => {
        const { dir } = getPacked(name);
        const entry = frontendEntries[name];
        assert.ok(
          entry && !entry.error,
          `${name}: main entry failed to load: ${entry?.error}`,
        );
        assert.ok(
          entry.resolved.startsWith(dir + path.sep),
          `${name}: resolved to ${entry.resolved}`,
        );
        for (const exported of LEGACY_EXPORTS[name] ?? []) {
          assert.ok(
            entry.exports.includes(exported),
            `${name}: legacy entry (exports["."]) does not export ${exported}`,
          );
        }
      });
    }

    if (role === 'frontend-plugin') {
      it('the /alpha default export is a frontend plugin', () => {
        const { manifest, dir } = getPacked(name);
        const entry = frontendEntries[`${name}/alpha`];
        assert.ok(entry, `${name}: exports["./alpha"] missing`);
        assert.ok(!entry.error, `${name}/alpha failed to load: ${entry.error}`);
        assert.ok(
          entry.resolved.startsWith(dir + path.sep),
          `${name}/alpha: resolved to ${entry.resolved}`,
        );
        assert.equal(
          entry.defaultType,
          '@backstage/FrontendPlugin',
          `${name}/alpha: default export $$type`,
        );
        assert.equal(
          entry.defaultPluginId,
          manifest.backstage.pluginId,
          `${name}/alpha: the plugin's id differs from backstage.pluginId`,
        );
      });
    }
  });
}

/** The role from the source package.json: tests are registered before anything is packed. */
function roleOfSource(name) {
  const dir = sourceFolders.get(name);
  if (!dir) return undefined;
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'))
    .backstage?.role;
}
