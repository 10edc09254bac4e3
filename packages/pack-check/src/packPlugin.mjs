/*
 * Packs one workspace package with `npm pack` (which runs its prepack and
 * postpack scripts) and extracts the tarball where a consumer would find it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Runs npm pack in packageDir, writing the tarball to destination. Returns the
 * tarball and what postpack failed to restore (repaired here either way).
 */
export function npmPack(packageDir, destination) {
  const manifestPath = path.join(packageDir, 'package.json');
  const backupPath = path.join(packageDir, 'package.json-prepack');
  const original = fs.readFileSync(manifestPath, 'utf8');
  const notRestored = [];
  try {
    const run = spawnSync(
      'npm',
      ['pack', '--json', '--pack-destination', destination],
      {
        cwd: packageDir,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    if (run.status !== 0) {
      throw new Error(
        `npm pack failed in ${packageDir} (exit ${run.status}):\n${run.stderr}`,
      );
    }
    const [report] = JSON.parse(run.stdout);
    return { tarball: path.join(destination, report.filename), notRestored };
  } finally {
    // A pack that dies between prepack and postpack leaves the rewritten
    // manifest behind; put the source one back so the workspace keeps working.
    if (fs.existsSync(backupPath)) {
      notRestored.push('package.json-prepack left behind');
      fs.renameSync(backupPath, manifestPath);
    }
    if (fs.readFileSync(manifestPath, 'utf8') !== original) {
      notRestored.push('package.json differs from before packing');
      fs.writeFileSync(manifestPath, original);
    }
  }
}

/** Extracts a tarball's package/ folder into target (replacing it). */
export function extractTarball(tarball, target) {
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  const run = spawnSync(
    'tar',
    ['-xzf', tarball, '-C', target, '--strip-components=1'],
    {
      encoding: 'utf8',
    },
  );
  if (run.status !== 0)
    throw new Error(`tar failed for ${tarball}: ${run.stderr}`);
}

/** Every file under dir, as posix paths relative to it. */
export function listFiles(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory()
      ? listFiles(path.join(dir, entry.name), relative)
      : [relative];
  });
}
