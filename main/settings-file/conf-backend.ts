import Conf from 'conf';
import type { KeyValueStore } from './key-value-store';
import type { SchemaBackendFactory } from './open-app-store';

/** The conf engine under electron-store, usable under plain Node (web mode, tests). */
export const confBackend: SchemaBackendFactory = (options) =>
  new Conf<Record<string, unknown>>({
    ...options,
    projectName: 'interview-desk',
    // Never silently clear: openAppStore handles damaged files (move aside, restore backup, notice).
    clearInvalidConfig: false,
    // Compact JSON: the file is rewritten whole on each change.
    serialize: (value) => JSON.stringify(value),
  }) as unknown as KeyValueStore;
