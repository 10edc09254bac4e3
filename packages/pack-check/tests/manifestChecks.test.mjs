/*
 * The checks the pack test relies on must catch what the issue reported: a
 * packed manifest still pointing into src/, and workspace-only ranges.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  findEntryPointProblems,
  findFileListProblems,
  findOwnDependencyProblems,
  findRoleEntryProblems,
} from '../src/manifestChecks.mjs';

const hasAllFiles = () => true;

describe('findEntryPointProblems', () => {
  it('reports every entry point of an unpacked manifest as pointing into src/', () => {
    const sourceManifest = {
      main: 'src/index.ts',
      types: 'src/index.ts',
      exports: {
        '.': './src/index.ts',
        './alpha': './src/alpha.tsx',
        './package.json': './package.json',
      },
      typesVersions: { '*': { alpha: ['src/alpha.tsx'] } },
    };
    assert.deepEqual(findEntryPointProblems(sourceManifest, hasAllFiles), [
      'main: "src/index.ts" points into src/',
      'types: "src/index.ts" points into src/',
      'exports["."]: "./src/index.ts" points into src/',
      'exports["./alpha"]: "./src/alpha.tsx" points into src/',
      'typesVersions["*"]["alpha"][0]: "src/alpha.tsx" points into src/',
    ]);
  });

  it('reports targets missing from the tarball and a main that disagrees with exports', () => {
    const manifest = {
      main: './dist/index.esm.js',
      types: './dist/index.d.ts',
      exports: {
        '.': {
          import: './dist/index.esm.js',
          require: './dist/index.cjs.js',
          types: './dist/index.d.ts',
          default: './dist/index.cjs.js',
        },
      },
      configSchema: 'config.schema.json',
    };
    const files = new Set(['dist/index.esm.js', 'dist/index.d.ts']);
    assert.deepEqual(
      findEntryPointProblems(manifest, file => files.has(file)),
      [
        'exports["."]["require"]: "./dist/index.cjs.js" is not in the tarball',
        'exports["."]["default"]: "./dist/index.cjs.js" is not in the tarball',
        'configSchema: "config.schema.json" is not in the tarball',
        'main: "./dist/index.esm.js" differs from exports["."] (./dist/index.cjs.js)',
      ],
    );
  });

  it('accepts a manifest as prepack writes it, and ignores the backstage feature marker', () => {
    const manifest = {
      main: './dist/index.cjs.js',
      types: './dist/index.d.ts',
      exports: {
        '.': {
          backstage: '@backstage/BackendFeature',
          require: './dist/index.cjs.js',
          types: './dist/index.d.ts',
          default: './dist/index.cjs.js',
        },
        './package.json': './package.json',
      },
      typesVersions: { '*': { 'package.json': ['package.json'] } },
    };
    assert.deepEqual(findEntryPointProblems(manifest, hasAllFiles), []);
  });

  it('reports missing main, types and exports', () => {
    assert.deepEqual(findEntryPointProblems({}, hasAllFiles), [
      'main: missing',
      'types: missing',
      'exports: missing',
    ]);
  });
});

describe('findRoleEntryProblems', () => {
  it('accepts the entry fields prepack writes for a web library and a backend plugin', () => {
    const web = {
      backstage: { role: 'web-library' },
      main: './dist/index.esm.js',
      module: './dist/index.esm.js',
      types: './dist/index.d.ts',
    };
    const backend = {
      backstage: { role: 'backend-plugin' },
      main: './dist/index.cjs.js',
      types: './dist/index.d.ts',
    };
    assert.deepEqual(findRoleEntryProblems(web), []);
    assert.deepEqual(findRoleEntryProblems(backend), []);
  });

  it('reports a frontend plugin shipping CommonJS and no module, and an unknown role', () => {
    const frontend = {
      backstage: { role: 'frontend-plugin' },
      main: './dist/index.cjs.js',
      types: './dist/index.d.ts',
    };
    assert.deepEqual(findRoleEntryProblems(frontend), [
      'main: "./dist/index.cjs.js", a frontend-plugin publishes "./dist/index.esm.js"',
      'module: missing, a frontend-plugin publishes "./dist/index.esm.js"',
    ]);
    assert.deepEqual(
      findRoleEntryProblems({ backstage: { role: 'frontend' } }),
      ['backstage.role: "frontend" is not a plugin or library role'],
    );
  });
});

describe('findFileListProblems', () => {
  it('reports shipped sources and missing required files', () => {
    assert.deepEqual(
      findFileListProblems(
        ['package.json', 'src/index.ts', 'dist/index.cjs.js'],
        {
          requiredFiles: ['migrations/20261123000000_event_log.js'],
        },
      ),
      [
        'files: ships source file src/index.ts',
        'files: migrations/20261123000000_event_log.js is not in the tarball',
      ],
    );
  });
});

describe('findOwnDependencyProblems', () => {
  const versions = new Map([['@goldenpath/plugin-platform-common', '0.1.0']]);

  it('reports workspace ranges, unsatisfied ranges and unknown packages of ours', () => {
    const manifest = {
      dependencies: {
        '@goldenpath/plugin-platform-common': 'workspace:^',
        '@goldenpath/plugin-nowhere': '^0.1.0',
        '@backstage/errors': 'workspace:^',
      },
      peerDependencies: { '@goldenpath/plugin-platform-common': '^0.2.0' },
    };
    assert.deepEqual(findOwnDependencyProblems(manifest, versions), [
      'dependencies["@goldenpath/plugin-platform-common"]: "workspace:^" is not a semver range',
      'dependencies["@goldenpath/plugin-nowhere"]: not one of the packed packages',
      'peerDependencies["@goldenpath/plugin-platform-common"]: "^0.2.0" is not satisfied by the packed 0.1.0',
    ]);
  });

  it('accepts ranges the packed versions satisfy', () => {
    const manifest = {
      dependencies: { '@goldenpath/plugin-platform-common': '^0.1.0' },
    };
    assert.deepEqual(findOwnDependencyProblems(manifest, versions), []);
  });
});
