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

/** What to do with a navigation or window-open request, decided from the URL alone. */
export function decideNavigation(url: string, allowInApp: (url: string) => boolean): 'allow' | 'external' | 'deny' {
  if (allowInApp(url)) return 'allow';
  return isAllowedExternalUrl(url) ? 'external' : 'deny';
}

/** Applies the guards to one webContents: no pop-ups, no navigation away, no webviews. */
export function guardWebContents(contents: WebContents, options: GuardOptions): void {
  const allowInApp = options.navigationPolicy?.(contents) ?? ((url: string) => isAppUrl(url));
  contents.setWindowOpenHandler(({ url }) => {
    if (decideNavigation(url, () => false) === 'external') options.openExternal(url);
    else options.log.warn('blocked a window.open request');
    return { action: 'deny' };
  });
  const onNavigate = (event: { preventDefault(): void; url: string }) => {
    const verdict = decideNavigation(event.url, allowInApp);
    if (verdict === 'allow') return;
    event.preventDefault();
    if (verdict === 'external') options.openExternal(event.url);
    else options.log.warn('blocked a navigation');
  };
  contents.on('will-navigate', onNavigate);
  contents.on('will-redirect', onNavigate);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The one app-wide guard: every webContents ever created gets `guardWebContents`. */
export function installWebContentsGuard(app: App, options: GuardOptions): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, options));
}
