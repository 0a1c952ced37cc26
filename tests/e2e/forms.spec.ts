import type { Locator, Page } from '@playwright/test';
import { expect, saveScreenshot, test } from './fixtures';
import { expectAccessible } from './accessibility-check';
import { seriousAxe } from './keyboard';
import { startWebMode } from '../support/web-mode';
import { makeInterview, seedStore } from '../support/interview-fixtures';
import { makeTempDir } from '../support/temp-dir';

/** The text of the error a field points at with aria-describedby (after its hint, if it has one). */
async function errorOf(page: Page, field: Locator): Promise<string> {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const id = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean).at(-1) ?? '';
  const error = page.locator(`[id="${id}"]`);
  await expect(error).toHaveClass(/field-error/);
  return (await error.textContent()) ?? '';
}

test('the schedule form shows every error at once beside its field, in the words of its label; a fixed field clears', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(app.url);
  await page.goto(`${app.origin}/#/schedule/new`);
  // Without Google and without a name in Settings, the form asks at the top, before anything is typed.
  await expect(page.getByRole('group', { name: 'You, the interviewer' })).toBeVisible();
  await page.getByLabel('Date', { exact: true }).fill('');
  await page.getByLabel('Duration (minutes)').fill('');
  await page.getByRole('button', { name: 'Schedule interview' }).click();

  const expected: Array<[string, RegExp]> = [
    ['Your name', /^Your name is required/],
    ['Your email', /^Your email is required/],
    ['Candidate name', /^Candidate name is required/],
    ['Candidate email', /^Candidate email is required/],
    ['Job title', /^Job title is required/],
    ['Date', /^Date is missing or incomplete: pick a day in the date picker/],
    ['Duration (minutes)', /^Duration is missing: type a number of minutes/],
  ];
  for (const [label, words] of expected)
    expect(await errorOf(page, page.getByLabel(label, { exact: true })), label).toMatch(words);
  // No developer words anywhere on the form.
  await expect(page.locator('form')).not.toContainText(
    /YYYY|HH:MM|candidateName|durationMinutes|expected number|Too small/,
  );
  await expect(page.getByRole('status').filter({ hasText: 'Please check' })).toContainText(
    'Please check Your name, Your email, Candidate name, Candidate email, Job title, Date, Duration (minutes).',
  );
  await expectAccessible(page, 'schedule form with errors');
  await saveScreenshot(page, 'schedule-form-errors-800');

  // Fixing one field clears its error at once; the others stay.
  await page.getByLabel('Candidate name').fill('Ada Lovelace');
  await expect(page.getByLabel('Candidate name')).not.toHaveAttribute('aria-invalid');
  await expect(page.locator('.field-error')).toHaveCount(expected.length - 1);
  await expect(page.getByLabel('Job title')).toHaveAttribute('aria-invalid', 'true');
});

test('a typed form survives a trip to Settings and a reload; Cancel asks before discarding it', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await page.goto(`${app.origin}/#/schedule/new`);
  await page.getByLabel('Candidate name').fill('Grace Hopper');
  await page.getByLabel('Job title').fill('Compiler Engineer');
  await page.getByLabel('Private notes').fill('Strong on COBOL.');
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.goBack();
  await expect(page.getByLabel('Candidate name')).toHaveValue('Grace Hopper');
  await expect(page.getByLabel('Job title')).toHaveValue('Compiler Engineer');
  await expect(page.getByLabel('Private notes')).toHaveValue('Strong on COBOL.');
  await page.reload();
  await expect(page.getByLabel('Candidate name')).toHaveValue('Grace Hopper');

  // Cancel (a button, not a link styled as one): a small dialog, not the browser's; "Keep editing" keeps everything.
  page.on('dialog', () => {
    throw new Error('window.confirm must not be used');
  });
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  const ask = page.getByRole('alertdialog', { name: 'Discard this interview?' });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(page.getByLabel('Candidate name')).toHaveValue('Grace Hopper');
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await page
    .getByRole('alertdialog', { name: 'Discard this interview?' })
    .getByRole('button', { name: 'Discard' })
    .click();
  await expect(page.getByRole('heading', { name: 'Schedule', level: 1 })).toBeVisible();
  await page.goto(`${app.origin}/#/schedule/new`);
  await expect(page.getByLabel('Candidate name')).toHaveValue('');
});

test('the name and email asked for in the form are saved, and the interview is scheduled without leaving it', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await page.goto(`${app.origin}/#/schedule/new`);
  await page.getByLabel('Your name').fill('Rita Recruiter');
  await page.getByLabel('Your email').fill('rita@example.com');
  await page.getByLabel('Candidate name').fill('Ada Lovelace');
  await page.getByLabel('Candidate email').fill('ada@example.com');
  await page.getByLabel('Job title').fill('Engineer');
  await page.getByLabel('Meet link (optional)').fill('https://meet.google.com/abc-defg-hij');
  await page.getByRole('button', { name: 'Schedule interview' }).click();
  await expect(page.getByRole('heading', { name: 'Ada Lovelace · Engineer' })).toBeVisible();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Your name')).toHaveValue('Rita Recruiter');
});

