import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { metaContentSecurityPolicy } from './main/security/csp.ts';

/** Puts the one CSP (main/security/csp.ts) into the built index.html, so the file itself is locked down too. */
function cspMeta(): Plugin {
  return {
    name: 'interview-desk-csp',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(
          '<!--CSP-->',
          `<meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy}" />`,
        ),
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    // An inline modulepreload polyfill would need 'unsafe-inline'; Chromium doesn't need it.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
