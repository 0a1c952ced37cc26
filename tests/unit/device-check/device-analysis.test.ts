import { describe, expect, it } from 'vitest';
import {
  audioLevels,
  callVerdict,
  cameraVerdict,
  frameSimilarity,
  meanBrightness,
  mediaErrorResult,
  microphoneVerdict,
  networkVerdict,
  noiseFloorDbfs,
  overallVerdict,
  readTogether,
  toDbfs,
} from '../../../preload/shared/rules/device-analysis';

const rate = 48_000;
const sine = (amplitude: number, seconds = 1, freq = 440) =>
  Float32Array.from({ length: rate * seconds }, (_, i) => amplitude * Math.sin((2 * Math.PI * freq * i) / rate));
const frame = (w: number, h: number, pixel: (i: number) => [number, number, number]) => {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let i = 0; i < w * h; i++) {
    const [r, g, b] = pixel(i);
    data.set([r, g, b, 255], i * 4);
  }
  return data;
};
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

describe('audio analysis', () => {
  it('a sine at −20 dBFS peak reads −20 dBFS peak and −23 dBFS RMS, passes', () => {
    const amplitude = 10 ** (-20 / 20);
    const levels = audioLevels(sine(amplitude));
    expect(levels.peakDbfs).toBeCloseTo(-20, 1);
    expect(levels.rmsDbfs).toBeCloseTo(-23.01, 1);
    expect(levels.clippedRuns).toBe(0);
    expect(microphoneVerdict(levels).verdict).toBe('pass');
  });

  it('silence fails with "no signal" and the fix', () => {
    const result = microphoneVerdict(audioLevels(new Float32Array(rate)));
    expect(result).toMatchObject({
      verdict: 'fail',
      summary: 'No sound comes from your microphone',
      figure: expect.not.stringMatching(/^no signal/),
    });
    expect(result.fix).toMatch(/muted/);
  });

  it('a clipped square wave warns about clipping', () => {
    const square = Float32Array.from({ length: rate }, (_, i) => (Math.floor(i / 50) % 2 ? 1 : -1));
    const levels = audioLevels(square);
    expect(levels.clippedRuns).toBeGreaterThan(100);
    expect(microphoneVerdict(levels)).toMatchObject({
      verdict: 'warning',
      summary: expect.stringMatching(/distorted/),
    });
    // Six full-scale samples in a row are not yet clipping; seven are.
    expect(audioLevels([0, 1, 1, 1, 1, 1, 1, 0]).clippedRuns).toBe(0);
    expect(audioLevels([0, 1, 1, 1, 1, 1, 1, 1, 0]).clippedRuns).toBe(1);
  });

  it('a very quiet signal warns "too quiet"; a loud noise floor warns "noisy"', () => {
    expect(microphoneVerdict(audioLevels(sine(10 ** (-70 / 20))))).toMatchObject({
      verdict: 'warning',
      summary: expect.stringMatching(/very quiet/),
    });
    expect(microphoneVerdict(audioLevels(sine(0.3)), -30)).toMatchObject({
      verdict: 'warning',
      summary: expect.stringMatching(/background noise/),
    });
    expect(toDbfs(0)).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe('noise floor in the quiet moments', () => {
  const amplitude = 10 ** (-12 / 20);
  /** A steady tone that pauses (near silence at −60 dBFS) for `pause` seconds starting at `at`. */
  const toneWithPause = (seconds: number, at: number, pause: number) => {
    const samples = sine(amplitude, seconds);
    for (let i = Math.round(at * rate); i < Math.round((at + pause) * rate); i++)
      samples[i] = 0.001 * Math.sqrt(3) * 2 * (random() - 0.5);
    return samples;
  };
  const whiteNoise = (dbfs: number, seconds: number) =>
    Float32Array.from({ length: rate * seconds }, () => 10 ** (dbfs / 20) * Math.sqrt(3) * 2 * (random() - 0.5));

  it('a steady tone whose pause comes late (not in the first second) passes, with the floor of the pause', () => {
    const samples = toneWithPause(2.5, 1.6, 0.5);
    const floor = noiseFloorDbfs(samples);
    expect(floor).toBeGreaterThan(-63);
    expect(floor).toBeLessThan(-57);
    const result = microphoneVerdict(audioLevels(samples), floor);
    expect(result.verdict).toBe('pass');
    expect(result.figure).toMatch(/noise floor -6\d\.\d dBFS/);
  });

  it('the same tone over steady noise at −30 dBFS still warns "noisy", with the noise as the floor', () => {
    const noise = whiteNoise(-30, 2.5);
    const samples = toneWithPause(2.5, 1.6, 0.5).map((v, i) => (i >= 1.6 * rate && i < 2.1 * rate ? 0 : v) + noise[i]!);
    const floor = noiseFloorDbfs(samples);
    expect(Math.abs(floor - -30)).toBeLessThan(1.5);
    expect(microphoneVerdict(audioLevels(samples), floor)).toMatchObject({
      verdict: 'warning',
      summary: expect.stringMatching(/background noise/),
    });
  });

  it('the floor is the quietest tenth of ~21 ms windows, wherever they fall', () => {
    // 5 % of the windows quiet is not enough to set the floor (a click of silence); 15 % is.
    const windows = (quiet: number, total = 100) =>
      Float32Array.from({ length: 1024 * total }, (_, i) => (Math.floor(i / 1024) % total < quiet ? 0.001 : 0.5));
    expect(noiseFloorDbfs(windows(5))).toBeCloseTo(toDbfs(0.5), 5);
    expect(noiseFloorDbfs(windows(15))).toBeCloseTo(toDbfs(0.001), 5);
    expect(noiseFloorDbfs(new Float32Array(10))).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe('video analysis', () => {
  const w = 64;
  const h = 36;
  it('a black frame has brightness 0 and fails "too dark"', () => {
    const black = frame(w, h, () => [0, 0, 0]);
    expect(meanBrightness(black)).toBe(0);
    expect(
      cameraVerdict({
        width: 640,
        height: 480,
        fps: 30,
        requestedFps: 30,
        brightness: meanBrightness(black),
        similarities: [0.5, 0.6, 0.4],
      }),
    ).toMatchObject({ verdict: 'fail', summary: expect.stringMatching(/too dark/) });
  });

  it('a noise frame is bright enough; two identical frames are 100 % alike; noise frames differ', () => {
    const noise = frame(w, h, () => [random() * 255, random() * 255, random() * 255]);
    const other = frame(w, h, () => [random() * 255, random() * 255, random() * 255]);
    expect(meanBrightness(noise)).toBeGreaterThan(100);
    expect(frameSimilarity(noise, noise)).toBe(1);
    expect(frameSimilarity(noise, other)).toBeLessThan(0.8);
    expect(meanBrightness(frame(w, h, () => [255, 255, 255]))).toBeCloseTo(255, 5);
  });

  it('identical successive frames fail "frozen"; moving ones pass; few frames warn', () => {
    const good = { width: 1280, height: 720, fps: 29.8, requestedFps: 30, brightness: 120 };
    expect(cameraVerdict({ ...good, similarities: [1, 1, 0.999, 0.99] })).toMatchObject({
      verdict: 'fail',
      summary: expect.stringMatching(/not moving/),
    });
    expect(cameraVerdict({ ...good, similarities: [0.9, 0.95, 0.97] })).toMatchObject({
      verdict: 'pass',
      summary: 'A clear, smooth picture',
      figure: '1280×720 at 29.8 fps, brightness 120/255',
    });
    expect(cameraVerdict({ ...good, fps: 8, similarities: [0.9, 0.9, 0.9] })).toMatchObject({ verdict: 'warning' });
  });
});

describe('network and call verdicts', () => {
  it('uses the stated thresholds', () => {
    expect(networkVerdict({ online: false })).toMatchObject({ verdict: 'fail', summary: 'You are offline' });
    expect(networkVerdict({ online: true, rttMs: 40, jitterMs: 3, downloadMbps: 50, stunOk: true }).verdict).toBe(
      'pass',
    );
    expect(networkVerdict({ online: true, rttMs: 350, jitterMs: 3, downloadMbps: 50, stunOk: true }).verdict).toBe(
      'warning',
    );
    expect(networkVerdict({ online: true, rttMs: 700, stunOk: true }).verdict).toBe('fail');
    expect(networkVerdict({ online: true, rttMs: 40, stunOk: false }).verdict).toBe('warning');
    expect(networkVerdict({ online: true, rttMs: 40, jitterMs: 40, stunOk: true }).verdict).toBe('pass');
    expect(networkVerdict({ online: true, rttMs: 40, jitterMs: 60, stunOk: true }).verdict).toBe('warning');
    expect(callVerdict({ bitrateKbps: 2500, lossPct: 0, jitterMs: 2, rttMs: 1 }).verdict).toBe('pass');
    expect(callVerdict({ bitrateKbps: 900, lossPct: 0, jitterMs: 2 }).verdict).toBe('warning');
    expect(callVerdict({ bitrateKbps: 500, lossPct: 0, jitterMs: 2 }).verdict).toBe('fail');
    expect(callVerdict({ bitrateKbps: 2500, lossPct: 6, jitterMs: 2 }).verdict).toBe('warning');
    expect(callVerdict({ bitrateKbps: 2500, lossPct: 12, jitterMs: 2 }).verdict).toBe('fail');
    expect(
      overallVerdict([
        { id: 'camera', label: '', verdict: 'pass', summary: '', figure: '' },
        { id: 'network', label: '', verdict: 'warning', summary: '', figure: '' },
      ]),
    ).toBe('warning');
  });

  it('offline beside a passing call test: the call test says it ran on this computer alone and Meet will not connect', () => {
    const call = callVerdict({ bitrateKbps: 2500, lossPct: 0, jitterMs: 2, rttMs: 1 });
    const [network, connection] = readTogether([networkVerdict({ online: false }), call]);
    expect(network).toMatchObject({ verdict: 'fail', summary: 'You are offline' });
    expect(connection).toMatchObject({
      verdict: 'pass',
      summary:
        'On this computer alone, a test call ran smoothly; but this computer is offline, so Meet will not connect',
      figure: call.figure,
    });
    const slow = readTogether([networkVerdict({ online: true, rttMs: 700, stunOk: true }), call])[1];
    expect(slow?.summary).toBe(
      'On this computer alone, a test call ran smoothly; but Meet needs a working internet connection (see Network)',
    );
    // With the network fine, nothing is reworded.
    const fine = [networkVerdict({ online: true, rttMs: 40, jitterMs: 3, downloadMbps: 50, stunOk: true }), call];
    expect(readTogether(fine)).toEqual(fine);
  });

  it('a perfect call still ramping up passes: judged on what the encoder aimed for, not a fixed bar', () => {
    // Measured in Chromium's loopback: about 1 Mbps arriving while the encoder aimed for 1.4 Mbps.
    const ramping = { bitrateKbps: 1000, targetKbps: 1400, lossPct: 0, jitterMs: 2, rttMs: 1 };
    expect(callVerdict(ramping)).toMatchObject({
      verdict: 'pass',
      summary: 'A test call ran smoothly',
      figure: '1000 kbps, 0.0 % loss, jitter 2 ms, aimed for 1400 kbps, RTT 1 ms',
    });
    // A still picture needs little, but the sender's estimate shows room for a call.
    expect(
      callVerdict({ bitrateKbps: 135, targetKbps: 600, availableKbps: 1237, lossPct: 0, jitterMs: 1, rttMs: 1 })
        .verdict,
    ).toBe('pass');
  });

  it('a bad call still fails or warns: loss, high RTT, jitter, bitrate far under the aim', () => {
    const good = { bitrateKbps: 1000, targetKbps: 1400, lossPct: 0, jitterMs: 2, rttMs: 1 };
    expect(callVerdict({ ...good, lossPct: 12 }).verdict).toBe('fail');
    expect(callVerdict({ ...good, lossPct: 6 }).verdict).toBe('warning');
    expect(callVerdict({ ...good, rttMs: 700 }).verdict).toBe('fail');
    expect(callVerdict({ ...good, rttMs: 350 }).verdict).toBe('warning');
    expect(callVerdict({ ...good, jitterMs: 45 }).verdict).toBe('warning');
    expect(callVerdict({ ...good, jitterMs: 150 }).verdict).toBe('fail');
    expect(callVerdict({ ...good, bitrateKbps: 300, targetKbps: 1500 }).verdict).toBe('fail');
    expect(callVerdict({ ...good, bitrateKbps: 300, targetKbps: 1500, availableKbps: 400 }).verdict).toBe('fail');
    expect(callVerdict({ ...good, bitrateKbps: 800, targetKbps: 2000 }).verdict).toBe('warning');
  });

  it('each media error has its own plain-language fix', () => {
    const fixes = ['NotAllowedError', 'NotFoundError', 'NotReadableError', 'OverconstrainedError'].map(
      (name) => mediaErrorResult('camera', { name }).fix,
    );
    expect(new Set(fixes).size).toBe(4);
    expect(mediaErrorResult('microphone', { name: 'NotAllowedError' }, true).fix).toMatch(/Privacy/);
    expect(mediaErrorResult('camera', { name: 'NotReadableError' }).fix).toMatch(/Another app/);
  });
});

describe('what a candidate reads first is plain words', () => {
  // The units (dBFS, kbps, RTT, fps) stay in the measurements for whoever helps, never in the summary.
  const jargon = /dBFS|kbps|Mbps|RTT|jitter|fps|RMS|UDP|\d/;
  it('every verdict of every check has a summary without units or numbers', () => {
    const results = [
      microphoneVerdict(audioLevels(sine(0.3))),
      microphoneVerdict(audioLevels(new Float32Array(4800))),
      microphoneVerdict(audioLevels(sine(10 ** (-70 / 20)))),
      microphoneVerdict(audioLevels(sine(0.3)), -30),
      cameraVerdict({ width: 0, height: 0, fps: 0, requestedFps: 30, brightness: 0, similarities: [] }),
      cameraVerdict({
        width: 1280,
        height: 720,
        fps: 8,
        requestedFps: 30,
        brightness: 120,
        similarities: [0.5, 0.6, 0.4],
      }),
      cameraVerdict({
        width: 1280,
        height: 720,
        fps: 30,
        requestedFps: 30,
        brightness: 120,
        similarities: [0.5, 0.6, 0.4],
      }),
      networkVerdict({ online: true, rttMs: 40, jitterMs: 5, downloadMbps: 20, stunOk: true }),
      networkVerdict({ online: true, rttMs: 900 }),
      networkVerdict({ online: true, rttMs: 40, stunOk: false }),
      callVerdict({ bitrateKbps: 1500, lossPct: 0, jitterMs: 2 }),
      callVerdict({ bitrateKbps: 100, lossPct: 20, jitterMs: 200 }),
      mediaErrorResult('camera', { name: 'NotReadableError' }),
      mediaErrorResult('microphone', { name: 'SomethingNew', message: 'x' }),
    ];
    for (const r of results) {
      expect(r.summary, `${r.label} ${r.verdict}`).not.toMatch(jargon);
      expect(r.summary.length).toBeGreaterThan(5);
    }
    expect(new Set(results.map((r) => r.summary)).size).toBe(results.length);
  });
});
