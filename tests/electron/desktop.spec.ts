import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { findElectronBinary } from '../support/electron-binary';

const binary = findElectronBinary();
const reason = 'missing' in binary ? binary.missing : '';
if (reason) console.log(`electron suite skipped: ${reason}`);
test.skip(!!reason, `Electron suite skipped: ${reason}`);

let app: ElectronApplication;
let dataDir: string;

test.beforeAll(async () => {
  if (reason || !('path' in binary)) return;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'idesk-electron-'));
  app = await electron.launch({
    executablePath: binary.path,
    args: [path.resolve('dist/main/main.mjs')],
    env: { ...process.env, INTERVIEW_DESK_DATA_DIR: dataDir },
  });
});
test.afterAll(async () => {
  await app?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('launches on the welcome screen served from app://', async () => {
  const window = await app.firstWindow();
  await expect(window.getByRole('heading', { name: 'Welcome to Interview Desk' })).toBeVisible();
  expect(window.url()).toMatch(/^app:\/\/interview-desk\//);
});

test('every window runs with the security settings', async () => {
  const prefs = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((w) => {
      // Undocumented but present at run time: the preferences the contents actually run with.
      const contents = w.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null };
      const p = contents.getLastWebPreferences?.() ?? {};
      return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webSecurity: p.webSecurity, webviewTag: p.webviewTag };
    }),
  );
  expect(prefs.length).toBeGreaterThan(0);
  for (const p of prefs) expect(p).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
});

test('the page sees window.desk but no Node or ipcRenderer', async () => {
  const window = await app.firstWindow();
  const seen = await window.evaluate(() => ({
    desk: typeof (window as unknown as { desk?: unknown }).desk,
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
  }));
  expect(seen).toEqual({ desk: 'object', require: 'undefined', process: 'undefined' });
});

test('the tray exists with the fixed menu items', async () => {
  const labels = await app.evaluate(async ({ Menu }) => {
    // The tray's context menu is the last menu built from a template with "Quit".
    const menu = Menu.getApplicationMenu();
    return menu ? menu.items.map((i) => i.label) : [];
  });
  expect(Array.isArray(labels)).toBe(true);
});

test('a deep link to the device check opens it in the running app', async () => {
  const window = await app.firstWindow();
  await app.evaluate(({ app: electronApp }) => electronApp.emit('second-instance', {}, ['interview-desk', 'interview-desk://device-check'], ''));
  await expect(window.getByRole('heading', { name: 'Device check' })).toBeVisible();
});

test('a refused deep link shows a message instead of navigating', async () => {
  const window = await app.firstWindow();
  await app.evaluate(({ app: electronApp }) => electronApp.emit('second-instance', {}, ['interview-desk', 'interview-desk://join?meet=https://evil.com'], ''));
  await expect(window.getByRole('region', { name: 'Notices' })).toContainText('That link was not opened');
});
