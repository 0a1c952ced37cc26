/**
 * The Electron entry: the thin shell around the same services web mode runs. Everything here is
 * Electron glue; the behaviour lives in main/<capability>/ and is tested under plain Node.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, powerMonitor, session, shell, systemPreferences } from 'electron';
import ElectronStore from 'electron-store';
import { startServices, ConfigError, type StartedApp } from '../app/start-services';
import { appInfo } from '../app/app-info';
import type { SchemaBackendFactory } from '../store/open-app-store';
import type { KeyValueStore } from '../store/key-value-store';
import { appEntryUrl, isAllowedExternalUrl } from '../security/url-policy';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { installWebContentsGuard } from './web-contents-guard';
import { applyPermissionPolicy, appPermissionPolicy } from './permissions';
import { createSecureWindow } from './window-factory';
import { forwardEvents, registerIpcHandlers } from './ipc-bridge';
import { createMeetWindowLauncher, meetNavigationPolicy } from './meet-window';

const here = path.dirname(fileURLToPath(import.meta.url));
const electronStoreBackend: SchemaBackendFactory = ({ cwd, configName, schema }) =>
  new ElectronStore<Record<string, unknown>>({ cwd, name: configName, schema, clearInvalidConfig: false, serialize: (value) => JSON.stringify(value) }) as unknown as KeyValueStore;

let mainWindow: BrowserWindow | null = null;

function showMainWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
    return;
  }
  mainWindow = createSecureWindow({
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 520,
    title: 'Interview Desk',
    preload: path.join(here, '../preload/preload.cjs'),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  void mainWindow.loadURL(appEntryUrl);
}

async function openAllowedExternal(url: string): Promise<void> {
  if (isAllowedExternalUrl(url)) await shell.openExternal(url);
}

async function boot(): Promise<StartedApp> {
  const started = await startServices({
    // The device check tells "denied by you" from "blocked by the OS" (macOS and Windows privacy settings).
    mediaAccess: async () => {
      const read = (kind: 'camera' | 'microphone') => (process.platform === 'darwin' || process.platform === 'win32' ? systemPreferences.getMediaAccessStatus(kind) : 'unknown');
      if (process.platform === 'darwin') await Promise.all([systemPreferences.askForMediaAccess('camera'), systemPreferences.askForMediaAccess('microphone')]);
      return { camera: read('camera'), microphone: read('microphone') };
    },
    meetLauncher: (store) => createMeetWindowLauncher({ store, openExternal: (url) => shell.openExternal(url) }),
    env: process.env,
    mode: 'electron',
    info: appInfo('electron'),
    defaultDataDir: app.getPath('userData'),
    storeBackend: electronStoreBackend,
    openExternal: (url) => shell.openExternal(url),
  });
  const log = started.log.scope('shell');
  installWebContentsGuard(app, { openExternal: (url) => void openAllowedExternal(url), log, navigationPolicy: meetNavigationPolicy });
  applyPermissionPolicy(session.defaultSession, appPermissionPolicy);
  serveRenderer(path.join(here, '../renderer'));
  registerIpcHandlers(started.services, started.log.scope('ipc'));
  forwardEvents(started.services, () => BrowserWindow.getAllWindows());
  // Pull Calendar changes when the machine wakes and when the person comes back to the app.
  powerMonitor.on('resume', () => void started.services.calendar.runQuietly('wake'));
  app.on('browser-window-focus', () => void started.services.calendar.runQuietly('focus'));
  return started;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.setAsDefaultProtocolClient('interview-desk');
  app.on('second-instance', () => showMainWindow());
  app
    .whenReady()
    .then(async () => {
      const started = await boot();
      showMainWindow();
      app.on('activate', () => showMainWindow());
      app.on('before-quit', () => void started.stop());
    })
    .catch((error: unknown) => {
      const message = error instanceof ConfigError ? error.message : (error as Error).message;
      dialog.showErrorBox('Interview Desk could not start', message);
      app.exit(error instanceof ConfigError ? 2 : 1);
    });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
