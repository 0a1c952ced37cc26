import type { SettingsService } from '../../settings/settings-service';
import type { NamespaceHandlers } from './namespace-handlers';

/** Reading and changing Settings. */
export function settingsHandlers(settings: SettingsService): NamespaceHandlers<'settings'> {
  return {
    'settings:get': () => settings.get(),
    'settings:update': (patch) => settings.update(patch),
    'settings:problems': () => settings.problems(),
  };
}
