/*
 * Child process: loads frontend entry points of packed packages and writes
 * what they export as JSON.
 *
 * Why not plain `import()`: Backstage frontend packages ship ESM as
 * dist/*.esm.js inside packages without "type": "module", so Node parses them
 * as CommonJS and fails on `import`; their imports (and those of
 * @backstage/core-components) also rely on bundler resolution (directory and
 * extensionless paths, .svg/.css assets) and on browser globals (`window`,
 * `Element`) at module load. tsx's CommonJS hook transforms ESM to CommonJS
 * with esbuild on the fly and resolves like a bundler, jsdom provides the
 * browser globals, and an asset resolves to its file name, as a bundler's URL
 * would. It runs in a child so the globals and hooks never reach the test runner.
 *
 * Usage: node loadFrontendEntries.cjs <resolve-from-file> <output.json> <specifier>...
 */
const fs = require('node:fs');
const { createRequire } = require('node:module');
const { JSDOM } = require('jsdom');
const { register } = require('tsx/cjs/api');

const [resolveFrom, outputFile, ...specifiers] = process.argv.slice(2);

const dom = new JSDOM('<!doctype html><html><body></body></html>', {
  url: 'http://localhost/',
});
for (const key of Object.getOwnPropertyNames(dom.window)) {
  if (!(key in globalThis)) globalThis[key] = dom.window[key];
}
globalThis.window = dom.window;

const ASSET_EXTENSIONS = [
  '.svg',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.css',
  '.woff',
  '.woff2',
  '.ttf',
  '.eot',
];
for (const ext of ASSET_EXTENSIONS) {
  require.extensions[ext] = (module, filename) => {
    module.exports = filename;
  };
}
register();

const requireFromConsumer = createRequire(resolveFrom);
const results = {};
for (const specifier of specifiers) {
  try {
    const resolved = requireFromConsumer.resolve(specifier);
    const moduleExports = requireFromConsumer(specifier);
    const defaultExport = moduleExports.default;
    results[specifier] = {
      resolved,
      exports: Object.keys(moduleExports),
      defaultType: defaultExport?.$$type,
      defaultPluginId: defaultExport?.pluginId ?? defaultExport?.id,
    };
  } catch (error) {
    results[specifier] = { error: String(error?.stack ?? error) };
  }
}
fs.writeFileSync(outputFile, JSON.stringify(results, null, 2));
