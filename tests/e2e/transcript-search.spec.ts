import { expect, saveScreenshot, test } from './fixtures';
import { expectAccessible } from './accessibility-check';
import { startWebMode } from '../support/web-mode';
import { makeInterview, seedStore } from '../support/interview-fixtures';
import { makeTempDir } from '../support/temp-dir';
import { openDatabase } from '../../main/database/open-database';
import { createMemoryLogger } from '../../main/logging/logger';
import { saveReadTranscript } from '../support/transcript-seed';

test('the schedule search finds an interview by words said in its transcript and shows the line', async ({ page }) => {
  const temp = makeTempDir('idesk-e2e-');
  const day = 86_400_000;
  const past = (days: number) =>
    new Date(Math.floor(Date.now() / day) * day - days * day + 10 * 3_600_000).toISOString();
  const tara = makeInterview({ startUtc: past(2), candidate: { name: 'Tara Singh', email: 'tara@example.com' } });
  const ada = makeInterview({ startUtc: past(3), candidate: { name: 'Ada Lovelace', email: 'ada@example.com' } });
  const bob = makeInterview({
    startUtc: past(4),
    candidate: { name: 'Bob Stone', email: 'bob@example.com' },
    jobTitle: 'Designer',
  });
  seedStore(temp.dir, {
    interviews: [tara, ada, bob],
    settings: { recruiterName: 'Rita Recruiter', recruiterEmail: 'rita@example.com' },
  });
  // Transcripts as the Meet-artifacts fetch stores them after a call; the app indexes them when it starts.
  const { database } = openDatabase({ dataDir: temp.dir, clock: { now: () => Date.now() }, log: createMemoryLogger() });
  saveReadTranscript(database, tara.id, [
    { speaker: 'Rita Recruiter', text: 'Tell me about your last role.' },
    { speaker: 'Tara Singh', text: 'At Acme we built and ran kubernetes operators for the billing team.' },
  ]);
  saveReadTranscript(database, bob.id, [{ speaker: 'Bob Stone', text: 'I met Ada Lovelace at a conference.' }]);
  database.close();
  const app = await startWebMode({}, temp.dir);
  try {
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/schedule`);
    const search = page.getByRole('searchbox', { name: 'Search by candidate or job' });
    const rows = page.getByRole('list', { name: 'Interviews' }).getByRole('listitem');
    await expect(page.getByRole('status').filter({ hasText: '3 interviews' })).toBeVisible({ timeout: 15_000 });
    // Nothing is shown of any transcript before a search.
    await expect(page.getByTestId('spoken-line')).toHaveCount(0);

    // From the keyboard: the search box, the words, Tab to the row found.
    await search.focus();
    await page.keyboard.type('Kubernetes operators');
    await expect(page.getByRole('status').filter({ hasText: '1 interview matching' })).toBeVisible();
    await expect(rows).toHaveCount(1);
    const line = rows.first().getByTestId('spoken-line');
    await expect(line).toHaveText(
      'Said in the interview: Tara Singh: At Acme we built and ran kubernetes operators for the billing team.',
    );
    await expect(line.locator('mark')).toHaveText('kubernetes operators');
    await expect(rows.first().getByRole('link')).toContainText('Tara Singh');
    await expectAccessible(page, 'schedule, a row found by words said');
    await saveScreenshot(page, 'transcript-search-line');
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'transcript-search-line-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // A search for a name shows what it always showed: Ada's row by her name, no line; Bob's by what he said.
    await search.fill('lovelace');
    await expect(page.getByRole('status').filter({ hasText: '2 interviews matching' })).toBeVisible();
    // (Bob's line says her name too: each row is picked by the name it is for.)
    const rowOf = (name: string) => rows.filter({ has: page.locator('strong', { hasText: new RegExp(`^${name}$`) }) });
    await expect(rowOf('Ada Lovelace')).toHaveCount(1);
    await expect(rowOf('Ada Lovelace').getByTestId('spoken-line')).toHaveCount(0);
    await expect(rowOf('Bob Stone').getByTestId('spoken-line')).toContainText(
      'Bob Stone: I met Ada Lovelace at a conference.',
    );
    // A job title finds by job only.
    await search.fill('designer');
    await expect(rows).toHaveCount(1);
    await expect(page.getByTestId('spoken-line')).toHaveCount(0);

    // Enter on the row found opens its room.
    await search.fill('billing team');
    await expect(rows).toHaveCount(1);
    await search.focus();
    await page.keyboard.press('Tab');
    await expect(rows.first().getByRole('link')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#/interview/${tara.id}$`));
  } finally {
    await app.stop();
    temp.cleanup();
  }
});
