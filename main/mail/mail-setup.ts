import type { AppConfig } from '../config/env-config';
import type { AccountService } from '../google/account/account-service';
import { gmailSendScope } from '../google/account/oauth-client';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsService } from '../settings/settings-service';
import { DeskFailure } from '../shared/desk-failure';
import { gmailTransport, smtpTransport, type MailTransport } from './mail-transport';

/** What choosing the mail transport and sender needs. */
export interface MailSetupDeps {
  settings: Pick<SettingsService, 'get' | 'mailProblem'>;
  account: Pick<AccountService, 'status' | 'hasScope' | 'authClient' | 'markNeedsReconnect'>;
  secrets: SecretStore;
  config: { smtpUrl: AppConfig['smtpUrl']; googleApiUrl: string };
  /** The recruiter the mail is from (the Google account, else Settings); null when unknown. */
  recruiter: () => { name: string; email: string } | null;
}

/** The transport and sender for the current settings, and the SMTP password in the keychain. */
export interface MailSetup {
  /** Gmail or SMTP as chosen; throws DeskFailure (in Settings' words) when mail is not set up. */
  transport(): Promise<MailTransport>;
  from(): { name: string; address: string };
  /** Saves (or, when empty, removes) the SMTP password under the saved server and user. */
  setSmtpPassword(password: string): Promise<void>;
}

/** The keychain account the SMTP password is stored under. */
export const smtpSecretAccount = (smtp: { user: string; host: string }) => `smtp:${smtp.user}@${smtp.host}`;

/** Creates the mail set-up over settings, the Google account and the keychain. */
export function createMailSetup(deps: MailSetupDeps): MailSetup {
  const { settings, account } = deps;
  return {
    async transport() {
      const problem = settings.mailProblem();
      if (problem) throw new DeskFailure('invalid_input', problem, 'settings');
      const current = settings.get();
      if (current.mailTransport === 'gmail') {
        if (account.status().state === 'disconnected')
          throw new DeskFailure('unavailable', 'Gmail is chosen for invitations but no Google account is connected.');
        if (!account.hasScope(gmailSendScope))
          throw new DeskFailure(
            'needs_reconnect',
            'Allow Interview Desk to send mail with Gmail (Settings → Email → Use Gmail).',
          );
        return gmailTransport({
          apiUrl: deps.config.googleApiUrl,
          auth: () => account.authClient(),
          onAccessLost: (reason) => account.markNeedsReconnect(reason),
        });
      }
      if (deps.config.smtpUrl) return smtpTransport(deps.config.smtpUrl);
      if (!current.smtp.host)
        throw new DeskFailure('unavailable', 'Email is not set up: add an SMTP server in Settings, or choose Gmail.');
      const pass = current.smtp.user ? await deps.secrets.get(smtpSecretAccount(current.smtp)) : null;
      return smtpTransport({ ...current.smtp, pass });
    },
    from() {
      const current = settings.get();
      const who = deps.recruiter();
      const status = account.status();
      if (current.mailTransport === 'gmail' && status.state !== 'disconnected')
        return { name: who?.name ?? status.name, address: status.email };
      const address = current.smtp.fromAddress || who?.email;
      if (!address) throw new DeskFailure('unavailable', 'Set a sender address in Settings → Email.');
      return { name: who?.name ?? current.companyName, address };
    },
    async setSmtpPassword(password) {
      const smtp = settings.get().smtp;
      if (!smtp.host || !smtp.user)
        throw new DeskFailure('invalid_input', 'Save the SMTP server and user first.', 'smtp');
      if (password) await deps.secrets.set(smtpSecretAccount(smtp), password);
      else await deps.secrets.delete(smtpSecretAccount(smtp));
    },
  };
}
