/**
 * The renderer's Content-Security-Policy, without any `unsafe-*`. The same string goes into the built
 * index.html (vite.config.ts) and, in web mode, into a response header. Network checks run in main,
 * so `connect-src` stays `'self'`.
 */
export const contentSecurityPolicy = [
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
  "frame-ancestors 'none'",
].join('; ');
