import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, expect, test, type Page } from '@playwright/test';
import { chromiumArgs } from '../playwright.config';
import { startWebMode, type WebModeApp } from '../support/web-mode';
import { startStunResponder } from '../support/stun-responder';
import { writeWav, writeY4m } from '../support/media-files';
import { saveScreenshot } from './fixtures';

const base = chromiumArgs.filter((a) => !a.startsWith('--use-fake'));
const withFiles = (video: string, audio: string) => [
  ...base,
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-video-capture=${video}`,
  `--use-file-for-fake-audio-capture=${audio}`,
];

let app: WebModeApp;
let netServer: http.Server;
let stun: Awaited<ReturnType<typeof startStunResponder>>;

test.beforeAll(async () => {
  netServer = http.createServer((req, res) =>
    req.method === 'GET' ? res.end(Buffer.alloc(400_000, 1)) : res.writeHead(204).end(),
  );
  await new Promise<void>((r) => netServer.listen(0, '127.0.0.1', r));
  stun = await startStunResponder();
  app = await startWebMode({
    INTERVIEW_DESK_NETCHECK_URL: `http://127.0.0.1:${(netServer.address() as AddressInfo).port}/ping`,
    INTERVIEW_DESK_STUN_SERVER: stun.server,
  });
});
test.afterAll(async () => {
  await app?.stop();
  netServer?.close();
  await stun?.close();
});

/** Each scenario needs its own Chromium: the fake media files are command-line flags. */
async function withPage(args: string[], run: (page: Page) => Promise<void>) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args });
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
      acceptDownloads: true,
    });
    await run(await context.newPage());
  } finally {
    await browser.close();
  }
}

async function runCheck(page: Page, on: WebModeApp = app) {
  await page.goto(on.url);
  await page.goto(`${on.origin}/#/device-check`);
  const started = Date.now();
  await page.getByRole('button', { name: 'Start device check' }).click();
  await expect(page.getByTestId('overall')).toBeVisible({ timeout: 15_000 });
  return Date.now() - started;
}
const check = (page: Page, id: string) => page.getByTestId(`check-${id}`);

test('bright moving video and a tone: everything passes, with figures that match the files, in under 10 seconds', async () => {
  // The tone pauses only after 1.8 s, so the quiet moment falls outside the recording's first second.
  await withPage(
    withFiles(writeY4m('moving.y4m', 'moving'), writeWav('tone.wav', 'tone', -12, 6, 0.8, 1.8)),
    async (page) => {
      const elapsed = await runCheck(page);
      expect(elapsed).toBeLessThan(10_000);
      await expect(check(page, 'camera')).toContainText('Pass');
      await expect(check(page, 'camera')).toContainText('640×480');
      await expect(check(page, 'microphone')).toContainText('Pass');
      // What the candidate reads is plain words; the units wait behind "Measurements" for whoever helps.
      for (const id of ['camera', 'microphone', 'network', 'connection'])
        expect(await check(page, id).innerText()).not.toMatch(/dBFS|kbps|Mbps|RTT|fps|UDP/);
      await expect(check(page, 'microphone')).toContainText('Your voice comes through clearly');
      await check(page, 'microphone').getByText('Measurements').click();
      await expect(page.getByTestId('figure-microphone')).toBeVisible();
      await expect(page.getByTestId('figure-microphone')).toContainText('dBFS');
      // A −12 dBFS peak sine is −15 dBFS RMS.
      const mic = await check(page, 'microphone').textContent();
      const rms = Number(/level (-?[\d.]+) dBFS RMS/.exec(mic ?? '')?.[1]);
      expect(Math.abs(rms - -15)).toBeLessThan(3);
      await expect(check(page, 'network')).toContainText('Pass');
      await expect(check(page, 'network')).toContainText('UDP to Meet OK');
      await expect(check(page, 'connection')).toContainText(/kbps/);
      // A loopback call on this machine is perfect (no loss, ~1 ms RTT) even while its bitrate ramps up.
      await expect(check(page, 'connection')).toContainText('Pass');
      await expect(page.getByTestId('overall')).toContainText('Pass');
      const fps = Number(/at ([\d.]+) fps/.exec((await check(page, 'camera').textContent()) ?? '')?.[1]);
      expect(fps).toBeGreaterThan(20);
      // Speaker question and the report.
      await page.getByRole('button', { name: 'Play test sound' }).click();
      await page.getByRole('button', { name: 'Yes' }).click();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Save report (JSON)' }).click();
      const report = JSON.parse((await import('node:fs')).readFileSync(await (await download).path(), 'utf8'));
      expect(report).toMatchObject({
        app: 'Interview Desk',
        speakerHeard: true,
        engine: expect.stringMatching(/^Chromium /),
      });
      expect(report.checks.map((c: { id: string }) => c.id)).toEqual(['camera', 'microphone', 'network', 'connection']);
      expect(JSON.stringify(report)).not.toMatch(/deviceId|groupId/);
      await saveScreenshot(page, 'device-check-pass');
    },
  );
});

