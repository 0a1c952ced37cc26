import { chromium } from '@playwright/test';
import { chromiumArgs } from '../tests/playwright.config';
import { startWebMode } from '../tests/support/web-mode';
import { manyInterviews, seedStore } from '../tests/support/interview-fixtures';
import { makeTempDir } from '../tests/support/temp-dir';
const temp = makeTempDir('probe-');
seedStore(temp.dir, { interviews: manyInterviews(1000, Date.now()) });
const app = await startWebMode({}, temp.dir);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
const page = await browser.newPage();
await page.goto(app.url);
await page.goto(`${app.origin}/#/schedule`);
await page.getByRole('list', { name: 'Interviews' }).getByRole('link').first().waitFor();
const search = page.getByLabel('Search by candidate or job');
for (const q of ['Hopper', 'Designer', 'SRE', 'zzz']) {
  await page.evaluate(() => performance.clearResourceTimings());
  const t0 = Date.now();
  await search.fill(q);
  const tFill = Date.now() - t0;
  await page.waitForFunction((query) => [...document.querySelectorAll('[role=status]')].map((e) => e.textContent ?? '').join(' ').includes(`matching “${query}”`), q, { polling: 1 });
  const total = Date.now() - t0;
  const res = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => `${e.name.split('/').pop()} start ${e.startTime.toFixed(0)} dur ${e.duration.toFixed(1)}`));
  console.log(q, 'fill', tFill, 'total', total, res);
}
// a direct evaluate-based measure: set value and wait in page
const inPage = await page.evaluate(async () => {
  const input = document.getElementById('schedule-search') as HTMLInputElement;
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const t0 = performance.now();
  setter.call(input, 'Turing');
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise<void>((resolve) => { const check = () => ([...document.querySelectorAll('[role=status]')].some((e) => e.textContent?.includes('matching “Turing”')) ? resolve() : requestAnimationFrame(check)); check(); });
  return performance.now() - t0;
});
console.log('in-page filter', inPage.toFixed(1));
await browser.close(); await app.stop(); temp.cleanup();
