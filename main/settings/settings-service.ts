import { settingsSchema, type Settings, type SettingsPatch } from '../../preload/contract/settings-schema';
import type { KeyValueStore } from '../store/key-value-store';
import type { EventHub } from '../app/event-hub';
import type { Logger } from '../logging/logger';

/** Reads and updates Settings; every write is validated against the contract's schema first. */
export interface SettingsService {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
}

/** Creates the settings service over the app store. */
export function createSettingsService(store: KeyValueStore, events: EventHub, log: Logger): SettingsService {
  const read = (): Settings => {
    const parsed = settingsSchema.safeParse(store.get('settings') ?? {});
    if (parsed.success) return parsed.data;
    // A hand-edited or older file: keep what validates field by field rather than dropping everything.
    log.warn('stored settings did not validate; invalid fields fall back to defaults');
    const raw = (store.get('settings') ?? {}) as Record<string, unknown>;
    const kept: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw)) {
      const field = settingsSchema.shape[key as keyof Settings];
      if (field?.safeParse(value).success) kept[key] = value;
    }
    return settingsSchema.parse(kept);
  };
  return {
    get: read,
    update(patch) {
      const next = settingsSchema.parse({ ...read(), ...patch });
      store.set('settings', next);
      events.emit('settings:changed', next);
      return next;
    },
  };
}
