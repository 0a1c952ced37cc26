import { beforeEach, describe, expect, it } from 'vitest';
import { BrowserWindow, FakeWebContents, dialog, resetFakeElectron, session } from '../../fakes/electron';
import { createMeetWindowLauncher, meetNavigationPolicy, meetPartition } from '../../../main/shell/meet-window';
import { guardWebContents } from '../../../main/shell/web-contents-guard';
import { createMemoryLogger } from '../../../main/logging/logger';
import { isSignInRejected, usableBounds } from '../../../main/meet/meet-window-policy';
import { memoryStore } from '../../support/test-services';
import { makeInterview } from '../../support/interview-fixtures';

const interview = makeInterview({
  startUtc: '2030-01-15T09:00:00.000Z',
  meetLink: 'https://meet.google.com/abc-defg-hij',
});
const other = makeInterview({ startUtc: '2030-01-15T11:00:00.000Z', meetLink: 'https://meet.google.com/xyz-abcd-efg' });
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('managed Meet window', () => {
  beforeEach(() => resetFakeElectron());

  it('opens one secure window on its own persistent partition, with no preload', async () => {
    const launcher = createMeetWindowLauncher({ store: memoryStore(), openExternal: async () => {} });
    expect(await launcher.openInApp(interview, () => {})).toBe(true);
    expect(BrowserWindow.created).toHaveLength(1);
    const prefs = BrowserWindow.created[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      partition: meetPartition,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(prefs.preload).toBeUndefined();
    expect(BrowserWindow.created[0]!.loaded).toBe('https://meet.google.com/abc-defg-hij');
  });

  it('never loads or hands to the browser a link that is not a Meet URL (loadURL from main skips will-navigate)', async () => {
    const opened: string[] = [];
    const launcher = createMeetWindowLauncher({
      store: memoryStore(),
      openExternal: async (url) => void opened.push(url),
    });
    for (const link of [
      'http://evil.example/phish',
      'https://meet.google.com.evil.example/abc-defg-hij',
      'https://meet.google.com/abc-defg-hij/../../x',
      'javascript:alert(1)',
    ]) {
      await expect(
        launcher.openInApp({ ...interview, meetLink: link }, () => {}),
        link,
      ).rejects.toThrow(/no usable Google Meet link/);
      await expect(launcher.openInBrowser(link), link).rejects.toThrow(/no usable Google Meet link/);
    }
    expect(BrowserWindow.created).toHaveLength(0);
    expect(opened).toEqual([]);
    await launcher.openInBrowser('https://meet.google.com/abc-defg-hij');
    expect(opened).toEqual(['https://meet.google.com/abc-defg-hij']);
  });

  it('reuses the window for the next meeting and records the previous leave', async () => {
    const left: string[] = [];
    const launcher = createMeetWindowLauncher({ store: memoryStore(), openExternal: async () => {} });
    await launcher.openInApp(interview, () => left.push(interview.id));
    await launcher.openInApp(other, () => left.push(other.id));
    expect(BrowserWindow.created).toHaveLength(1);
    expect(BrowserWindow.created[0]!.loaded).toBe('https://meet.google.com/xyz-abcd-efg');
    expect(left).toEqual([interview.id]);
    BrowserWindow.created[0]!.close();
    expect(left).toEqual([interview.id, other.id]);
  });

  it('grants camera, microphone and screen sharing to meet.google.com only; notifications never', async () => {
    const launcher = createMeetWindowLauncher({ store: memoryStore(), openExternal: async () => {} });
    await launcher.openInApp(interview, () => {});
    const meetSession = session.fromPartition(meetPartition);
    const table: Array<[string, string, boolean]> = [
      ['media', 'https://meet.google.com/abc-defg-hij', true],
      ['display-capture', 'https://meet.google.com/abc-defg-hij', true],
      ['notifications', 'https://meet.google.com/abc-defg-hij', false],
      ['geolocation', 'https://meet.google.com/', false],
      ['media', 'https://accounts.google.com/', false],
      ['media', 'https://meet.google.com.evil.com/', false],
      ['media', 'https://evil.com/', false],
      ['media', 'http://meet.google.com/', false],
      ['clipboard-read', 'https://meet.google.com/', false],
    ];
    for (const [permission, url, expected] of table) {
      let granted: boolean | undefined;
      meetSession.requestHandler!(null, permission, (g: boolean) => (granted = g), { requestingUrl: url });
      expect(granted, `${permission} for ${url}`).toBe(expected);
      expect(meetSession.checkHandler!(null, permission, new URL(url).origin), `check ${permission} ${url}`).toBe(
        expected,
      );
    }
    // The app's own session is untouched by the Meet policy.
    expect(session.defaultSession.requestHandler).toBeUndefined();
  });

  it('navigates only to Meet and Google sign-in; everything else goes to the system browser or nowhere', () => {
    const contents = new FakeWebContents();
    contents.session = session.fromPartition(meetPartition);
    const opened: string[] = [];
    guardWebContents(contents as never, {
      openExternal: (u) => opened.push(u),
      log: createMemoryLogger(),
      navigationPolicy: meetNavigationPolicy as never,
    });
    const table: Array<[string, boolean]> = [
      ['https://meet.google.com/abc-defg-hij', false],
      ['https://accounts.google.com/signin/v2/identifier', false],
      ['https://meet.google.com.evil.com/', true],
      ['https://evil.com/', true],
      ['http://meet.google.com/', true],
      ['javascript:alert(1)', true],
      ['app://interview-desk/index.html', true],
      ['https://support.google.com/meet', true],
    ];
    for (const [url, prevented] of table) expect(contents.navigate('will-navigate', url), url).toBe(prevented);
    expect(opened).toEqual(['https://support.google.com/meet']);
    // The app's own contents keep the app-only policy.
    const appContents = new FakeWebContents();
    guardWebContents(appContents as never, {
      openExternal: () => {},
      log: createMemoryLogger(),
      navigationPolicy: meetNavigationPolicy as never,
    });
    expect(appContents.navigate('will-navigate', 'https://meet.google.com/abc-defg-hij')).toBe(true);
  });

  it('remembers its size and position, and keeps them on screen', async () => {
    const store = memoryStore({ meetWindowBounds: { x: 100, y: 80, width: 900, height: 700 } });
    const launcher = createMeetWindowLauncher({ store, openExternal: async () => {} });
    await launcher.openInApp(interview, () => {});
    const window = BrowserWindow.created[0]!;
    expect(window.options).toMatchObject({ x: 100, y: 80, width: 900, height: 700 });
    window.bounds = { x: 10, y: 20, width: 1000, height: 650 };
    window.close();
    expect(store.data.get('meetWindowBounds')).toEqual({ x: 10, y: 20, width: 1000, height: 650 });
    expect(
      usableBounds({ x: 5000, y: 5000, width: 900, height: 700 }, [{ x: 0, y: 0, width: 1920, height: 1080 }]),
    ).toBeUndefined();
    expect(
      usableBounds({ x: 0, y: 0, width: 100, height: 100 }, [{ x: 0, y: 0, width: 1920, height: 1080 }]),
    ).toBeUndefined();
  });

  it('toggles always-on-top and starts with the saved choice', async () => {
    const launcher = createMeetWindowLauncher({
      store: memoryStore({ meetWindowOnTop: true }),
      openExternal: async () => {},
    });
    await launcher.openInApp(interview, () => {});
    const window = BrowserWindow.created[0]!;
    expect(window.alwaysOnTop).toBe(true);
    launcher.setAlwaysOnTop(false);
    expect(window.alwaysOnTop).toBe(false);
  });

  it('offers the browser when Google refuses sign-in inside the window', async () => {
    const opened: string[] = [];
    const left: string[] = [];
    const launcher = createMeetWindowLauncher({ store: memoryStore(), openExternal: async (u) => void opened.push(u) });
    await launcher.openInApp(interview, () => left.push('left'));
    const window = BrowserWindow.created[0]!;
    dialog.answers.push(0);
    window.webContents.url = 'https://accounts.google.com/v3/signin/rejected?continue=x';
    window.webContents.emit('page-title-updated', {}, 'Couldn\u2019t sign you in');
    await flush();
    expect(dialog.shown[0]!.buttons).toEqual(['Open in browser', 'Stay here']);
    expect(opened).toEqual(['https://meet.google.com/abc-defg-hij']);
    expect(window.destroyed).toBe(true);
    expect(left).toEqual(['left']);
  });

  it('recognises the refusal page and nothing else', () => {
    expect(isSignInRejected('https://accounts.google.com/signin/rejected', '')).toBe(true);
    expect(
      isSignInRejected('https://accounts.google.com/v3/signin/identifier', 'This browser or app may not be secure'),
    ).toBe(true);
    expect(isSignInRejected('https://accounts.google.com/v3/signin/identifier', 'Sign in - Google Accounts')).toBe(
      false,
    );
    expect(isSignInRejected('https://evil.com/signin/rejected', 'This browser or app may not be secure')).toBe(false);
    expect(isSignInRejected('not a url', '')).toBe(false);
  });
});
