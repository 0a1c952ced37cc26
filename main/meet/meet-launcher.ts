import type { Interview } from '../../preload/shared/contract/interview-schema';
import { DeskFailure } from '../shared/desk-failure';
import { isMeetJoinUrl } from '../security/url-policy';

/** How a Meet call is opened: the managed app window (Electron) or the system browser. */
export interface MeetLauncher {
  /** Opens the managed window; resolves false where there is none (web mode), so the caller falls back to the browser. */
  openInApp(interview: Interview, onLeave: () => void): Promise<boolean>;
  openInBrowser(url: string): Promise<void>;
  setAlwaysOnTop(flag: boolean): void;
}

/**
 * The last check before any Meet opener (app window or browser) loads a link: only a Google Meet
 * meeting URL passes. Stored links were checked where they entered; this is the second line, for
 * older data and for any path that forgot.
 */
export function requireMeetJoinUrl(url: string | undefined): string {
  if (isMeetJoinUrl(url)) return url;
  throw new DeskFailure(
    'forbidden',
    'This interview has no usable Google Meet link, so nothing was opened. Open the event in Google Calendar to check it, or paste a Meet link.',
    'meetLink',
  );
}

/** Web mode and tests: no app window, the browser only. */
export function browserOnlyLauncher(openExternal: (url: string) => Promise<void>): MeetLauncher {
  return {
    openInApp: async () => false,
    openInBrowser: async (url) => openExternal(requireMeetJoinUrl(url)),
    setAlwaysOnTop: () => {},
  };
}
