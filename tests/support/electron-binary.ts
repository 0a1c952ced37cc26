import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the Electron binary is, without `require('electron')` (whose index tries to download it).
 * Returns the path, or the reason it is absent.
 */
export function findElectronBinary(root = process.cwd()): { path: string } | { missing: string } {
  const pkg = path.join(root, 'node_modules', 'electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(pkg, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8') : 'electron';
  const candidate = override ? path.join(override, relative) : path.join(pkg, 'dist', relative);
  if (fs.existsSync(candidate)) return { path: candidate };
  return {
    missing: `no Electron binary at ${path.relative(root, candidate)} (this machine cannot download it; install Electron's binary to run the desktop suite)`,
  };
}
