import { type BrowserWindow, dialog } from 'electron';
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
  askBeforeLeavingUnsaved(window);
  void window.loadURL(appEntryUrl);
  return window;
}

/** Who waits on a window's close (a quit): told when the person keeps an unsaved edit instead. */
const keptListeners = new WeakMap<BrowserWindow, () => void>();

/**
 * A screen with unsaved changes (Settings, a submitted scorecard being edited) refuses `beforeunload`;
 * Electron then keeps the window open without a word unless main asks, so it asks in the renderer's
 * own words. The answer must be given synchronously: `preventDefault` lets the window close or reload.
 * A window hidden in the tray is shown first (a quit from the tray closes it), so the person sees what
 * is unsaved.
 */
export function askBeforeLeavingUnsaved(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    if (!window.isVisible()) window.show();
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      message: 'Leave without saving?',
      detail: 'Your changes on this screen are not saved yet.',
      buttons: ['Keep editing', 'Leave without saving'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    if (choice === 1) event.preventDefault();
    else keptListeners.get(window)?.();
  });
}

/**
 * Closes a window for a quit (`app.exit` would close it without the question above): answers true
 * once it closed, false when the person chose to keep an unsaved edit.
 */
export function closeForQuit(window: BrowserWindow | null): Promise<boolean> {
  return new Promise((resolve) => {
    if (!window || window.isDestroyed()) return resolve(true);
    const closed = () => {
      keptListeners.delete(window);
      resolve(true);
    };
    keptListeners.set(window, () => {
      keptListeners.delete(window);
      window.removeListener('closed', closed);
      resolve(false);
    });
    window.once('closed', closed);
    window.close();
  });
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
