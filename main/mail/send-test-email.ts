import type { Settings } from '../../preload/shared/contract/settings-schema';
import type { AccountStatus } from '../../preload/shared/contract/ipc-contract';
import { DeskFailure } from '../shared/desk-failure';
import { describeTransport } from './transport-description';

export interface SendTestEmailDeps {
  /** The recruiter: the test goes to them. */
  recruiter: () => { name: string; email: string } | null;
  send: (to: { name: string; address: string }) => Promise<string>;
  settings: () => Settings;
  account: () => AccountStatus;
  /** The SMTP server named by the environment, which wins over Settings. */
  smtpUrl?: string;
}

/** Sends the recruiter a test email and says, in the Settings screen's words, where it went and how. */
export async function sendTestEmail(
  deps: SendTestEmailDeps,
): Promise<{ response: string; to: string; transport: string }> {
  const who = deps.recruiter();
  if (!who)
    throw new DeskFailure(
      'invalid_input',
      'Add your name and email in Settings first: the test goes to you.',
      'recruiterEmail',
    );
  const response = await deps.send({ name: who.name, address: who.email });
  const current = deps.settings();
  const status = deps.account();
  const transport = describeTransport({
    transport: current.mailTransport,
    ...(status.state !== 'disconnected' ? { gmailAddress: status.email } : {}),
    ...(deps.smtpUrl ? { smtpUrl: deps.smtpUrl } : {}),
    smtpHost: current.smtp.host,
    smtpPort: current.smtp.port,
  });
  return { response, to: `${who.name} <${who.email}>`, transport };
}
