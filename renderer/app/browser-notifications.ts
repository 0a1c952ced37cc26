import { webMode } from '../bridge/desk';

/** Whether this page may show the browser's notifications (web mode only: the desktop app has native ones). */
function available(): boolean {
  return webMode && typeof Notification !== 'undefined';
}

/**
 * Asks the browser, once, whether Interview Desk may notify (web mode). Called from a press that makes
 * notifications useful (Connect Google Meet, Schedule interview): browsers ask only after a press.
 * A refusal changes nothing else: the banner and the tab's title still say it.
 */
export function askForNotifications(): void {
  if (!available() || Notification.permission !== 'default') return;
  void Notification.requestPermission().catch(() => undefined);
}

/**
 * Shows one browser notification (web mode, when allowed); `tag` makes a repeat replace it, not stack.
 * Clicking it brings the tab forward and runs `onClick`.
 */
export function notifyInBrowser(note: { title: string; body: string; tag: string; onClick: () => void }): void {
  if (!available() || Notification.permission !== 'granted') return;
  try {
    const shown = new Notification(note.title, { body: note.body, tag: note.tag });
    shown.onclick = () => {
      window.focus();
      note.onClick();
      shown.close();
    };
  } catch {
    // Some browsers allow notifications only from a service worker: the banner and the title still say it.
  }
}
