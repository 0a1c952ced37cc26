import { expect, test } from './fixtures';
import { startWebMode } from '../support/web-mode';
import { manyInterviews, seedStore } from '../support/interview-fixtures';
import { makeTempDir } from '../support/temp-dir';

test('a change made elsewhere refreshes just that row: the schedule fetches its id, not the list or its pages', async ({
  page,
}) => {
  const temp = makeTempDir('idesk-e2e-');
  seedStore(temp.dir, { interviews: manyInterviews(3000, Date.now()) });
  const app = await startWebMode({}, temp.dir);
  try {
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/schedule`);
    await expect(page.getByRole('status').filter({ hasText: '3000 interviews' })).toBeVisible({ timeout: 15_000 });
    const list = page.getByRole('list', { name: 'Interviews' });
    const row = list.getByRole('listitem').filter({ hasNotText: 'Cancelled' }).first();
    const href = await row.getByRole('link').getAttribute('href');
    const id = href!.split('/').pop()!;
    const calls: string[] = [];
    page.on('request', (request) => {
      const name = /\/api\/call\/([^?]+)/.exec(request.url())?.[1];
      if (name) calls.push(decodeURIComponent(name));
    });
    // Another window of the app cancels it (the same contract call the room makes).
    const answer = await fetch(`${app.origin}/api/call/interviews:cancel`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-desk-token': new URL(app.url).searchParams.get('token')!,
        origin: app.origin,
      },
      body: JSON.stringify({ input: id }),
    }).then((r) => r.json() as Promise<{ ok: boolean }>);
    expect(answer.ok).toBe(true);
    await expect(list.getByRole('listitem').filter({ has: page.locator(`a[href="#/interview/${id}"]`) })).toContainText(
      'Cancelled',
    );
    expect(calls).toContain('interviews:byIds');
    expect(calls.filter((c) => c === 'interviews:list' || c === 'interviews:page')).toEqual([]);
  } finally {
    await app.stop();
    temp.cleanup();
  }
});
