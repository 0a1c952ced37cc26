import type { AppInfo } from '../../../preload/shared/contract/ipc-contract';
import { smtpOverrideFromUrl } from '../../mail/transport-description';
import type { NoticeBoard } from '../notices';
import type { NamespaceHandlers } from './namespace-handlers';

/** What the app is and the notices it shows. */
export function appHandlers(deps: {
  info: AppInfo;
  smtpUrl?: string | undefined;
  notices: NoticeBoard;
}): NamespaceHandlers<'app'> {
  const { info, smtpUrl, notices } = deps;
  return {
    'app:info': () => (smtpUrl ? { ...info, smtpOverride: smtpOverrideFromUrl(smtpUrl) } : info),
    'app:notices': () => notices.list(),
    'app:dismissNotice': (id) => {
      notices.dismiss(id);
      return null;
    },
  };
}
