import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';

export interface WindowRequest extends Omit<BrowserWindowConstructorOptions, 'webPreferences'> {
  preload?: string;
  partition?: string;
}

/**
 * The one window factory: every BrowserWindow in the app is created here, with the Electron
 * security checklist's preferences written out literally (so Electronegativity can see them) and
 * applied after the caller's options, so no caller can switch one off.
 */
export function createSecureWindow(request: WindowRequest): BrowserWindow {
  const { preload, partition, ...windowOptions } = request;
  return new BrowserWindow({
    show: false,
    backgroundColor: '#f6f7fb',
    ...windowOptions,
    webPreferences: {
      preload,
      partition,
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
    },
  });
}
