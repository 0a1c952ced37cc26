import type { AccountStatus } from '../../preload/shared/contract/ipc-contract';
import type { Settings } from '../../preload/shared/contract/settings-schema';
import { createLiveResource } from '../common/live-resource';
import { desk } from './desk';

/** The renderer's one copy of Settings, replaced by every `settings:changed`. */
export const liveSettings = createLiveResource<Settings>(
  () => desk.settings.get(),
  (onPush) => desk.on('settings:changed', onPush),
);

/** The renderer's one copy of the Google account's state, replaced by every `account:changed`. */
export const liveAccount = createLiveResource<AccountStatus>(
  () => desk.account.status(),
  (onPush) => desk.on('account:changed', onPush),
);

/** Settings as saved now; every screen that reads it follows a change made anywhere. */
export const useSettings = () => liveSettings.use();
/** The Google account's state now; every screen that reads it follows a connect or disconnect. */
export const useAccount = () => liveAccount.use();
