import type { App, WebContents } from 'electron';
import { isAllowedExternalUrl, isAppUrl } from '../security/url-policy';
import type { Logger } from '../logging/logger';

export interface GuardOptions {
  /** Opens an allowlisted URL in the system browser. */
  openExternal: (url: string) => void;
  log: Logger;
  /** Per-contents policy override (the Meet window allows Meet origins); default: app URLs only. */
  navigationPolicy?: (contents: WebContents) => ((url: string) => boolean) | undefined;
}

export type NavigationVerdict = 'allow' | 'external' | 'deny';

/**
 * What to do with a navigation or window-open request, decided from the URL alone. Total: any
 * failure while deciding (a malformed escape, a policy that throws) is 'deny', never an exception.
 */
export function decideNavigation(url: unknown, allowInApp: (url: string) => boolean): NavigationVerdict {
  try {
    if (typeof url !== 'string') return 'deny';
    if (allowInApp(url)) return 'allow';
    return isAllowedExternalUrl(url) ? 'external' : 'deny';
  } catch {
    return 'deny';
  }
}

/**
 * Applies the guards to one webContents: no pop-ups, no navigation away, no webviews. Fails closed:
 * the navigation is prevented before anything else runs unless the verdict is 'allow', and nothing
 * after that (opening the browser, logging) can throw out of an Electron listener.
 */
export function guardWebContents(contents: WebContents, options: GuardOptions): void {
  const allowInApp = options.navigationPolicy?.(contents) ?? ((url: string) => isAppUrl(url));
  const handOver = (verdict: NavigationVerdict, url: string, what: string) => {
    try {
      if (verdict === 'external') options.openExternal(url);
      else options.log.warn(`blocked ${what}`);
    } catch {
      // The request is already refused; a failing opener or logger must not turn into a crash.
    }
  };
  contents.setWindowOpenHandler((details) => {
    const url = (details as { url?: unknown } | undefined)?.url;
    const verdict = decideNavigation(url, () => false);
    handOver(verdict, String(url), 'a window.open request');
    return { action: 'deny' };
  });
  const onNavigate = (event: { preventDefault(): void; url: string }) => {
    const verdict = decideNavigation(event.url, allowInApp);
    if (verdict === 'allow') return;
    event.preventDefault();
    handOver(verdict, event.url, 'a navigation');
  };
  contents.on('will-navigate', onNavigate);
  contents.on('will-redirect', onNavigate);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The one app-wide guard: every webContents ever created gets `guardWebContents`. */
export function installWebContentsGuard(app: App, options: GuardOptions): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, options));
}
