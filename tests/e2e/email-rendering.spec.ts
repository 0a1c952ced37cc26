import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { composeInterviewMessage } from '../../main/mail/compose-message';
import { createEmailRenderer } from '../../main/mail/render-email';
import { makeInterview } from '../support/interview-fixtures';

const kinds = ['invitation', 'update', 'cancellation', 'reminder'] as const;
const recipients = ['candidate', 'recruiter'] as const;

test('every kind of email renders in Chromium (screenshots for review)', async ({ page }) => {
  const render = createEmailRenderer('templates');
  const interview = makeInterview({
    startUtc: '2030-01-15T09:00:00.000Z',
    meetLink: 'https://meet.google.com/abc-defg-hij',
    candidate: { name: 'Ada Lovelace', email: 'ada@example.com', timeZone: 'Asia/Kolkata' },
    jobTitle: 'Staff Engineer',
    notes: 'Internal: salary expectations too high?',
    candidateMessage: 'Systems design round. Bring questions!',
    ics: { uid: 'x@interview-desk.app', sequence: 1 },
  });
  fs.mkdirSync('tests/artifacts/email', { recursive: true });
  for (const kind of kinds) {
    for (const recipient of recipients) {
      const message = composeInterviewMessage({
        interview,
        kind,
        recipient,
        settings: {
          companyName: 'Acme Corp',
          brandColor: '#0b8043',
          signOff: 'Best of luck!',
          candidateDownloadUrl: 'https://acme.example/interview-desk',
        },
        previous: { startUtc: '2030-01-14T13:00:00.000Z', durationMinutes: 45 },
        render,
        key: 'k',
        from: { name: 'Rita', address: 'rita@example.com' },
        now: 0,
      });
      const html = String(message.html);
      fs.writeFileSync(`tests/artifacts/email/${kind}-${recipient}.html`, html);
      await page.setContent(html);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const body = page.locator('body');
      await expect(body).not.toContainText('salary');
      if (kind === 'cancellation') {
        await expect(page.getByRole('link', { name: 'Join Google Meet' })).toHaveCount(0);
        for (const banned of [
          'Need a different time?',
          'Best of luck!',
          'adds this interview',
          'If you have Interview Desk',
        ])
          await expect(body).not.toContainText(banned);
        if (recipient === 'candidate')
          await expect(body).toContainText('Questions? Contact Rita Recruiter at rita@example.com.');
      } else {
        await expect(page.getByRole('link', { name: 'Join Google Meet' })).toHaveAttribute(
          'href',
          'https://meet.google.com/abc-defg-hij',
        );
        await expect(body).toContainText('If you have Interview Desk');
      }
      if (kind === 'update') await expect(body).toContainText(/New time: .* \(was .*\)/);
      await page.screenshot({ path: `tests/artifacts/email/${kind}-${recipient}.png`, fullPage: true });
    }
  }
});
