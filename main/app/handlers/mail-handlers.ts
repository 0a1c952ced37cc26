import type { AccountService } from '../../google/account/account-service';
import { gmailSendScope } from '../../google/account/oauth-client';
import type { InterviewQueries } from '../../interviews/interview-queries';
import type { MailSetup } from '../../mail/mail-setup';
import type { Outbox } from '../../mail/outbox/outbox';
import { sendTestEmail } from '../../mail/send-test-email';
import type { SettingsService } from '../../settings/settings-service';
import type { NamespaceHandlers } from './namespace-handlers';

/** Resending, testing and choosing how mail goes out; every change of transport resumes the queue. */
export function mailHandlers(deps: {
  outbox: Outbox;
  mail: MailSetup;
  account: AccountService;
  settings: SettingsService;
  interviews: InterviewQueries;
  recruiter: () => { name: string; email: string } | null;
  smtpUrl?: string | undefined;
}): NamespaceHandlers<'mail'> {
  const { outbox, mail, account, settings, interviews } = deps;
  return {
    'mail:resend': ({ id, recipient }) => {
      outbox.resend(id, recipient);
      return interviews.get(id);
    },
    'mail:sendTest': () =>
      sendTestEmail({
        recruiter: deps.recruiter,
        send: (to) => outbox.sendTest(to),
        settings: () => settings.get(),
        account: () => account.status(),
        ...(deps.smtpUrl ? { smtpUrl: deps.smtpUrl } : {}),
      }),
    'mail:setSmtpPassword': async (password) => {
      await mail.setSmtpPassword(password);
      void outbox.drain();
      return null;
    },
    'mail:useGmail': async () => {
      const status = account.hasScope(gmailSendScope) ? account.status() : await account.connect([gmailSendScope]);
      settings.update({ mailTransport: 'gmail' });
      void outbox.drain();
      return status;
    },
  };
}
