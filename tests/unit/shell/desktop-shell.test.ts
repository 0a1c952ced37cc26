import { beforeEach, describe, expect, it } from 'vitest';
import { BrowserWindow, Menu, Notification, Tray, dialog, resetFakeElectron } from '../../fakes/electron';
import { closeForQuit, createMainWindow, hideInsteadOfClose } from '../../../main/shell/main-window';
import { createTray, trayTemplate } from '../../../main/shell/tray';
import {
  showReminderNotification,
  showScorecardDueNotification,
  showWaitingNotification,
} from '../../../main/shell/notifications';
import { createMeetWindowLauncher } from '../../../main/shell/meet-window';
import { buildTrayMenu, type TrayAction } from '../../../main/tray/tray-menu';
import { timeStyleOf } from '../../../preload/shared/rules/time-format';
import { makeInterview } from '../../support/interview-fixtures';
import { memoryStore } from '../../support/test-services';

const settings = { joinOpensMinutesBefore: 15, joinClosesMinutesAfter: 60 };
const british = timeStyleOf('en-GB');
const now = Date.parse('2030-01-15T09:50:00.000Z');
const schedule = [
  makeInterview({
    startUtc: '2030-01-15T10:00:00.000Z',
    candidate: { name: 'Ada Lovelace', email: 'a@example.com' },
    jobTitle: 'Engineer',
    meetLink: 'https://meet.google.com/abc-defg-hij',
  }),
  makeInterview({
    startUtc: '2030-01-15T14:30:00.000Z',
    candidate: { name: 'Grace Hopper', email: 'g@example.com' },
    jobTitle: 'Compilers',
  }),
  makeInterview({
    startUtc: '2030-01-16T09:00:00.000Z',
    candidate: { name: 'Alan Turing', email: 't@example.com' },
    jobTitle: 'Research',
  }),
  makeInterview({
    startUtc: '2030-01-15T16:00:00.000Z',
    candidate: { name: 'Cancelled Person', email: 'c@example.com' },
    status: 'cancelled',
  }),
];

describe('tray menu', () => {
  beforeEach(() => resetFakeElectron());

  it("shows the next interview with a countdown, Join while its window is open, today's list, and the fixed items", () => {
    const labels = buildTrayMenu(schedule, settings, now, 'UTC', british).map((i) =>
      i.type === 'separator' ? '---' : i.label,
    );
    expect(labels).toEqual([
      'Next: Ada Lovelace · Engineer · 10:00 (starts in 10 min)',
      'Join Ada Lovelace',
      '---',
      'Today',
      '10:00  Ada Lovelace — Engineer',
      '14:30  Grace Hopper — Compilers',
      '---',
      'Open Interview Desk',
      'Device check',
      '---',
      'Quit',
    ]);
  });

  it('states the real time left, and that it started once it has', () => {
    const label = (at: string) =>
      (buildTrayMenu(schedule, settings, Date.parse(at), 'UTC', british)[0] as { label: string }).label;
    expect(label('2030-01-15T06:02:00.000Z')).toBe('Next: Ada Lovelace · Engineer · 10:00 (starts in 3 h 58 min)');
    expect(label('2030-01-15T10:05:00.000Z')).toBe('Next: Ada Lovelace · Engineer · 10:00 (started 5 min ago)');
  });

  it("writes times as the system's regional format does: 12 hours for en-US", () => {
    const labels = buildTrayMenu(schedule, settings, now, 'UTC', timeStyleOf('en-US')).map((i) =>
      i.type === 'separator' ? '---' : i.label,
    );
    expect(labels[0]).toBe('Next: Ada Lovelace · Engineer · 10:00 AM (starts in 10 min)');
    expect(labels).toContain('2:30 PM  Grace Hopper — Compilers');
  });

  it('has no Join before the window opens, and says so when nothing is upcoming', () => {
    const early = buildTrayMenu(schedule, settings, Date.parse('2030-01-15T09:00:00.000Z'), 'UTC', british);
    expect(early.some((i) => i.type === 'item' && i.label.startsWith('Join'))).toBe(false);
    expect(buildTrayMenu([], settings, now, 'UTC', british)[0]).toEqual({
      type: 'item',
      label: 'No upcoming interviews',
      enabled: false,
    });
  });

  it('becomes an Electron menu whose clicks route to the actions', () => {
    const actions: TrayAction[] = [];
    const tray = createTray(
      '/icon.png',
      () => buildTrayMenu(schedule, settings, now, 'UTC', british),
      (a) => actions.push(a),
    );
    expect(Tray.created).toHaveLength(1);
    expect(Tray.created[0]!.tooltip).toContain('Next: Ada Lovelace');
    const template = Menu.built.at(-1) as Array<{ label?: string; click?: () => void; type?: string }>;
    template.find((i) => i.label === 'Join Ada Lovelace')!.click!();
    template.find((i) => i.label === '14:30  Grace Hopper — Compilers')!.click!();
    template.find((i) => i.label === 'Device check')!.click!();
    template.find((i) => i.label === 'Quit')!.click!();
    Tray.created[0]!.emit('click');
    expect(actions).toEqual([
      { kind: 'join', id: schedule[0]!.id },
      { kind: 'open-interview', id: schedule[1]!.id },
      { kind: 'device-check' },
      { kind: 'quit' },
      { kind: 'open-app' },
    ]);
    expect(trayTemplate([{ type: 'separator' }], () => {})).toEqual([{ type: 'separator' }]);
    tray.destroy();
  });
});

