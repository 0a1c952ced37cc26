/**
 * A fake `electron` module for unit tests of the shell glue (vitest aliases `electron` here). It
 * records what the shell asked for, so tests assert on window options, handlers and guards.
 */
import { EventEmitter } from 'node:events';

type Handler = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  url = 'app://interview-desk/index.html';
  session: unknown = undefined;
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | undefined;
  sent: Array<{ channel: string; payload: unknown }> = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
  getURL() {
    return this.url;
  }
  printed: Array<Record<string, unknown>> = [];
  /** A PDF of the page: what was asked is recorded, the bytes say which page. */
  printToPDF(options: Record<string, unknown>) {
    this.printed.push(options);
    return Promise.resolve(Buffer.from(`%PDF-1.7 ${this.url}`));
  }
  /** Emits a navigation event and reports whether the guard prevented it. */
  navigate(kind: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    this.emit(kind, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

export class BrowserWindow extends EventEmitter {
  static created: BrowserWindow[] = [];
  readonly options: Record<string, unknown>;
  readonly webContents = new FakeWebContents();
  loaded: string | undefined;
  destroyed = false;
  alwaysOnTop: boolean;
  bounds: { x: number; y: number; width: number; height: number };
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    this.alwaysOnTop = options.alwaysOnTop === true;
    this.bounds = {
      x: Number(options.x ?? 0),
      y: Number(options.y ?? 0),
      width: Number(options.width ?? 800),
      height: Number(options.height ?? 600),
    };
    const partition = (options.webPreferences as Record<string, unknown> | undefined)?.partition;
    this.webContents.session =
      typeof partition === 'string' ? session.fromPartition(partition) : session.defaultSession;
    BrowserWindow.created.push(this);
  }
  getBounds() {
    return this.bounds;
  }
  setAlwaysOnTop(flag: boolean) {
    this.alwaysOnTop = flag;
  }
  /** Closing emits close then closed, as Electron does. */
  close() {
    this.emit('close', { preventDefault() {} });
    this.destroyed = true;
    this.emit('closed');
  }
  static getAllWindows() {
    return BrowserWindow.created.filter((w) => !w.destroyed);
  }
  loadURL(url: string) {
    this.loaded = url;
    this.webContents.url = url;
    return Promise.resolve();
  }
  isDestroyed() {
    return this.destroyed;
  }
  visible = false;
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  isVisible() {
    return this.visible;
  }
  focus() {}
}

class FakeIpcMain {
  handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler) {
    if (this.handlers.has(channel)) throw new Error(`duplicate handler for ${channel}`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
}
export const ipcMain = new FakeIpcMain();

class FakeIpcRenderer extends EventEmitter {
  invoked: Array<{ channel: string; input: unknown }> = [];
  invoke(channel: string, input: unknown) {
    this.invoked.push({ channel, input });
    return Promise.resolve({ ok: true, value: channel });
  }
}
export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown) {
    this.exposed.set(key, api);
  },
};

export class FakeSession {
  requestHandler: Handler | undefined;
  checkHandler: Handler | undefined;
  deviceHandler: Handler | undefined;
  setPermissionRequestHandler(handler: Handler) {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: Handler) {
    this.checkHandler = handler;
  }
  setDevicePermissionHandler(handler: Handler) {
    this.deviceHandler = handler;
  }
}
const partitions = new Map<string, FakeSession>();
export const session = {
  defaultSession: new FakeSession(),
  fromPartition(name: string) {
    let s = partitions.get(name);
    if (!s) partitions.set(name, (s = new FakeSession()));
    return s;
  },
};

export const screen = {
  displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
  getAllDisplays() {
    return this.displays;
  },
};

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, Handler>(),
  registerSchemesAsPrivileged(schemes: unknown[]) {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: Handler) {
    this.handlers.set(scheme, handler);
  },
};

export const net = { fetch: (url: string) => fetch(url) };
export const shell = {
  opened: [] as string[],
  openExternal(url: string) {
    this.opened.push(url);
    return Promise.resolve();
  },
};

class FakeApp extends EventEmitter {
  /** The codes `app.exit` was called with. */
  exited: number[] = [];
  exit(code = 0) {
    this.exited.push(code);
  }
  getPath() {
    return '/tmp/interview-desk-fake';
  }
  /** The system's regional format; tests set it. */
  systemLocale = 'en-GB';
  getSystemLocale() {
    return this.systemLocale;
  }
}
export const app = new FakeApp();
export const dialog = {
  answers: [] as number[],
  shown: [] as Array<Record<string, unknown>>,
  showErrorBox() {},
  showMessageBox(_window: unknown, options: Record<string, unknown>) {
    this.shown.push(options);
    return Promise.resolve({ response: this.answers.shift() ?? 1 });
  },
  /** The synchronous question (the answer given at once): the next answer, else the cancel button. */
  showMessageBoxSync(_window: unknown, options: Record<string, unknown>) {
    this.shown.push(options);
    return this.answers.shift() ?? Number(options.cancelId ?? 0);
  },
  /** The file the person picks next; none (cancelled) unless a test sets one. */
  savePaths: [] as string[],
  showSaveDialog(_window: unknown, options: Record<string, unknown>) {
    this.shown.push(options);
    const filePath = this.savePaths.shift();
    return Promise.resolve(filePath ? { canceled: false, filePath } : { canceled: true, filePath: '' });
  },
};

export class Notification extends EventEmitter {
  static shown: Notification[] = [];
  static isSupported() {
    return true;
  }
  constructor(readonly options: Record<string, unknown>) {
    super();
  }
  show() {
    Notification.shown.push(this);
  }
}

export const Menu = {
  built: [] as unknown[][],
  buildFromTemplate(template: unknown[]) {
    Menu.built.push(template);
    return { template };
  },
};

export class Tray extends EventEmitter {
  static created: Tray[] = [];
  menu: unknown;
  tooltip = '';
  constructor(readonly image: unknown) {
    super();
    Tray.created.push(this);
  }
  setContextMenu(menu: unknown) {
    this.menu = menu;
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  destroy() {}
}

export const nativeImage = { createFromPath: (p: string) => ({ path: p }) };
export const powerMonitor = new EventEmitter();
export const systemPreferences = { getMediaAccessStatus: () => 'granted', askForMediaAccess: async () => true };

/** Resets every recorder between tests. */
export function resetFakeElectron() {
  BrowserWindow.created = [];
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoked = [];
  contextBridge.exposed.clear();
  shell.opened = [];
  protocol.handlers.clear();
  protocol.privileged = [];
  app.removeAllListeners();
  app.exited = [];
  app.systemLocale = 'en-GB';
  session.defaultSession = new FakeSession();
  partitions.clear();
  dialog.answers = [];
  dialog.savePaths = [];
  Notification.shown = [];
  Menu.built = [];
  Tray.created = [];
  dialog.shown = [];
}

export default {
  app,
  BrowserWindow,
  ipcMain,
  ipcRenderer,
  contextBridge,
  session,
  protocol,
  net,
  shell,
  dialog,
  screen,
  Notification,
  Menu,
  Tray,
  nativeImage,
  powerMonitor,
  systemPreferences,
};
