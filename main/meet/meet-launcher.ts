import type { Interview } from '../../preload/contract/interview-schema';

/** How a Meet call is opened: the managed app window (Electron) or the system browser. */
export interface MeetLauncher {
  /** Opens the managed window; resolves false where there is none (web mode), so the caller falls back to the browser. */
  openInApp(interview: Interview, onLeave: () => void): Promise<boolean>;
  openInBrowser(url: string): Promise<void>;
  setAlwaysOnTop(flag: boolean): void;
}

/** Web mode and tests: no app window, the browser only. */
export function browserOnlyLauncher(openExternal: (url: string) => Promise<void>): MeetLauncher {
  return {
    openInApp: async () => false,
    openInBrowser: openExternal,
    setAlwaysOnTop: () => {},
  };
}
