import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { appHost, appScheme } from '../security/url-policy';
import { contentSecurityPolicy } from '../security/csp';

/** Must run before `app.ready`: makes `app://` a standard, secure scheme (so getUserMedia and fetch work). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** Maps an `app://interview-desk/<path>` URL to a file inside the renderer dir, or null when it would escape it. */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  const url = new URL(requestUrl);
  if (url.host !== appHost) return null;
  const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
  const file = path.resolve(rendererDir, relative);
  const root = path.resolve(rendererDir) + path.sep;
  return file.startsWith(root) ? file : null;
}

/** Serves the built renderer through `protocol.handle` instead of `file://`, with the CSP header. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