test('a tone over steady room noise: warns "noisy", with the noise floor', async () => {
  await withPage(
    withFiles(writeY4m('moving4.y4m', 'moving'), writeWav('noisy.wav', 'noisy-tone', -12, 6, 0.8, 1.8)),
    async (page) => {
      await runCheck(page);
      await expect(check(page, 'microphone')).toContainText('Warning');
      await expect(check(page, 'microphone')).toContainText('a lot of background noise');
      const floor = Number(
        /noise floor (-?[\d.]+) dBFS/.exec((await check(page, 'microphone').textContent()) ?? '')?.[1],
      );
      expect(Math.abs(floor - -30)).toBeLessThan(4);
    },
  );
});

test('a black camera: fails the camera as too dark, with the fix', async () => {
  await withPage(withFiles(writeY4m('black.y4m', 'black'), writeWav('tone2.wav', 'tone', -12)), async (page) => {
    await runCheck(page);
    await expect(check(page, 'camera')).toContainText('Problem');
    await expect(check(page, 'camera')).toContainText('The picture is black or too dark');
    await expect(check(page, 'camera')).toContainText('turn on a light');
    await expect(page.getByTestId('overall')).toContainText('Problem');
    await saveScreenshot(page, 'device-check-fail');
  });
});

test('a frozen camera: fails the camera as frozen', async () => {
  await withPage(
    withFiles(writeY4m('static.y4m', 'static', 640, 480, 2), writeWav('tone3.wav', 'tone', -12)),
    async (page) => {
      await runCheck(page);
      await expect(check(page, 'camera')).toContainText('The picture is not moving');
    },
  );
});

test('a silent microphone: fails the microphone with "no signal"', async () => {
  await withPage(withFiles(writeY4m('moving2.y4m', 'moving'), writeWav('silence.wav', 'silence')), async (page) => {
    await runCheck(page);
    await expect(check(page, 'microphone')).toContainText('Problem');
    await expect(check(page, 'microphone')).toContainText('No sound comes from your microphone');
    await expect(check(page, 'microphone')).toContainText('muted');
  });
});

test('a clipping microphone: warns about clipping', async () => {
  await withPage(withFiles(writeY4m('moving3.y4m', 'moving'), writeWav('clipped.wav', 'clipped')), async (page) => {
    await runCheck(page);
    await expect(check(page, 'microphone')).toContainText('Warning');
    await expect(check(page, 'microphone')).toContainText('the microphone is too loud');
  });
});

test('permission denied: shows the permission fix for camera and microphone', async () => {
  await withPage([...base, '--use-fake-device-for-media-stream', '--deny-permission-prompts'], async (page) => {
    await runCheck(page);
    await expect(check(page, 'camera')).toContainText('Access to the camera was not allowed');
    await expect(check(page, 'camera')).toContainText('allow it');
    await expect(check(page, 'microphone')).toContainText('Access to the microphone was not allowed');
  });
});

test('no devices: shows the no-device fix', async () => {
  await withPage([...base, '--use-fake-ui-for-media-stream'], async (page) => {
    await runCheck(page);
    await expect(check(page, 'camera')).toContainText('No camera was found');
    await expect(check(page, 'camera')).toContainText('Plug one in');
    await expect(check(page, 'microphone')).toContainText('No microphone was found');
  });
});

test('offline beside a smooth test call: the call test says it ran on this computer alone and Meet will not connect', async () => {
  // Nothing listens on these ports: no HTTP answer and no STUN answer is this computer being offline.
  const closed = http.createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((r) => closed.close(() => r()));
  const offline = await startWebMode({
    INTERVIEW_DESK_NETCHECK_URL: `http://127.0.0.1:${port}/ping`,
    INTERVIEW_DESK_STUN_SERVER: `127.0.0.1:${port}`,
  });
  try {
    await withPage(
      withFiles(writeY4m('moving5.y4m', 'moving'), writeWav('tone5.wav', 'tone', -12, 6, 0.8, 1.8)),
      async (page) => {
        await runCheck(page, offline);
        await expect(check(page, 'network')).toContainText('Problem');
        await expect(check(page, 'network')).toContainText('You are offline');
        await expect(check(page, 'connection')).toContainText(
          'On this computer alone, a test call ran smoothly; but this computer is offline, so Meet will not connect',
        );
        await saveScreenshot(page, 'device-check-offline');
      },
    );
  } finally {
    await offline.stop();
  }
});
