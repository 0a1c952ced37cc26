// The device check in Chromium with fake devices: start → overall verdict, start → first level-meter
// reading, and the renderer's CPU time with the preview and meter running for 30 s.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../../tests/playwright.config';
import { startWebMode } from '../../tests/support/web-mode';
import { startStunResponder } from '../../tests/support/stun-responder';
import { writeWav, writeY4m } from '../../tests/support/media-files';
import { report, reportDurations } from './lib/bench-utils';

const net = http.createServer((req, res) =>
  req.method === 'GET' ? res.end(Buffer.alloc(400_000, 1)) : res.writeHead(204).end(),
);
await new Promise<void>((r) => net.listen(0, '127.0.0.1', r));
const stun = await startStunResponder();
const app = await startWebMode({
  INTERVIEW_DESK_NETCHECK_URL: `http://127.0.0.1:${(net.address() as AddressInfo).port}/`,
  INTERVIEW_DESK_STUN_SERVER: stun.server,
});
const args = [
  ...chromiumArgs,
  `--use-file-for-fake-video-capture=${writeY4m('bench.y4m', 'moving')}`,
  `--use-file-for-fake-audio-capture=${writeWav('bench.wav', 'tone', -12, 6, 1.2)}`,
];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args });
try {
  const page = await browser.newPage();
  await page.goto(app.url);
  const verdicts: number[] = [];
  const meters: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.goto(`${app.origin}/#/welcome`);
    await page.goto(`${app.origin}/#/device-check`);
    const started = Date.now();
    await page.getByRole('button', { name: /device check|again/ }).click();
    await page.waitForFunction(() =>
      /-?\d+ dBFS/.test(document.querySelector('[data-testid=level]')?.textContent ?? ''),
    );
    meters.push(Date.now() - started);
    await page.getByTestId('overall').waitFor({ timeout: 20_000 });
    verdicts.push(Date.now() - started);
  }
  reportDurations(
    'start → overall verdict (fake devices)',
    verdicts.sort((a, b) => a - b),
  );
  reportDurations(
    'start → first level-meter reading',
    meters.sort((a, b) => a - b),
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value])) as Record<
      string,
      number
    >;
  const before = await read();
  await new Promise((r) => setTimeout(r, 30_000));
  const after = await read();
  report(
    'renderer CPU with preview + meter for 30 s (main thread)',
    ((after.TaskDuration! - before.TaskDuration!) / 30) * 100,
    '% of one core',
  );
} finally {
  await browser.close();
  await app.stop();
  net.close();
  await stun.close();
}
