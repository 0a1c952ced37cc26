import { type BrowserWindow, dialog, screen, session, type WebContents } from 'electron';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import { requireMeetJoinUrl, type MeetLauncher } from '../meet/meet-launcher';
import { isSignInRejected, usableBounds, type Bounds } from '../meet/meet-window-policy';
import { isMeetJoinUrl, isMeetMediaPermission, isMeetWindowUrl } from '../security/url-policy';
import type { KeyValueStore } from '../settings-file/key-value-store';
import { applyPermissionPolicy } from './permissions';
import { createSecureWindow } from './window-factory';

/** The Meet window's own persistent session: the Google sign-in stays between calls, apart from the app's. */
export const meetPartition = 'persist:meet';

/** True for the Meet window's contents (the app-wide guard then allows Meet and Google sign-in origins). */
export function isMeetContents(contents: WebContents): boolean {
  return contents.session === session.fromPartition(meetPartition);
}

/** Navigation policy for the app-wide guard. */
export function meetNavigationPolicy(contents: WebContents): ((url: string) => boolean) | undefined {
  return isMeetContents(contents) ? isMeetWindowUrl : undefined;
}

/**
 * One managed Meet window at a time: reused and pointed at the new meeting if open, created
 * otherwise. No preload, no Node; media only for meet.google.com; notifications denied; remembers
 * size and position; an always-on-top toggle; if Google refuses sign-in inside it, offers the browser.
 */
export function createMeetWindowLauncher(options: {
  store: KeyValueStore;
  openExternal: (url: string) => Promise<void>;
}): MeetLauncher {
  let window: BrowserWindow | null = null;
  let current: { interview: Interview; onLeave: () => void } | null = null;
  let permissionsApplied = false;

  const leave = () => {
    const ending = current;
    current = null;
    ending?.onLeave();
  };

  const create = (): BrowserWindow => {
    if (!permissionsApplied) {
      applyPermissionPolicy(session.fromPartition(meetPartition), isMeetMediaPermission);
      permissionsApplied = true;
    }
    const saved = usableBounds(
      options.store.get('meetWindowBounds') as Bounds | undefined,
      screen.getAllDisplays().map((d) => d.workArea),
    );
    const created = createSecureWindow({
      width: 1100,
      height: 760,
      ...(saved ?? {}),
      minWidth: 480,
      minHeight: 360,
      title: 'Google Meet — Interview Desk',
      partition: meetPartition,
      alwaysOnTop: options.store.get('meetWindowOnTop') === true,
    });
    created.once('ready-to-show', () => created.show());
    created.on('close', () => options.store.set('meetWindowBounds', created.getBounds()));
    created.on('closed', () => {
      window = null;
      leave();
    });
    created.webContents.on('page-title-updated', (_event, title) => {
      const url = created.webContents.getURL();
      if (!current || !isSignInRejected(url, title)) return;
      const meetLink = current.interview.meetLink;
      void dialog
        .showMessageBox(created, {
          type: 'warning',
          message: "Google won't let you sign in inside this window.",
          detail: 'Google blocks sign-in in embedded browsers. Open the meeting in your default browser instead.',
          buttons: ['Open in browser', 'Stay here'],
          defaultId: 0,
          cancelId: 1,
        })
        .then(({ response }) => {
          if (response !== 0 || !isMeetJoinUrl(meetLink)) return;
          void options.openExternal(meetLink);
          created.close();
        });
    });
    return created;
  };

  return {
    async openInApp(interview, onLeave) {
      if (!interview.meetLink) return false;
      // `will-navigate` does not fire for a loadURL from main, so the link is checked here, before any window exists.
      const link = requireMeetJoinUrl(interview.meetLink);
      if (window && !window.isDestroyed()) {
        if (current && current.interview.id !== interview.id) leave();
      } else {
        window = create();
      }
      current = { interview, onLeave };
      await window.loadURL(link);
      window.show();
      window.focus();
      return true;
    },
    openInBrowser: async (url) => options.openExternal(requireMeetJoinUrl(url)),
    setAlwaysOnTop(flag) {
      if (window && !window.isDestroyed()) window.setAlwaysOnTop(flag);
    },
  };
}
