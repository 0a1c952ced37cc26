/**
 * The renderer's Content-Security-Policy, without any `unsafe-*`. The same directives go into the
 * built index.html (vite.config.ts) and into response headers (web mode, `app://`). Network checks
 * run in main, so `connect-src` stays `'self'`.
 */
const directives = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: https://lh3.googleusercontent.com",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** For `<meta http-equiv>`: browsers ignore (and warn about) `frame-ancestors` there. */
export const metaContentSecurityPolicy = directives.join('; ');

/** For response headers, where `frame-ancestors` works. */
export const contentSecurityPolicy = [...directives, "frame-ancestors 'none'"].join('; ');
