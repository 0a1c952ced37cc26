import { BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';

/**
 * The web preferences every window starts from (Electron security checklist). Callers may add a
 * preload or a partition; they cannot switch any of these off because they are applied last.
 */
export const secureWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const satisfies WebPreferences;

export interface WindowRequest extends Omit<BrowserWindowConstructorOptions, 'webPreferences'> {
  preload?: string;
  partition?: string;
}

/** The one window factory: every BrowserWindow in the app is created here. */
export function createSecureWindow(request: WindowRequest): BrowserWindow {
  const { preload, partition, ...windowOptions } = request;
  return new BrowserWindow({
    show: false,
    backgroundColor: '#f6f7fb',
    ...windowOptions,
    webPreferences: {
      ...(preload ? { preload } : {}),
      ...(partition ? { partition } : {}),
      ...secureWebPreferences,
    },
  });
}
