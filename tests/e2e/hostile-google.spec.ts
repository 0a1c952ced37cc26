import AxeBuilder from '@axe-core/playwright';
import { expect, saveScreenshot, test } from './fixtures';
import { connectedRecruiter } from './connected-recruiter';
import { eventIdFor } from '../../main/google/calendar/event-mapping';

test('hostile Google: a conference link that is not Meet is never shown or offered; the room says so', async ({
  page,
}) => {
  const { g, close } = await connectedRecruiter(page);
  try {
    await page.getByRole('button', { name: 'Schedule interview' }).click();
    await page.getByLabel('Candidate name').fill('Grace Hopper');
    await page.getByLabel('Candidate email').fill('grace@example.com');
    await page.getByLabel('Job title').fill('Compiler Engineer');
    await page.getByLabel('Time zone', { exact: true }).fill('Europe/Berlin');
    await page.getByRole('button', { name: 'Schedule interview' }).click();
    // Free/busy is not allowed yet: the question says Google cannot tell, and "anyway" schedules.
    await page
      .getByRole('dialog', { name: 'Someone may be busy then' })
      .getByRole('button', { name: 'Schedule anyway' })
      .click();
    await expect(page.locator('.details')).toContainText('In sync', { timeout: 15_000 });
    await expect(page.locator('.details')).toContainText(/https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}/);
    const id = new URL(page.url()).hash.split('/')[2]!;

    // A delegate (or a conferencing add-on) swaps the event's video link in Google Calendar.
    g.calendar.replaceConferenceAsUser(eventIdFor(id), 'http://evil.example/phish');

    // The recruiter moves the interview; Google's answer carries the foreign link.
    await page.getByRole('button', { name: 'Reschedule' }).first().click();
    await page.getByLabel('New start time').fill('11:30');
    await page.getByRole('button', { name: 'Save new time' }).click();
    await page
      .getByRole('dialog', { name: 'Someone may be busy then' })
      .getByRole('button', { name: 'Move anyway' })
      .click();
    const notice = page.getByTestId('meet-link-unusable');
    await expect(notice).toBeVisible({ timeout: 15_000 });
    await expect(notice).toContainText('not a Google Meet link');
    await expect(notice.getByRole('button', { name: 'Open in Google Calendar' })).toBeVisible();
    await expect(page.locator('main')).not.toContainText('evil.example');
    // One cause, one message: the paste form says what to do, not a second, different cause.
    await expect(page.getByTestId('meet-link-advice')).toContainText('paste it below');
    await expect(page.locator('main')).not.toContainText('did not create a Meet link');
    await expect(page.locator('.details')).toContainText('None yet');
    await saveScreenshot(page, 'interview-room-unusable-meet-link');
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual(
      [],
    );
  } finally {
    await close();
  }
});
