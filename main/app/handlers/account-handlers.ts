import type { AccountService } from '../../google/account/account-service';
import type { Clock } from '../../platform/clock';
import type { NoticeBoard } from '../notices';
import type { NamespaceHandlers } from './namespace-handlers';

/** Connecting and disconnecting the Google account. */
export function accountHandlers(deps: {
  account: AccountService;
  notices: NoticeBoard;
  clock: Clock;
}): NamespaceHandlers<'account'> {
  const { account, notices, clock } = deps;
  return {
    'account:status': () => account.status(),
    'account:connect': () => account.connect(),
    'account:reopenSignIn': async () => ({ reopened: await account.reopenSignIn() }),
    'account:cancelSignIn': () => account.cancelSignIn(),
    'account:disconnect': async () => {
      const result = await account.disconnect();
      if (!result.revoked) {
        notices.post({
          id: `revoke-failed-${clock.now()}`,
          level: 'warning',
          message:
            'Disconnected here, but Google could not be reached to revoke access. Remove Interview Desk at myaccount.google.com/permissions.',
        });
      }
      return result;
    },
  };
}
