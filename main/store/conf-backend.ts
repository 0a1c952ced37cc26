import Conf from 'conf';
import type { KeyValueStore } from './key-value-store';

/** Options shared by electron-store and conf (electron-store is conf plus Electron paths). */
export interface StoreBackendOptions {
  cwd: string;
  configName: string;
}

/** Builds the raw key-value backend; Electron passes electron-store, web mode and tests pass conf. */
export type StoreBackendFactory = (options: StoreBackendOptions) => KeyValueStore;

/** The conf engine under electron-store, usable under plain Node. */
export const confBackend: StoreBackendFactory = (options) =>
  new Conf<Record<string, unknown>>({ ...options, projectName: 'interview-desk', clearInvalidConfig: false }) as unknown as KeyValueStore;
