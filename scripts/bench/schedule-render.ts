// The schedule with 1,000 / 10,000 / 50,000 interviews in Chromium (web mode): time from opening the
// screen to the first rendered rows (the pages come from the database), filter latency (the search
// runs in SQL), and the renderer bundle's size.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../../tests/playwright.config';
import { startWebMode } from '../../tests/support/web-mode';
import { manyInterviews, seedStore } from '../../tests/support/interview-fixtures';
import { makeTempDir } from '../../tests/support/temp-dir';
import { report, reportDurations } from './lib/bench-utils';

if (!fs.existsSync('dist/web/web.mjs')) throw new Error('Run npm run build first.');
const assets = path.resolve('dist/renderer/assets');
let raw = 0;
let gz = 0;
for (const file of fs.readdirSync(assets).filter((f) => /\.(js|css)$/.test(f))) {
  const bytes = fs.readFileSync(path.join(assets, file));
  raw += bytes.length;
  gz += gzipSync(bytes, { level: 9 }).length;
}
report('renderer bundle (js + css)', raw / 1024, 'KiB');
report('renderer bundle gzip', gz / 1024, 'KiB');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: chromiumArgs,
});
try {
  for (const size of [1_000, 10_000, 50_000]) {
    const label = (what: string) => `${what} @${size.toLocaleString('en')}`;
    const temp = makeTempDir('idesk-bench-render-');
    seedStore(temp.dir, { interviews: manyInterviews(size, Date.now()) });
    const app = await startWebMode({}, temp.dir);
    try {
      const page = await browser.newPage();
      await page.goto(app.url);
      const firstRows: number[] = [];
      for (let i = 0; i < 5; i++) {
        await page.goto(`${app.origin}/#/welcome`);
        await page.waitForSelector('h1');
        const started = Date.now();
        await page.goto(`${app.origin}/#/schedule`);
        await page.getByRole('list', { name: 'Interviews' }).getByRole('link').first().waitFor();
        firstRows.push(Date.now() - started);
      }
      reportDurations(
        label('schedule opened → first rows rendered (incl. fetch)'),
        firstRows.sort((a, b) => a - b),
      );
      const search = page.getByLabel('Search by candidate or job');
      const filters: number[] = [];
      for (const q of ['Hopper', 'Designer', 'Ada Love', 'zzz', 'SRE', 'Gr', '']) {
        const started = Date.now();
        await search.fill(q);
        await page.waitForFunction((query) => {
          const status = [...document.querySelectorAll('[role=status]')].map((e) => e.textContent ?? '').join(' ');
          return query ? status.includes(`matching “${query}”`) : /\d+ interviews$/.test(status.trim());
        }, q);
        filters.push(Date.now() - started);
      }
      reportDurations(
        label('filter latency: keystroke → list updated'),
        filters.sort((a, b) => a - b),
      );
      // The same inside the page (input event → status and rows updated, checked every frame), without
      // the driver's own round trips; a string, so the bundler's helpers do not leak into the page.
      const inPage: number[] = [];
      for (const q of ['Turing', 'Engineer', 'Ada Love', 'qqq', 'Knuth', '']) {
        inPage.push(
          (await page.evaluate(`(async () => {
            const input = document.getElementById('schedule-search');
            const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
            const started = performance.now();
            setter.call(input, ${JSON.stringify(q)});
            input.dispatchEvent(new Event('input', { bubbles: true }));
            const done = () => [...document.querySelectorAll('[role=status]')].some((e) => ${JSON.stringify(q)} ? e.textContent.includes('matching “' + ${JSON.stringify(q)} + '”') : /\\d+ interviews$/.test(e.textContent.trim()));
            await new Promise((resolve) => { const check = () => (done() ? resolve() : requestAnimationFrame(check)); check(); });
            return performance.now() - started;
          })()`)) as number,
        );
      }
      reportDurations(
        label('filter latency in the page: input → list updated'),
        inPage.sort((a, b) => a - b),
      );
      await page.close();
    } finally {
      await app.stop();
      temp.cleanup();
    }
  }
} finally {
  await browser.close();
}
