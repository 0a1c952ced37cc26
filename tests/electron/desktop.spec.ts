import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { findElectronBinary } from '../support/electron-binary';
import { makeInterview, seedStore } from '../support/interview-fixtures';

const soon = makeInterview({
  startUtc: new Date(Date.now() + 5 * 60_000).toISOString(),
  candidate: { name: 'Meet Tester', email: 'meet@example.com' },
  meetLink: 'https://meet.google.com/abc-defg-hij',
});

const binary = findElectronBinary();
const reason = 'missing' in binary ? binary.missing : '';
if (reason) console.log(`electron suite skipped: ${reason}`);
test.skip(!!reason, `Electron suite skipped: ${reason}`);

let app: ElectronApplication;
let dataDir: string;

test.beforeAll(async () => {
  if (reason || !('path' in binary)) return;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'idesk-electron-'));
  seedStore(dataDir, { interviews: [soon], settings: { closeToTray: false } });
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
      return {
        contextIsolation: p.contextIsolation,
        sandbox: p.sandbox,
        nodeIntegration: p.nodeIntegration,
        webSecurity: p.webSecurity,
        webviewTag: p.webviewTag,
      };
    }),
  );
  expect(prefs.length).toBeGreaterThan(0);
  for (const p of prefs)
    expect(p).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
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

test('"Join in app" opens the managed Meet window (served a local page for meet.google.com)', async () => {
  // Intercept https in the Meet window's own session only, so no real Google is needed.
  await app.evaluate(({ session }) => {
    session.fromPartition('persist:meet').protocol.handle(
      'https',
      () =>
        new Response('<!doctype html><title>Local Meet</title><h1>Local Meet</h1>', {
          headers: { 'content-type': 'text/html' },
        }),
    );
  });
  const main = await app.firstWindow();
  await main.evaluate((id) => (globalThis.location.hash = `#/interview/${id}`), soon.id);
  const meetWindow = app.waitForEvent('window');
  await main.getByRole('button', { name: 'Join in app' }).click();
  const meet = await meetWindow;
  await expect(meet.getByRole('heading', { name: 'Local Meet' })).toBeVisible();
  expect(meet.url()).toBe('https://meet.google.com/abc-defg-hij');
  // Both windows, the app's and Meet's, run with the security settings.
  const prefs = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((w) => {
      const p =
        (
          w.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null }
        ).getLastWebPreferences?.() ?? {};
      return {
        partition: p.partition ?? null,
        contextIsolation: p.contextIsolation,
        sandbox: p.sandbox,
        nodeIntegration: p.nodeIntegration,
        preload: p.preload ?? null,
      };
    }),
  );
  expect(prefs.map((p) => p.partition)).toContain('persist:meet');
  for (const p of prefs) expect(p).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
  expect(prefs.find((p) => p.partition === 'persist:meet')!.preload).toBeNull();
  await expect(main.getByText(/Joined .* \(app window\)/)).toBeVisible();
});

test('a deep link to the device check opens it in the running app', async () => {
  const window = await app.firstWindow();
  await app.evaluate(({ app: electronApp }) =>
    electronApp.emit('second-instance', {}, ['interview-desk', 'interview-desk://device-check'], ''),
  );
  await expect(window.getByRole('heading', { name: 'Device check' })).toBeVisible();
});

test('a refused deep link shows a message instead of navigating', async () => {
  const window = await app.firstWindow();
  await app.evaluate(({ app: electronApp }) =>
    electronApp.emit('second-instance', {}, ['interview-desk', 'interview-desk://join?meet=https://evil.com'], ''),
  );
  await expect(window.getByRole('region', { name: 'Notices' })).toContainText('That link was not opened');
});

test('the tray menu lists the next interview, Join, today, and the fixed items', async () => {
  // Spy on the menus the shell builds (no hook in the app itself), then make it rebuild the tray.
  await app.evaluate(({ Menu }) => {
    const original = Menu.buildFromTemplate.bind(Menu);
    const seen: string[][] = [];
    (globalThis as unknown as { trayMenus: string[][] }).trayMenus = seen;
    Menu.buildFromTemplate = (template) => {
      seen.push(template.map((item) => item.label ?? `[${item.type}]`));
      return original(template);
    };
  });
  const main = await app.firstWindow();
  await main.evaluate(() =>
    (globalThis as unknown as { desk: { settings: { update(p: unknown): Promise<unknown> } } }).desk.settings.update({
      companyName: 'Tray Test',
    }),
  );
  await expect
    .poll(() =>
      app.evaluate(
        () => (globalThis as unknown as { trayMenus: string[][] }).trayMenus.find((m) => m.includes('Quit')) ?? [],
      ),
    )
    .toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Next: Meet Tester/),
        'Join Meet Tester',
        'Today',
        'Open Interview Desk',
        'Device check',
        'Quit',
      ]),
    );
});
