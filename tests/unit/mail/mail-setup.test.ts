import { afterEach, describe, expect, it } from 'vitest';
import { createMailSetup } from '../../../main/mail/mail-setup';
import { DeskFailure } from '../../../main/shared/desk-failure';
import { makeTempDir } from '../../support/temp-dir';
import { memorySecretStore, servicesFor } from '../../support/test-services';

describe('mail set-up (transport and sender from settings, account and keychain)', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  function setup(smtpUrl?: string) {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const secrets = memorySecretStore();
    const services = servicesFor(temp.dir, { secrets });
    cleanups.push(() => void services.dispose());
    let who: { name: string; email: string } | null = null;
    const mail = createMailSetup({
      settings: services.settings,
      account: services.account,
      secrets,
      config: { smtpUrl, googleApiUrl: 'http://127.0.0.1:9/' },
      recruiter: () => who,
    });
    return { mail, services, secrets, setRecruiter: (r: typeof who) => void (who = r) };
  }

  it('refuses to send before an SMTP server or sender is set, in the Settings words', async () => {
    const { mail } = setup();
    await expect(mail.transport()).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/add an SMTP server in Settings/),
    });
    expect(() => mail.from()).toThrow(/Set a sender address in Settings → Email/);
  });

  it('stores the SMTP password under the saved server and user, and removes it when emptied', async () => {
    const { mail, services, secrets } = setup();
    await expect(mail.setSmtpPassword('pw')).rejects.toBeInstanceOf(DeskFailure);
    expect(await secrets.accounts()).toEqual([]);
    services.settings.update({
      smtp: { host: 'smtp.example.com', port: 587, security: 'starttls', user: 'rita', fromAddress: '' },
    });
    await mail.setSmtpPassword('pw');
    expect(await secrets.get('smtp:rita@smtp.example.com')).toBe('pw');
    await expect(mail.transport()).resolves.toHaveProperty('send');
    await mail.setSmtpPassword('');
    expect(await secrets.accounts()).toEqual([]);
  });

  it('sends from the saved sender address, else the recruiter, named for the recruiter or the company', () => {
    const { mail, services, setRecruiter } = setup();
    services.settings.update({
      companyName: 'Acme Corp',
      smtp: { host: 'smtp.example.com', port: 587, security: 'starttls', user: '', fromAddress: 'jobs@acme.example' },
    });
    expect(mail.from()).toEqual({ name: 'Acme Corp', address: 'jobs@acme.example' });
    setRecruiter({ name: 'Rita Recruiter', email: 'rita@acme.example' });
    expect(mail.from()).toEqual({ name: 'Rita Recruiter', address: 'jobs@acme.example' });
  });

  it('refuses Gmail while no Google account is connected', async () => {
    const { mail, services } = setup();
    services.settings.update({ mailTransport: 'gmail' });
    await expect(mail.transport()).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/no Google account is connected/),
    });
  });
});
