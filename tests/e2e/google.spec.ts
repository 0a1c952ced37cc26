import path from 'node:path';
import { expect, saveScreenshot, test } from './fixtures';
import { fakeBrowserEnv } from './connected-recruiter';
import { startWebMode } from '../support/web-mode';
import { startGoogleEmulator } from '../google-emulator/google-emulator';
import { eventIdFor } from '../../main/google/calendar/event-mapping';
import { startSmtpSink } from '../support/smtp-sink';
import { icsAttachment } from '../support/mail-harness';
import { parseWithIcalJs } from '../support/ics-check';

test('connect Google from the welcome screen, schedule, and get a Meet link from Calendar', async ({ page }) => {
  const g = await startGoogleEmulator();
  const sink = await startSmtpSink();
  g.calendar.conferenceMode = 'pending';
  const app = await startWebMode({ ...g.env, INTERVIEW_DESK_SMTP_URL: sink.url, ...fakeBrowserEnv });
  try {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Connect Google account' }).click();
    // Connected: the first-run step asks for the company, with name and email from the Google account.
    const setup = page.getByRole('form', { name: 'About you and your company' });
    await expect(setup.getByLabel('Your email')).toHaveValue('recruiter@example.com', { timeout: 15_000 });
    await expect(setup.getByLabel('Your name')).not.toHaveValue('');
    await setup.getByLabel('Company name (optional)').fill('Acme Corp');
    await setup.getByRole('button', { name: 'Save and continue' }).click();
    // Then the app moves on to the schedule; Settings shows who.
    await expect(page.getByRole('heading', { name: 'Schedule', level: 1 })).toBeVisible({ timeout: 15_000 });
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('region', { name: 'Google account' })).toContainText('recruiter@example.com');
    await saveScreenshot(page, 'settings-connected');

    await page.getByRole('link', { name: 'Schedule', exact: true }).click();
    await page.getByRole('button', { name: 'Schedule interview' }).click();
    await page.getByLabel('Candidate name').fill('Grace Hopper');
    await page.getByLabel('Candidate email').fill('grace@example.com');
    await page.getByLabel('Job title').fill('Compiler Engineer');
    await page.getByLabel('Time zone', { exact: true }).fill('Europe/Berlin');
    await page.getByRole('button', { name: 'Schedule interview' }).click();
    // Free/busy is not allowed yet, so Google cannot tell whether the time is free: asked, then "anyway".
    await expect(
      page.getByRole('dialog', { name: 'Someone may be busy then' }).getByTestId('conflict-question'),
    ).toContainText('Google could not tell whether you are free then');
    await page
      .getByRole('dialog', { name: 'Someone may be busy then' })
      .getByRole('button', { name: 'Schedule anyway' })
      .click();
    await expect(page.getByRole('heading', { name: 'Grace Hopper · Compiler Engineer' })).toBeVisible();
    await expect(page.locator('.details')).toContainText('In sync', { timeout: 15_000 });
    await expect(page.locator('.details')).toContainText(/https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}/);
    const id = new URL(page.url()).hash.split('/')[2]!;
    expect(g.calendar.peek(eventIdFor(id))?.summary).toBe('Interview: Compiler Engineer — Grace Hopper');
    await saveScreenshot(page, 'interview-room-google');

    // A pasted link with Google connected: the form says what happens, the event takes that link,
    // and both invitations carry it with the event's UID.
    await page.getByRole('link', { name: 'Schedule', exact: true }).click();
    await page.getByRole('button', { name: 'Schedule interview' }).click();
    await expect(page.getByText('A link you paste becomes the Calendar event’s meeting')).toBeVisible();
    await page.getByLabel('Candidate name').fill('Ada Lovelace');
    await page.getByLabel('Candidate email').fill('ada@example.com');
    await page.getByLabel('Job title').fill('Analyst');
    await page.getByLabel('Start time', { exact: true }).fill('15:00');
    await page.getByLabel('Time zone', { exact: true }).fill('Europe/Berlin');
    await page.getByLabel('Meet link (optional)').fill('https://meet.google.com/abc-defg-hij');
    await page.getByRole('button', { name: 'Schedule interview' }).click();
    await page
      .getByRole('dialog', { name: 'Someone may be busy then' })
      .getByRole('button', { name: 'Schedule anyway' })
      .click();
    await expect(page.getByRole('heading', { name: 'Ada Lovelace · Analyst' })).toBeVisible();
    await expect(page.locator('.details')).toContainText('In sync', { timeout: 15_000 });
    await expect(page.getByTestId('invitation-candidate')).toContainText('Invitation sent to Ada Lovelace', {
      timeout: 15_000,
    });
    await expect(page.getByTestId('invitation-recruiter')).toContainText('Invitation sent to', { timeout: 15_000 });
    const adaId = new URL(page.url()).hash.split('/')[2]!;
    const adaEvent = g.calendar.peek(eventIdFor(adaId))!;
    expect(adaEvent.hangoutLink).toBe('https://meet.google.com/abc-defg-hij');
    const adaMails = sink.received.filter((m) => parseWithIcalJs(icsAttachment(m)).uid === adaEvent.iCalUID);
    expect(adaMails.map((m) => m.envelope.to[0]).sort()).toEqual(['ada@example.com', 'recruiter@example.com']);
    for (const m of adaMails)
      expect(parseWithIcalJs(icsAttachment(m)).location).toBe('https://meet.google.com/abc-defg-hij');
    await saveScreenshot(page, 'interview-room-google-pasted-link');

    // Disconnect: revoked at Google, local interview kept.
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('region', { name: 'Google account' }).getByRole('button', { name: 'Disconnect' }).click();
    // Asked in the app's own modal dialog, which starts on the safe answer.
    const ask = page.getByRole('dialog', { name: 'Disconnect recruiter@example.com?' });
    await expect(ask.getByRole('button', { name: 'Stay connected' })).toBeFocused();
    await ask.getByRole('button', { name: 'Disconnect' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'revoked at Google' })).toBeVisible();
    expect(g.oauth.liveRefreshTokens()).toEqual([]);
    await page.getByRole('link', { name: 'Schedule', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Interviews' })).toContainText('Grace Hopper');

    // After the whole run: no token, code or secret in the log or anywhere in the data dir.
    const fs = await import('node:fs');
    const files = fs.readdirSync(app.dataDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    const text = files.map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8')).join('\n');
    expect(text).toContain('Google account connected');
    for (const secret of [
      '1//emu-',
      'ya29.emu-',
      '4/0',
      g.oauth.clientSecret,
      new URL(app.url).searchParams.get('token')!,
    ])
      expect(text).not.toContain(secret);
  } finally {
    await app.stop();
    await g.close();
    await sink.close();
  }
});
