import { ipcMain, type BrowserWindow, type WebFrameMain } from 'electron';
import { callChannel, callNames, eventChannel } from '../../preload/shared/contract/ipc-contract';
import { fail, type Result } from '../../preload/shared/contract/result';
import { dispatchCall } from '../app/dispatch-call';
import type { DeskServices } from '../app/compose-services';
import type { Logger } from '../logging/logger';
import { isAppUrl } from '../security/url-policy';

/** A message is trusted only from the app's own top-level page, never an iframe or another origin. */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

/** Registers one handler per contract call, in one place; each checks its sender before anything else. */
export function registerIpcHandlers(services: DeskServices, log: Logger): void {
  for (const name of callNames) {
    ipcMain.handle(callChannel(name), async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event.senderFrame)) {
        log.warn(`refused ${name} from an untrusted frame`);
        return fail('forbidden', 'This request did not come from Interview Desk.');
      }
      return dispatchCall(services.handlers, name, input, log);
    });
  }
}

/** Forwards every main event to the given windows (payloads only). */
export function forwardEvents(services: DeskServices, windows: () => BrowserWindow[]): () => void {
  return services.events.listen((name, payload) => {
    for (const window of windows()) {
      if (!window.isDestroyed()) window.webContents.send(eventChannel(name), payload);
    }
  });
}
