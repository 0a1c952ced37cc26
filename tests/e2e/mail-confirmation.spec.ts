import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, saveScreenshot, test } from './fixtures';
import { startWebMode } from '../support/web-mode';
import { startSmtpSink } from '../support/smtp-sink';

/** Serious or critical axe violations on the page as it is now, printed as a table. */
async function axeProblems(page: Page, screen: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  console.table([
    {
      screen,
      serious: bad.filter((v) => v.impact === 'serious').length,
      critical: bad.filter((v) => v.impact === 'critical').length,
    },
  ]);
  return bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const privateNote = 'Internal: salary expectations too high?';

test('first run asks for the company; private notes stay private; cancel and reschedule say what went out to whom; Settings shows where mail goes', async ({
  page,
}) => {
  const sink = await startSmtpSink();
  const app = await startWebMode({ INTERVIEW_DESK_SMTP_URL: sink.url });
  try {
    await page.goto(app.url);
    // First run without Google: company, name and email on the welcome screen.
    await page.getByRole('button', { name: 'No Google account? Set up with email only' }).click();
    const setup = page.getByRole('form', { name: 'About you and your company' });
    await setup.getByLabel('Company name (optional)').fill('Acme Corp');
    await setup.getByLabel('Your name').fill('Rita Recruiter');
    await setup.getByLabel('Your email').fill('rita@example.com');
    await saveScreenshot(page, 'first-run');
    expect(await axeProblems(page, 'welcome: first-run step')).toEqual([]);
    await setup.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByRole('heading', { name: 'Schedule', level: 1 })).toBeVisible();

    await page.getByRole('button', { name: 'Schedule interview' }).click();
    await page.getByLabel('Candidate name').fill('Ada Lovelace');
    await page.getByLabel('Candidate email').fill('ada@example.com');
    await page.getByLabel('Job title').fill('Staff Engineer');
    await page.getByLabel('Time zone', { exact: true }).fill('Europe/Berlin');
    await page.getByLabel('Meet link (optional)').fill('https://meet.google.com/abc-defg-hij');
    await page.getByLabel('Private notes').fill(privateNote);
    await page.getByLabel('Message to the candidate (optional)').fill('Please bring a laptop.');
    await expect(page.getByTestId('candidate-message-preview')).toHaveText('Please bring a laptop.');
    await saveScreenshot(page, 'schedule-form-message-preview');
    expect(await axeProblems(page, 'schedule form with message preview')).toEqual([]);
    await page.getByRole('button', { name: 'Schedule interview' }).click();

    // The room: private notes shown (labelled), the invitation's delivery in words.
    await expect(page.getByRole('heading', { name: 'Ada Lovelace · Staff Engineer' })).toBeVisible();
    await expect(page.locator('.details')).toContainText(`Private notes${privateNote}`);
    await expect(page.getByTestId('invitation-candidate')).toContainText(
      /Invitation sent to Ada Lovelace at (\d{1,2} \w{3}, )?\d{2}:\d{2}/,
      { timeout: 10_000 },
    );

    // Reschedule: the room says the new time went out.
    await page.getByRole('button', { name: 'Reschedule' }).click();
    await page.getByLabel('New start time').fill('15:30');
    await page.getByRole('button', { name: 'Save new time' }).click();
    await expect(page.getByTestId('delivery-confirmation')).toContainText(/New time (queued for|sent to) Ada Lovelace/);
    // Both who hold the invitation got it: the candidate and you.
    await expect(page.getByTestId('delivery-confirmation')).toHaveText(
      /^New time sent to Ada Lovelace and you at (\d{1,2} \w{3}, )?\d{1,2}:\d{2}( [AP]M)?\.$/,
      { timeout: 10_000 },
    );

    // Cancel: the cancellation's delivery, and no device check for a cancelled interview.
    await page.getByRole('button', { name: 'Cancel interview' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel interview' }).click();
    await expect(page.getByTestId('delivery-confirmation')).toContainText(
      /Cancellation sent to Ada Lovelace at (\d{1,2} \w{3}, )?\d{2}:\d{2}\./,
      { timeout: 10_000 },
    );
    await expect(page.getByRole('link', { name: 'Check devices before joining' })).toHaveCount(0);
    await saveScreenshot(page, 'room-cancelled-confirmation');
    expect(await axeProblems(page, 'room: cancelled, with confirmation')).toEqual([]);

    // Settings → Email: the environment's SMTP shown read-only; the test email says where it went.
    await page.getByRole('link', { name: 'Settings' }).click();
    const mail = page.getByRole('region', { name: 'Email' });
    // Web mode has no tray and no log-in start: Settings does not offer them.
    await expect(page.getByLabel('Keep after-interview data (days after each interview)')).toBeVisible();
    await expect(page.getByRole('checkbox', { name: /tray|when I log in/ })).toHaveCount(0);
    await expect(mail).toContainText('come from how Interview Desk was started on this computer');
    // Shown as text, not as fields that look editable; the password line says only what is true.
    await expect(mail.getByRole('textbox', { name: 'SMTP server' })).toHaveCount(0);
    await expect(mail.getByTestId('smtp-from-start')).toHaveText(
      `SMTP server127.0.0.1Port${sink.port}SecuritySTARTTLSUser nameNonePasswordNone: the app was started without one`,
    );
    await mail.getByRole('button', { name: 'Send test email' }).click();
    await expect(mail.getByRole('status')).toContainText(
      `Test email sent to Rita Recruiter <rita@example.com> through the SMTP server 127.0.0.1:${sink.port} (set when Interview Desk was started).`,
    );
    await saveScreenshot(page, 'settings-email-override');
    expect(await axeProblems(page, 'settings: SMTP from the environment')).toEqual([]);

    // Everything the server received: 6 interview emails + the test; the private note in none of them.
    await expect.poll(() => sink.received.length).toBe(7);
    for (const received of sink.received) {
      for (const part of [received.raw, received.parsed.text ?? '', String(received.parsed.html || '')])
        expect(part).not.toContain('salary');
    }
    // Kept for review: what each person received, as text and HTML.
    fs.mkdirSync('tests/artifacts/mail-walk', { recursive: true });
    sink.received.forEach((m, i) => {
      fs.writeFileSync(
        `tests/artifacts/mail-walk/${i}-${m.envelope.to[0]}.txt`,
        `Subject: ${m.parsed.subject}\n\n${m.parsed.text}`,
      );
      if (m.parsed.html)
        fs.writeFileSync(`tests/artifacts/mail-walk/${i}-${m.envelope.to[0]}.html`, String(m.parsed.html));
    });
    const toAda = sink.received.filter((m) => m.envelope.to.includes('ada@example.com'));
    expect(toAda.map((m) => m.parsed.subject)).toEqual([
      'Interview invitation: Staff Engineer at Acme Corp',
      'New time for your interview: Staff Engineer at Acme Corp',
      'Interview cancelled: Staff Engineer at Acme Corp',
    ]);
    expect(toAda[1]!.parsed.text).toMatch(/New time: .* at 15:30 \(was .* at 10:00\)/);
  } finally {
    await app.stop();
    await sink.close();
  }
});
