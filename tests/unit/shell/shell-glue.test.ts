import { beforeEach, describe, expect, it } from 'vitest';
import {
  BrowserWindow,
  FakeWebContents,
  app,
  ipcMain,
  protocol,
  resetFakeElectron,
  session,
} from '../../fakes/electron';
import { createSecureWindow } from '../../../main/shell/window-factory';
import { guardWebContents, installWebContentsGuard } from '../../../main/shell/web-contents-guard';
import { applyPermissionPolicy, appPermissionPolicy } from '../../../main/shell/permissions';
import { forwardEvents, isTrustedSender, registerIpcHandlers } from '../../../main/shell/ipc-bridge';
import { registerAppScheme, resolveAppFile } from '../../../main/shell/app-protocol';
import { callChannel, callNames, eventChannel } from '../../../preload/shared/contract/ipc-contract';
import { createMemoryLogger } from '../../../main/logging/logger';
import { composeServices } from '../../../main/app/compose-services';
import { loadEnvConfig } from '../../../main/config/env-config';
import { memorySecretStore, memoryStore } from '../../support/test-services';
import { openMemoryDatabase } from '../../../main/database/open-database';

function services() {
  return composeServices({
    config: loadEnvConfig({}, '/tmp/none'),
    log: createMemoryLogger(),
    store: memoryStore(),
    database: openMemoryDatabase(),
    secrets: memorySecretStore(),
    clock: { now: () => 0 },
    openExternal: async () => {},
    info: { name: 'Interview Desk', version: '0', mode: 'electron', platform: 'linux' },
    templatesDir: 'templates',
  });
}

describe('window factory', () => {
  beforeEach(() => resetFakeElectron());

  it('creates every window with the secure preferences, which callers cannot override', () => {
    const window = createSecureWindow({
      width: 10,
      preload: '/p.cjs',
      partition: 'persist:meet',
      // A caller trying to weaken a window is ignored: the defaults are applied last.
      ...({ webPreferences: { nodeIntegration: true } } as object),
    }) as unknown as BrowserWindow;
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      preload: '/p.cjs',
      partition: 'persist:meet',
    });
  });
});

describe('web-contents guard', () => {
  beforeEach(() => resetFakeElectron());

  it('is installed app-wide on every new webContents', () => {
    const opened: string[] = [];
    installWebContentsGuard(app as never, { openExternal: (u) => opened.push(u), log: createMemoryLogger() });
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler).toBeDefined();
    expect(contents.navigate('will-navigate', 'https://evil.com/')).toBe(true);
  });

  it('denies every window.open, sending only allowlisted https URLs to the system browser', () => {
    const opened: string[] = [];
    const contents = new FakeWebContents();
    guardWebContents(contents as never, { openExternal: (u) => opened.push(u), log: createMemoryLogger() });
    expect(contents.windowOpenHandler!({ url: 'https://meet.google.com/abc-defg-hij' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'https://evil.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://meet.google.com/abc-defg-hij']);
  });

  it('blocks navigation away from the app and redirects, allows the app itself', () => {
    const contents = new FakeWebContents();
    guardWebContents(contents as never, { openExternal: () => {}, log: createMemoryLogger() });
    expect(contents.navigate('will-navigate', 'app://interview-desk/index.html#/settings')).toBe(false);
    expect(contents.navigate('will-navigate', 'https://meet.google.com/abc-defg-hij')).toBe(true);
    expect(contents.navigate('will-redirect', 'javascript:alert(1)')).toBe(true);
    expect(contents.navigate('will-navigate', 'app://interview-desk.evil.com/')).toBe(true);
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });
});

describe('permission handlers', () => {
  beforeEach(() => resetFakeElectron());

  it("deny everything by default; media only for the app's own pages, in both handlers", () => {
    const s = session.defaultSession;
    applyPermissionPolicy(s as never, appPermissionPolicy);
    const request = (permission: string, url: string) => {
      let granted: boolean | undefined;
      s.requestHandler!(null, permission, (g: boolean) => (granted = g), { requestingUrl: url });
      return granted;
    };
    expect(request('media', 'app://interview-desk/index.html')).toBe(true);
    for (const p of [
      'notifications',
      'geolocation',
      'clipboard-read',
      'openExternal',
      'midi',
      'pointerLock',
      'display-capture',
    ]) {
      expect(request(p, 'app://interview-desk/index.html')).toBe(false);
    }
    expect(request('media', 'https://evil.com/')).toBe(false);
    expect(s.checkHandler!(null, 'media', 'app://interview-desk')).toBe(true);
    expect(s.checkHandler!(null, 'media', 'https://evil.com')).toBe(false);
    expect(s.checkHandler!(null, 'notifications', 'app://interview-desk')).toBe(false);
    expect(s.deviceHandler!()).toBe(false);
  });
});

describe('IPC registration', () => {
  beforeEach(() => resetFakeElectron());

  it('registers one handler per contract call, in one place', () => {
    registerIpcHandlers(services(), createMemoryLogger());
    expect([...ipcMain.handlers.keys()].sort()).toEqual(callNames.map(callChannel).sort());
  });

  it('checks the sender frame before anything else', async () => {
    registerIpcHandlers(services(), createMemoryLogger());
    const handler = ipcMain.handlers.get(callChannel('settings:get'))!;
    const good = await handler({ senderFrame: { url: 'app://interview-desk/index.html', parent: null } }, undefined);
    expect(good).toMatchObject({ ok: true });
    for (const frame of [
      { url: 'https://evil.com/', parent: null },
      { url: 'app://interview-desk/index.html', parent: {} },
      { url: 'app://interview-desk.evil.com/', parent: null },
      null,
    ]) {
      expect(await handler({ senderFrame: frame }, undefined)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('forwards main events to windows as payloads', () => {
    const s = services();
    const window = new BrowserWindow({});
    forwardEvents(s, () => [window as never]);
    s.notices.post({ id: 'n1', level: 'info', message: 'hello' });
    expect(window.webContents.sent).toEqual([
      { channel: eventChannel('app:notice'), payload: { id: 'n1', level: 'info', message: 'hello' } },
    ]);
  });
});

describe('app protocol', () => {
  beforeEach(() => resetFakeElectron());

  it('registers app:// as a standard secure scheme', () => {
    registerAppScheme();
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
  });

  it('serves only files inside the renderer dir', () => {
    expect(resolveAppFile('/r', 'app://interview-desk/index.html')).toBe('/r/index.html');
    expect(resolveAppFile('/r', 'app://interview-desk/')).toBe('/r/index.html');
    expect(resolveAppFile('/r', 'app://interview-desk/assets/a.js')).toBe('/r/assets/a.js');
    // The URL parser resolves encoded dot segments first, so this stays inside the root.
    expect(resolveAppFile('/r', 'app://interview-desk/%2e%2e/%2e%2e/etc/passwd')).toBe('/r/etc/passwd');
    expect(resolveAppFile('/r', 'app://interview-desk/..%2Fsecret')).toBeNull();
    expect(resolveAppFile('/r', 'app://other/index.html')).toBeNull();
  });
});
