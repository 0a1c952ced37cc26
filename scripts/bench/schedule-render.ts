// The schedule with 10,000 interviews in Chromium (web mode): time from data to first rendered rows,
// filter latency, and the renderer bundle's size.
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

const temp = makeTempDir('idesk-bench-render-');
seedStore(temp.dir, { interviews: manyInterviews(10_000, Date.now()) });
const app = await startWebMode({}, temp.dir);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
try {
  const page = await browser.newPage();
  await page.goto(app.url);
  const firstRows: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(`${app.origin}/#/welcome`);
    await page.waitForSelector('h1');
    const started = Date.now();
    await page.goto(`${app.origin}/#/schedule`);
    await page.getByRole('list', { name: 'Interviews' }).getByRole('listitem').first().waitFor();
    firstRows.push(Date.now() - started);
  }
  reportDurations('schedule opened → first rows rendered (10,000 interviews, incl. fetch)', firstRows.sort((a, b) => a - b));
  const search = page.getByLabel('Search by candidate or job');
  const filters: number[] = [];
  for (const q of ['Hopper', 'Designer', 'Ada Love', 'zzz', 'SRE', '']) {
    const started = Date.now();
    await search.fill(q);
    await page.waitForFunction((query) => {
      const status = [...document.querySelectorAll('[role=status]')].map((e) => e.textContent ?? '').join(' ');
      return query ? status.includes(`matching “${query}”`) : /\d+ interviews$/.test(status.trim()) || status.includes('10000 interviews');
    }, q);
    filters.push(Date.now() - started);
  }
  reportDurations('filter latency: keystroke → list updated', filters.sort((a, b) => a - b));
} finally {
  await browser.close();
  await app.stop();
}
