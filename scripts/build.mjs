// Builds all three parts into dist/: main and web mode (ESM) and the preload (one sandbox-safe
// CommonJS file) with esbuild, the renderer with Vite. esbuild because it bundles TypeScript for
// Node in well under a second and needs no config of its own; Vite already owns the renderer.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const only = process.argv.includes('--node-only')
  ? 'node'
  : process.argv.includes('--renderer-only')
    ? 'renderer'
    : 'all';
const started = Date.now();

if (only === 'all') rmSync('dist', { recursive: true, force: true });

// The Google OAuth desktop client a packaged build carries (README: "Creating a Google OAuth desktop
// client"). Read from the builder's environment; at run time INTERVIEW_DESK_GOOGLE_CLIENT_ID/SECRET
// still override it. Without one, the app explains on Connect that this copy has no Google sign-in.
const googleClient = {
  clientId: process.env.INTERVIEW_DESK_GOOGLE_CLIENT_ID ?? '',
  clientSecret: process.env.INTERVIEW_DESK_GOOGLE_CLIENT_SECRET ?? '',
};
if (googleClient.clientId && !/^[\w.-]{1,512}$/.test(googleClient.clientId)) {
  console.error('INTERVIEW_DESK_GOOGLE_CLIENT_ID must look like 1234-abc.apps.googleusercontent.com');
  process.exit(1);
}
if (googleClient.clientId && !googleClient.clientSecret) {
  console.error(
    'INTERVIEW_DESK_GOOGLE_CLIENT_SECRET is needed with INTERVIEW_DESK_GOOGLE_CLIENT_ID (Google requires it for desktop clients)',
  );
  process.exit(1);
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  define: { __APP_VERSION__: JSON.stringify(pkg.version), __GOOGLE_CLIENT__: JSON.stringify(googleClient) },
};

if (only !== 'renderer') {
  await Promise.all([
    build({
      ...common,
      entryPoints: { main: 'main/shell/main.ts' },
      outdir: 'dist/main',
      outExtension: { '.js': '.mjs' },
      format: 'esm',
      // Dependencies stay in node_modules (electron-builder packs them; keytar is native).
      packages: 'external',
    }),
    build({
      ...common,
      entryPoints: { web: 'main/web/web.ts' },
      outdir: 'dist/web',
      outExtension: { '.js': '.mjs' },
      format: 'esm',
      packages: 'external',
    }),
    build({
      ...common,
      entryPoints: { preload: 'preload/preload.ts' },
      outdir: 'dist/preload',
      outExtension: { '.js': '.cjs' },
      format: 'cjs',
      // Sandboxed preloads can only require electron; everything else (zod, the contract) is inlined.
      external: ['electron'],
    }),
  ]);
}
if (only !== 'node') await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.log(
  `built ${only} in ${Date.now() - started} ms${googleClient.clientId ? ' (with a Google client)' : ' (without a Google client)'}`,
);