describe('reminder notifications', () => {
  beforeEach(() => resetFakeElectron());

  it('names candidate, job and the real time left (a 1-hour reminder shown 2 minutes late says 58 min); a click opens the room', () => {
    const opened: string[] = [];
    showReminderNotification(schedule[0]!, false, Date.parse('2030-01-15T09:02:00.000Z'), {
      open: (id) => opened.push(id),
      join: () => {},
    });
    const n = Notification.shown[0]!;
    expect(n.options.title).toBe('Interview starts in 58 min: Ada Lovelace');
    expect(n.options.body).toBe('Engineer · 11:00 CET');
    expect(n.options.actions).toBeUndefined();
    n.emit('click');
    expect(opened).toEqual([schedule[0]!.id]);
  });

  it('gives the day when the interview is not today in its zone', () => {
    showReminderNotification(schedule[2]!, false, Date.parse('2030-01-15T09:00:00.000Z'), {
      open: () => {},
      join: () => {},
    });
    expect(Notification.shown[0]!.options.title).toBe('Interview starts in 1 d: Alan Turing');
    expect(Notification.shown[0]!.options.body).toBe('Research · Wed 16 Jan, 10:00 CET');
  });

  it('offers Join while the join window is open, and the action joins', () => {
    const joined: string[] = [];
    showReminderNotification(schedule[0]!, true, Date.parse('2030-01-15T10:00:10.000Z'), {
      open: () => {},
      join: (id) => joined.push(id),
    });
    const n = Notification.shown[0]!;
    expect(n.options.title).toBe('Interview is starting now: Ada Lovelace');
    expect(n.options.body).toBe('Engineer · 11:00 CET · You can join now.');
    expect(n.options.actions).toEqual([{ type: 'button', text: 'Join' }]);
    n.emit('action', {}, 0);
    expect(joined).toEqual([schedule[0]!.id]);
  });
});

describe('"your candidate is waiting" notification', () => {
  beforeEach(() => resetFakeElectron());

  it('says who has waited how long, with Join; a click opens the room', () => {
    const opened: string[] = [];
    const joined: string[] = [];
    showWaitingNotification(
      schedule[0]!,
      { displayName: 'Ada Lovelace', since: '2030-01-15T09:48:00.000Z', identified: true },
      now,
      { open: (id) => opened.push(id), join: (id) => joined.push(id) },
    );
    const n = Notification.shown[0]!;
    expect(n.options.title).toBe('Ada Lovelace joined 2 minutes ago and is waiting');
    expect(n.options.body).toBe('Engineer · Ada Lovelace');
    expect(n.options.actions).toEqual([{ type: 'button', text: 'Join' }]);
    n.emit('click');
    n.emit('action', {}, 0);
    expect(opened).toEqual([schedule[0]!.id]);
    expect(joined).toEqual([schedule[0]!.id]);
  });
});