test('Settings: errors beside each field in the words of its label, and leaving with unsaved edits asks first', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Joining opens (minutes before start)').fill('-5');
  await page.getByLabel('Joining closes (minutes after start)').fill('soon');
  await page.getByLabel('Brand colour').fill('blue');
  await page.getByRole('button', { name: 'Save settings' }).click();
  expect(await errorOf(page, page.getByLabel('Joining opens (minutes before start)'))).toBe(
    'Joining opens must be a whole number of minutes from 0 to 120',
  );
  expect(await errorOf(page, page.getByLabel('Joining closes (minutes after start)'))).toBe(
    'Joining closes must be a whole number of minutes from 5 to 600',
  );
  expect(await errorOf(page, page.getByLabel('Brand colour'))).toMatch(/^Brand colour must be a colour like #1a73e8/);
  await expect(page.locator('main')).not.toContainText(/joinOpensMinutesBefore|Too small|expected number/);
  await page.getByLabel('Brand colour').fill('#1a73e8');
  await expect(page.getByLabel('Brand colour')).not.toHaveAttribute('aria-invalid');
  await expect(page.getByLabel('Joining opens (minutes before start)')).toHaveAttribute('aria-invalid', 'true');

  // Leaving now would lose the edits: the app asks.
  await page.getByRole('link', { name: 'Schedule', exact: true }).click();
  const ask = page.getByRole('alertdialog', { name: 'Leave without saving?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Joining opens (minutes before start)')).toHaveValue('-5');
  await page.getByRole('link', { name: 'Schedule', exact: true }).click();
  await page
    .getByRole('alertdialog', { name: 'Leave without saving?' })
    .getByRole('button', { name: 'Leave without saving' })
    .click();
  await expect(page.getByRole('heading', { name: 'Schedule', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Joining opens (minutes before start)')).toHaveValue('15');
  // Saved edits leave without a question.
  await page.getByLabel('Company name').fill('Acme Corp');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
  await page.getByRole('link', { name: 'Schedule', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Schedule', level: 1 })).toBeVisible();
});

test('the room says why an interview without a Meet link needs attention, and "Creating the Meet link…" while Google makes one', async ({
  page,
}) => {
  const temp = makeTempDir('idesk-e2e-');
  const start = new Date(Date.now() + 3 * 86_400_000).toISOString();
  const local = makeInterview({ startUtc: start, candidate: { name: 'Local Candidate', email: 'local@example.com' } });
  const creating = makeInterview({
    startUtc: start,
    candidate: { name: 'Pending Candidate', email: 'pending@example.com' },
    google: { eventId: 'evt1', state: 'pending' },
  });
  seedStore(temp.dir, { interviews: [local, creating], settings: { firstRunDone: true } });
  const app = await startWebMode({}, temp.dir);
  try {
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/interview/${local.id}`);
    await expect(page.locator('.room .badge')).toHaveText('Needs attention');
    await expect(page.getByTestId('meet-link-advice')).toContainText('saved without Google, so it has no Meet link');
    await expect(page.getByTestId('meet-link-advice')).toContainText('paste it below');
    await expect(page.getByLabel('Paste a Meet link')).toHaveAttribute('aria-describedby', /.+/);

    await page.goto(`${app.origin}/#/interview/${creating.id}`);
    await expect(page.getByTestId('meet-link-creating')).toContainText('Creating the Meet link…');
    await expect(page.locator('.room .badge')).not.toHaveText('Needs attention');
    await expect(page.getByLabel('Paste a Meet link')).toHaveCount(0);
  } finally {
    await app.stop();
  }
});

test('Settings → Email: each refused SMTP field shows its own error beside it, and a fixed field clears', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  const email = page.getByRole('region', { name: 'Email' });
  await email.getByLabel('SMTP server').fill('smtp example com');
  await email.getByLabel('Port').fill('70000');
  await email.getByLabel('Send from (address)').fill('not-an-address');
  await email.getByRole('button', { name: 'Save email settings' }).click();
  expect(await errorOf(page, email.getByLabel('SMTP server'))).toMatch(
    /^SMTP server must be a host name like smtp\.example\.com/,
  );
  expect(await errorOf(page, email.getByLabel('Port'))).toBe('Port must be a number from 1 to 65535, like 587');
  expect(await errorOf(page, email.getByLabel('Send from (address)'))).toMatch(/^Send from \(address\)/);
  // One spoken summary names the fields; no list of all messages in one box, no developer words.
  await expect(email.locator('.form-error-summary')).toHaveText('Please check SMTP server, Port, Send from (address).');
  await expect(email.locator('.error-message')).toHaveCount(0);
  await expect(email).not.toContainText(/smtp\.host|fromAddress|Too big|expected/);
  await email.getByLabel('Port').fill('587');
  await expect(email.getByLabel('Port')).not.toHaveAttribute('aria-invalid');
  await expect(email.getByLabel('SMTP server')).toHaveAttribute('aria-invalid', 'true');
  expect(await seriousAxe(page, 'settings email errors')).toEqual([]);
  // A password longer than any server takes is refused beside the Password field (it never reaches the keychain).
  await email.getByLabel('SMTP server').fill('smtp.example.com');
  await email.getByLabel('Send from (address)').fill('jobs@example.com');
  await email.getByLabel('Password').fill('x'.repeat(1025));
  await email.getByRole('button', { name: 'Save email settings' }).click();
  expect(await errorOf(page, email.getByLabel('Password'))).toBe('Password can be at most 1024 characters');
});
