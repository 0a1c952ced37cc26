import type { BrowserWindow } from 'electron';
import { appEntryUrl } from '../security/url-policy';
import { createSecureWindow } from './window-factory';

/** The app's main window: the renderer from app://, with the preload that exposes window.desk. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = createSecureWindow({
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 520,
    title: 'Interview Desk',
    preload: preloadPath,
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appEntryUrl);
  return window;
}

/**
 * Closing the main window keeps the app in the tray when the setting says so; the first time, the
 * person is told where it went. Returns whether the close was turned into a hide.
 */
export function hideInsteadOfClose(options: { closeToTray: boolean; quitting: boolean; noticeShown: boolean }): {
  hide: boolean;
  showNotice: boolean;
} {
  if (!options.closeToTray || options.quitting) return { hide: false, showNotice: false };
  return { hide: true, showNotice: !options.noticeShown };
}
