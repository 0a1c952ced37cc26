import type { MediaAccess } from '../../../preload/shared/contract/ipc-contract';
import { checkNetwork, defaultNetcheckUrl, defaultStunServer } from '../../device-check/network-check';
import type { SettingsService } from '../../settings/settings-service';
import type { NamespaceHandlers } from './namespace-handlers';

/** The device check's network test and the OS media permission. */
export function devicecheckHandlers(deps: {
  settings: SettingsService;
  config: { netcheckUrl?: string | undefined; stunServer?: string | undefined };
  mediaAccess?: (() => Promise<MediaAccess>) | undefined;
}): NamespaceHandlers<'devicecheck'> {
  const { settings, config, mediaAccess } = deps;
  return {
    // Settings win over the environment, which wins over the built-in servers.
    'devicecheck:network': () => {
      const current = settings.get();
      return checkNetwork({
        url: current.netcheckUrl || config.netcheckUrl || defaultNetcheckUrl,
        stunServer: current.stunServer || config.stunServer || defaultStunServer,
      });
    },
    'devicecheck:mediaAccess': () => mediaAccess?.() ?? { camera: 'unknown', microphone: 'unknown' },
  };
}
