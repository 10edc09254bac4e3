/*
 * Pure checks of a packed package.json against the files in its tarball.
 * Each problem names the field, so a failure says what to fix.
 */
import path from 'node:path';
import semver from 'semver';

const ENTRY_FIELDS = ['main', 'module', 'types', 'typings', 'browser'];
const DEPENDENCY_FIELDS = [
  'dependencies',
  'peerDependencies',
  'optionalDependencies',
  'devDependencies',
];

/** Every path the manifest points at, with the field that names it. */
export function collectEntryTargets(manifest) {
  const targets = [];
  for (const field of ENTRY_FIELDS) {
    if (typeof manifest[field] === 'string') {
      targets.push({ field, target: manifest[field] });
    }
  }
  const walkExports = (value, field) => {
    if (typeof value === 'string') {
      targets.push({ field, target: value });
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        // "backstage" is feature metadata (a $$type), not a path.
        if (key !== 'backstage')
          walkExports(inner, `${field}[${JSON.stringify(key)}]`);
      }
    }
  };
  walkExports(manifest.exports, 'exports');
  for (const [range, map] of Object.entries(manifest.typesVersions ?? {})) {
    for (const [entry, list] of Object.entries(map)) {
      list.forEach((target, index) =>
        targets.push({
          field: `typesVersions[${JSON.stringify(range)}][${JSON.stringify(
            entry,
          )}][${index}]`,
          target,
        }),
      );
    }
  }
  if (typeof manifest.configSchema === 'string') {
    targets.push({ field: 'configSchema', target: manifest.configSchema });
  }
  return targets;
}

const normalise = target => path.posix.normalize(target).replace(/^\.\//, '');

/**
 * Entry points a consumer resolves: each must exist in the tarball and none may
 * point into src/ (TypeScript sources that no app compiles from node_modules).
 */
export function findEntryPointProblems(manifest, hasFile) {
  const problems = [];
  for (const field of ['main', 'types', 'exports']) {
    if (manifest[field] === undefined) problems.push(`${field}: missing`);
  }
  for (const { field, target } of collectEntryTargets(manifest)) {
    const file = normalise(target);
    if (file.startsWith('src/')) {
      problems.push(`${field}: "${target}" points into src/`);
    }
    if (!hasFile(file)) {
      problems.push(`${field}: "${target}" is not in the tarball`);
    }
  }
  // publishConfig overrides what prepack derives from dist: they must agree.
  const root = manifest.exports?.['.'];
  if (root && typeof root === 'object') {
    const pairs = [
      ['main', root.default],
      ['module', root.import],
      ['types', root.types],
    ];
    for (const [field, expected] of pairs) {
      if (
        manifest[field] &&
        expected &&
        normalise(manifest[field]) !== normalise(expected)
      ) {
        problems.push(
          `${field}: "${manifest[field]}" differs from exports["."] (${expected})`,
        );
      }
    }
  }
  return problems;
}

/**
 * The entry fields Backstage publishes for each package role (what
 * `backstage-cli package prepack` writes from the role's build outputs):
 * browser packages ship ESM, node packages CommonJS, common libraries both.
 */
const ENTRY_FIELDS_BY_ROLE = {
  'frontend-plugin': { main: 'dist/index.esm.js', module: 'dist/index.esm.js' },
  'web-library': { main: 'dist/index.esm.js', module: 'dist/index.esm.js' },
  'common-library': { main: 'dist/index.cjs.js', module: 'dist/index.esm.js' },
  'node-library': { main: 'dist/index.cjs.js', module: undefined },
  'backend-plugin': { main: 'dist/index.cjs.js', module: undefined },
  'backend-plugin-module': { main: 'dist/index.cjs.js', module: undefined },
};

/** main, module and types are the ones Backstage publishes for the package's role. */
export function findRoleEntryProblems(manifest) {
  const role = manifest.backstage?.role;
  const expected = ENTRY_FIELDS_BY_ROLE[role];
  if (!expected)
    return [`backstage.role: "${role}" is not a plugin or library role`];
  const problems = [];
  for (const [field, want] of Object.entries({
    ...expected,
    types: 'dist/index.d.ts',
  })) {
    const actual =
      manifest[field] === undefined ? undefined : normalise(manifest[field]);
    if (actual !== want) {
      problems.push(
        `${field}: ${
          actual === undefined ? 'missing' : `"${manifest[field]}"`
        }, a ${role} publishes ${want === undefined ? 'none' : `"./${want}"`}`,
      );
    }
  }
  return problems;
}

/** The shipped file list: no sources, and what the package needs at run time. */
export function findFileListProblems(files, { requiredFiles = [] } = {}) {
  const problems = [];
  for (const file of files) {
    if (file.startsWith('src/'))
      problems.push(`files: ships source file ${file}`);
  }
  for (const file of requiredFiles) {
    if (!files.includes(file))
      problems.push(`files: ${file} is not in the tarball`);
  }
  return problems;
}

/**
 * Dependencies on our own packages must be semver ranges (npm has no
 * workspace:^) that the version we pack satisfies.
 */
export function findOwnDependencyProblems(
  manifest,
  packedVersions,
  scope = '@goldenpath/',
) {
  const problems = [];
  for (const field of DEPENDENCY_FIELDS) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (!name.startsWith(scope)) continue;
      const where = `${field}[${JSON.stringify(name)}]`;
      const version = packedVersions.get(name);
      if (!version) {
        problems.push(`${where}: not one of the packed packages`);
      } else if (!semver.validRange(range)) {
        problems.push(`${where}: "${range}" is not a semver range`);
      } else if (!semver.satisfies(version, range)) {
        problems.push(
          `${where}: "${range}" is not satisfied by the packed ${version}`,
        );
      }
    }
  }
  return problems;
}
