/* Where the plugins live in this repository, and which of them pack-check covers. */
import fs from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** name -> source folder of every package under plugins/. */
export function listPluginFolders() {
  const pluginsDir = path.join(repoRoot, 'plugins');
  const folders = new Map();
  for (const entry of fs.readdirSync(pluginsDir).sort()) {
    const manifestPath = path.join(pluginsDir, entry, 'package.json');
    if (!fs.existsSync(manifestPath)) continue;
    const { name } = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    folders.set(name, path.join(pluginsDir, entry));
  }
  return folders;
}

/** The plugins pack-check depends on (so that turbo builds them before its test). */
export function listCoveredPlugins() {
  const manifest = JSON.parse(
    fs.readFileSync(
      path.join(repoRoot, 'packages/pack-check/package.json'),
      'utf8',
    ),
  );
  return Object.keys(manifest.devDependencies ?? {}).filter(name =>
    name.startsWith('@goldenpath/'),
  );
}
