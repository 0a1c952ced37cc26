/**
 * The Electron entry: the thin shell around the same services web mode runs. Everything here is
 * Electron glue; the behaviour lives in main/<capability>/ and is tested under plain Node.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Notification, powerMonitor, session, shell, systemPreferences } from 'electron';
import ElectronStore from 'electron-store';
import { startServices, ConfigError, type StartedApp } from '../app/start-services';
import { appInfo } from '../app/app-info';
import type { SchemaBackendFactory } from '../settings-file/open-app-store';
import type { KeyValueStore } from '../settings-file/key-value-store';
import { isAllowedExternalUrl } from '../security/url-policy';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { installWebContentsGuard } from './web-contents-guard';
import { applyPermissionPolicy, appPermissionPolicy } from './permissions';
import { forwardEvents, registerIpcHandlers } from './ipc-bridge';
import { createMeetWindowLauncher, meetNavigationPolicy } from './meet-window';
import { closeForQuit, createMainWindow, hideInsteadOfClose } from './main-window';
import { createTray } from './tray';
import { quitAfterStop } from './quit-after-stop';
import { createPdfSaver } from './save-pdf';
import { showReminderNotification, showScorecardDueNotification, showWaitingNotification } from './notifications';
import { trayMenuFor, type TrayAction } from '../tray/tray-menu';
import { timeStyleOf } from '../../preload/shared/rules/time-format';
import { deepLinkFromArgv } from '../deep-links/parse-deep-link';
import { dispatchCall } from '../app/dispatch-call';
import type { NavigateTarget } from '../../preload/shared/contract/ipc-contract';

const here = path.dirname(fileURLToPath(import.meta.url));
const electronStoreBackend: SchemaBackendFactory = ({ cwd, configName, schema, configFileMode }) =>
  new ElectronStore<Record<string, unknown>>({
    cwd,
    name: configName,
    schema,
    configFileMode,
    clearInvalidConfig: false,
    serialize: (value) => JSON.stringify(value),
  }) as unknown as KeyValueStore;

let mainWindow: BrowserWindow | null = null;
let started: StartedApp | undefined;
let quitting = false;
let pendingLink: string | undefined = deepLinkFromArgv(process.argv);

function showMainWindow(): BrowserWindow {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
    return mainWindow;
  }
  mainWindow = createMainWindow(path.join(here, '../preload/preload.cjs'));
  mainWindow.on('close', (event) => {
    const settings = started?.services.settings.get();
    const noticeShown = started?.store.get('trayNoticeShown') === true;
    const decision = hideInsteadOfClose({ closeToTray: settings?.closeToTray ?? false, quitting, noticeShown });
    if (!decision.hide) return;
    event.preventDefault();
    mainWindow?.hide();
    if (decision.showNotice && Notification.isSupported()) {
      new Notification({
        title: 'Interview Desk is still running',
        body: 'It keeps reminding you from the tray. Quit it from the tray menu.',
      }).show();
      started?.store.set('trayNoticeShown', true);
    }
  });
  return mainWindow;
}

function navigate(target: NavigateTarget): void {
  showMainWindow();
  started?.services.events.emit('app:navigate', target);
}

function openLink(raw: string): void {
  if (!started) {
    pendingLink = raw;
    return;
  }
  showMainWindow();
  try {
    started.services.openDeepLink(raw);
  } catch (error) {
    started.services.notices.post({
      id: `link-${Date.now()}`,
      level: 'error',
      message: `That link was not opened: ${(error as Error).message}`,
    });
  }
}

async function join(id: string): Promise<void> {
  if (!started) return;
  const via = started.services.settings.get().joinDefault;
  const result = await dispatchCall(started.services.handlers, 'interviews:join', { id, via }, started.log);
  if (!result.ok) navigate({ screen: 'interview', id });
}

function onTrayAction(action: TrayAction): void {
  switch (action.kind) {
    case 'open-interview':
      return navigate({ screen: 'interview', id: action.id });
    case 'join':
      return void join(action.id);
    case 'open-app':
      return void showMainWindow();
    case 'device-check':
      return navigate({ screen: 'device-check' });
    case 'quit':
      quitting = true;
      return app.quit();
  }
}

async function openAllowedExternal(url: string): Promise<void> {
  if (isAllowedExternalUrl(url)) await shell.openExternal(url);
}

async function boot(): Promise<StartedApp> {
  const app_ = await startServices({
    // The device check tells "denied by you" from "blocked by the OS" (macOS and Windows privacy settings).
    mediaAccess: async () => {
      const read = (kind: 'camera' | 'microphone') =>
        process.platform === 'darwin' || process.platform === 'win32'
          ? systemPreferences.getMediaAccessStatus(kind)
          : 'unknown';
      if (process.platform === 'darwin')
        await Promise.all([
          systemPreferences.askForMediaAccess('camera'),
          systemPreferences.askForMediaAccess('microphone'),
        ]);
      return { camera: read('camera'), microphone: read('microphone') };
    },
    notifier: (_reminder, interview, joinOpen, now) =>
      void showReminderNotification(interview, joinOpen, now, {
        open: (id) => navigate({ screen: 'interview', id }),
        join: (id) => void join(id),
      }),
    waitingNotifier: (interview, waiting, now) =>
      void showWaitingNotification(interview, waiting, now, {
        open: (id) => navigate({ screen: 'interview', id }),
        join: (id) => void join(id),
      }),
    scorecardDueNotifier: (interview, now) =>
      void showScorecardDueNotification(interview, now, { open: (id) => navigate({ screen: 'interview', id }) }),
    savePdf: createPdfSaver(() => mainWindow),
    meetLauncher: (store) => createMeetWindowLauncher({ store, openExternal: (url) => shell.openExternal(url) }),
    env: process.env,
    mode: 'electron',
    info: appInfo('electron'),
    locale: app.getSystemLocale(),
    defaultDataDir: app.getPath('userData'),
    storeBackend: electronStoreBackend,
    openExternal: (url) => shell.openExternal(url),
  });
  const log = app_.log.scope('shell');
  installWebContentsGuard(app, {
    openExternal: (url) => void openAllowedExternal(url),
    log,
    navigationPolicy: meetNavigationPolicy,
  });
  applyPermissionPolicy(session.defaultSession, appPermissionPolicy);
  serveRenderer(path.join(here, '../renderer'));
  registerIpcHandlers(app_.services, app_.log.scope('ipc'));
  forwardEvents(app_.services, () => BrowserWindow.getAllWindows());
  // Pull Calendar changes and re-check reminders when the machine wakes or the person comes back.
  powerMonitor.on('resume', () => {
    app_.services.reminders.check();
    void app_.services.calendar.runQuietly('wake');
  });
  app.on('browser-window-focus', () => void app_.services.calendar.runQuietly('focus'));
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const tray = createTray(
    path.join(here, '../../main/shell/packaging/tray-icon.png'),
    () =>
      trayMenuFor(
        app_.services.interviews,
        app_.services.settings.get(),
        Date.now(),
        zone,
        timeStyleOf(app.getSystemLocale()),
      ),
    onTrayAction,
  );
  app_.services.events.listen((name) => {
    if (name === 'interviews:changed' || name === 'settings:changed') tray.refresh();
  });
  const applyLoginItem = () => app.setLoginItemSettings({ openAtLogin: app_.services.settings.get().startAtLogin });
  applyLoginItem();
  app_.services.events.listen((name) => name === 'settings:changed' && applyLoginItem());
  return app_;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.setAsDefaultProtocolClient('interview-desk');
  // Windows/Linux: a link opened while running arrives in the second instance's argv.
  app.on('second-instance', (_event, argv) => {
    const link = deepLinkFromArgv(argv);
    if (link) openLink(link);
    else showMainWindow();
  });
  // macOS: links arrive as open-url, possibly before ready.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openLink(url);
  });
  app
    .whenReady()
    .then(async () => {
      started = await boot();
      showMainWindow();
      if (pendingLink) {
        const link = pendingLink;
        pendingLink = undefined;
        // Let the renderer subscribe before it is told where to go.
        mainWindow?.webContents.once('did-finish-load', () => openLink(link));
      }
      app.on('activate', () => showMainWindow());
    })
    .catch((error: unknown) => {
      const message = error instanceof ConfigError ? error.message : (error as Error).message;
      dialog.showErrorBox('Interview Desk could not start', message);
      app.exit(error instanceof ConfigError ? 2 : 1);
    });
  app.on('before-quit', () => (quitting = true));
  quitAfterStop(app, () => started?.stop(), 6_000, {
    closeWindows: () => closeForQuit(mainWindow),
    onCancelled: () => (quitting = false),
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' && !started?.services.settings.get().closeToTray) app.quit();
  });
}