describe('"Scorecard due" notification', () => {
  beforeEach(() => resetFakeElectron());

  it('names candidate and job, says how long ago the interview ended; a click opens its room', () => {
    const opened: string[] = [];
    const compiler = makeInterview({
      startUtc: '2030-01-15T10:00:00.000Z',
      durationMinutes: 45,
      candidate: { name: 'Ada Lovelace', email: 'a@example.com' },
      jobTitle: 'Compiler Engineer',
    });
    showScorecardDueNotification(
      compiler,
      Date.parse('2030-01-15T11:47:00.000Z'),
      { open: (id) => opened.push(id) },
      'darwin',
    );
    const n = Notification.shown[0]!;
    expect(n.options.title).toBe('Scorecard due: Ada Lovelace, Compiler Engineer');
    expect(n.options.body).toBe(
      'The interview with Ada Lovelace (Compiler Engineer) ended 1 h 2 min ago. Write your scorecard while it is fresh.',
    );
    expect(n.options.actions).toBeUndefined();
    expect(opened).toEqual([]);
    n.emit('click');
    expect(opened).toEqual([compiler.id]);
  });
});

describe('windows of the desktop shell', () => {
  beforeEach(() => resetFakeElectron());

  it('every window has the secure preferences (main window with the preload, Meet window without)', async () => {
    createMainWindow('/app/dist/preload/preload.cjs');
    await createMeetWindowLauncher({ store: memoryStore(), openExternal: async () => {} }).openInApp(
      schedule[0]!,
      () => {},
    );
    expect(BrowserWindow.created).toHaveLength(2);
    for (const window of BrowserWindow.created) {
      expect(window.options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
        allowRunningInsecureContent: false,
      });
    }
    expect((BrowserWindow.created[0]!.options.webPreferences as Record<string, unknown>).preload).toBe(
      '/app/dist/preload/preload.cjs',
    );
    expect(BrowserWindow.created[0]!.loaded).toBe('app://interview-desk/index.html');
    expect((BrowserWindow.created[1]!.options.webPreferences as Record<string, unknown>).preload).toBeUndefined();
  });

  it('a screen with unsaved changes that refuses to unload is asked about, and only "Leave without saving" leaves', () => {
    const window = createMainWindow('/app/dist/preload/preload.cjs');
    const refuse = () => {
      let left = false;
      window.webContents.emit('will-prevent-unload', { preventDefault: () => (left = true) });
      return left;
    };
    // Escape or "Keep editing" (the cancel button) keeps the window and its unsaved changes.
    expect(refuse()).toBe(false);
    expect(dialog.shown.at(-1)).toMatchObject({
      type: 'question',
      message: 'Leave without saving?',
      buttons: ['Keep editing', 'Leave without saving'],
      cancelId: 0,
      defaultId: 0,
    });
    dialog.answers.push(1);
    expect(refuse()).toBe(true);
    expect(dialog.shown).toHaveLength(2);
  });

  it('a quit closes the window through the same question: kept edits call it off, a plain close lets it go', async () => {
    const window = createMainWindow('/app/dist/preload/preload.cjs');
    const fake = BrowserWindow.created.at(-1)!;
    fake.hide();
    // The renderer refuses to unload (an unsaved edit): the fake window's close asks, as Electron's does.
    fake.close = () => {
      let leave = false;
      fake.webContents.emit('will-prevent-unload', { preventDefault: () => (leave = true) });
      if (!leave) return;
      fake.destroyed = true;
      fake.emit('closed');
    };
    const kept = closeForQuit(window);
    await expect(kept).resolves.toBe(false);
    // The hidden window was shown first, so the person sees what is unsaved.
    expect(window.isVisible()).toBe(true);
    expect(window.isDestroyed()).toBe(false);
    dialog.answers.push(1);
    await expect(closeForQuit(window)).resolves.toBe(true);
    expect(window.isDestroyed()).toBe(true);
    await expect(closeForQuit(window)).resolves.toBe(true);
  });

  it('closing the main window hides it to the tray when the setting says so, with a notice the first time', () => {
    expect(hideInsteadOfClose({ closeToTray: true, quitting: false, noticeShown: false })).toEqual({
      hide: true,
      showNotice: true,
    });
    expect(hideInsteadOfClose({ closeToTray: true, quitting: false, noticeShown: true })).toEqual({
      hide: true,
      showNotice: false,
    });
    expect(hideInsteadOfClose({ closeToTray: true, quitting: true, noticeShown: false })).toEqual({
      hide: false,
      showNotice: false,
    });
    expect(hideInsteadOfClose({ closeToTray: false, quitting: false, noticeShown: false })).toEqual({
      hide: false,
      showNotice: false,
    });
  });
});
