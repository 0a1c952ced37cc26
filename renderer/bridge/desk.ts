import type { DeskApi } from '../../preload/shared/contract/ipc-contract';
import { createWebBridge } from './web-bridge';

declare global {
  interface Window {
    /** Exposed by the preload in Electron; absent in web mode. */
    desk?: DeskApi;
  }
}

/** The API the whole renderer uses: the preload's in Electron, the HTTP bridge in web mode. */
export const desk: DeskApi = window.desk ?? createWebBridge();
/** Web mode (the app in a browser tab): no native notifications, no tray; the browser's own ways instead. */
export const webMode = !window.desk;
