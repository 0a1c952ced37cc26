import type { AppConfig } from '../config/env-config';
import type { Logger } from '../logging/logger';
import type { KeyValueStore } from '../store/key-value-store';
import type { SecretStore } from '../secrets/secret-store';
import type { Clock } from '../platform/clock';
import type { AccountStatus, AppInfo, Notice } from '../../preload/contract/ipc-contract';
import { accountStatusSchema } from '../../preload/contract/ipc-contract';
import { isAllowedExternalUrl } from '../security/url-policy';
import { createEventHub, type EventHub } from './event-hub';
import { createNoticeBoard, type NoticeBoard } from './notices';
import { createSettingsService, type SettingsService } from '../settings/settings-service';
import { DeskFailure } from './desk-failure';
import type { CallHandlers } from './dispatch-call';

/** What the composition root needs from the outside world; tests hand in real-but-local ones. */
export interface ServiceDeps {
  config: AppConfig;
  log: Logger;
  store: KeyValueStore;
  secrets: SecretStore;
  clock: Clock;
  /** Opens a URL in the system browser (Electron's shell, or `$BROWSER` in web mode). */
  openExternal: (url: string) => Promise<void>;
  info: AppInfo;
  startupNotices?: Notice[];
}

/** Everything a shell (Electron or web) needs to serve the contract. */
export interface DeskServices {
  handlers: CallHandlers;
  events: EventHub;
  notices: NoticeBoard;
  settings: SettingsService;
  dispose(): Promise<void>;
}

/** The one composition root: builds every service from its dependencies and wires the contract's handlers. */
export function composeServices(deps: ServiceDeps): DeskServices {
  const events = createEventHub();
  const notices = createNoticeBoard(events, deps.startupNotices);
  const settings = createSettingsService(deps.store, events, deps.log.scope('settings'));

  const accountStatus = (): AccountStatus => {
    const parsed = accountStatusSchema.safeParse(deps.store.get('account'));
    return parsed.success ? parsed.data : { state: 'disconnected' };
  };

  const handlers: CallHandlers = {
    'app:info': () => deps.info,
    'app:notices': () => notices.list(),
    'app:dismissNotice': (id) => {
      notices.dismiss(id);
      return null;
    },
    'settings:get': () => settings.get(),
    'settings:update': (patch) => settings.update(patch),
    'account:status': () => accountStatus(),
    'shell:openExternal': async (url) => {
      if (!isAllowedExternalUrl(url)) {
        throw new DeskFailure(
          'forbidden',
          'That link was not opened: only secure Google Meet, Calendar and account pages, or an email address, can be opened from here.',
          'url',
        );
      }
      await deps.openExternal(url);
      return null;
    },
  };

  return {
    handlers,
    events,
    notices,
    settings,
    async dispose() {},
  };
}
