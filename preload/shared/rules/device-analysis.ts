/**
 * Pure measurements for the pre-call device check, over sample buffers and frames (no DOM), shared
 * by the renderer and unit tests. Thresholds follow webrtc/testrtc, Twilio's rtc-diagnostics and
 * Daily's call-quality verdicts.
 */

export type Verdict = 'pass' | 'warning' | 'fail';

/**
 * One line of the report: a verdict, what it means in plain words (`summary`, shown first), the
 * measurements it rests on (`figure`: units a support person reads, kept behind "Measurements"),
 * and what to do about it.
 */
export interface CheckResult {
  id: 'camera' | 'microphone' | 'speaker' | 'network' | 'connection';
  label: string;
  verdict: Verdict;
  summary: string;
  figure: string;
  fix?: string;
}

/** Silence: nothing above one LSB of 16-bit audio. */
export const silenceThreshold = 1 / 32767;
/** "Too quiet" below −60 dBFS RMS. */
export const quietDbfs = -60;
/** Clipping: more than 6 consecutive full-scale samples. */
export const clippingRun = 6;
/** Black or too dark: mean luma below 20 of 255. */
export const darkLuma = 20;
/** Frozen: successive frames at least 98.5 % alike. */
export const frozenSimilarity = 0.985;

/** Decibels relative to full scale; −Infinity for silence. */
export function toDbfs(value: number): number {
  return value > 0 ? 20 * Math.log10(value) : Number.NEGATIVE_INFINITY;
}

export interface AudioLevels {
  peak: number;
  rms: number;
  peakDbfs: number;
  rmsDbfs: number;
  /** Runs of more than `clippingRun` consecutive full-scale samples. */
  clippedRuns: number;
}

/** Peak, RMS and clipping of float samples in −1…1. */
export function audioLevels(samples: ArrayLike<number>): AudioLevels {
  let peak = 0;
  let sumSquares = 0;
  let run = 0;
  let runSign = 0;
  let clippedRuns = 0;
  for (let i = 0; i < samples.length; i++) {
    const raw = samples[i]!;
    const v = Math.abs(raw);
    if (v > peak) peak = v;
    sumSquares += v * v;
    // A run is one flat top (or bottom): it ends when the level drops or the sign flips.
    if (v >= 0.999 && (run === 0 || Math.sign(raw) === runSign)) {
      run++;
      runSign = Math.sign(raw);
      if (run === clippingRun + 1) clippedRuns++;
    } else if (v >= 0.999) {
      run = 1;
      runSign = Math.sign(raw);
    } else run = 0;
  }
  const rms = samples.length ? Math.sqrt(sumSquares / samples.length) : 0;
  return { peak, rms, peakDbfs: toDbfs(peak), rmsDbfs: toDbfs(rms), clippedRuns };
}

/** Length of one noise-floor window: about 21 ms at 48 kHz, shorter than the gaps between words. */
export const noiseWindowSamples = 1024;
/** Which of the windows, quietest first, stands for the room's noise: the tenth percentile. */
export const noiseFloorPercentile = 0.1;

/**
 * The room's noise floor in dBFS: the RMS of the quietest short windows of the whole recording
 * (its tenth percentile), so it is read in the pauses of speech wherever they fall, never while
 * the voice (or a test tone) is sounding. A recording without any pause reads its own level here.
 */
export function noiseFloorDbfs(samples: ArrayLike<number>, windowSamples = noiseWindowSamples): number {
  const levels: number[] = [];
  for (let start = 0; start + windowSamples <= samples.length; start += windowSamples) {
    let sum = 0;
    for (let i = start; i < start + windowSamples; i++) sum += samples[i]! * samples[i]!;
    levels.push(Math.sqrt(sum / windowSamples));
  }
  if (!levels.length) return toDbfs(audioLevels(samples).rms);
  levels.sort((a, b) => a - b);
  return toDbfs(levels[Math.floor((levels.length - 1) * noiseFloorPercentile)]!);
}

/** The microphone verdict from a recording (and an optional noise-floor reading taken in quiet). */
export function microphoneVerdict(levels: AudioLevels, noiseFloorDbfs?: number): CheckResult {
  const figure = `level ${Number.isFinite(levels.rmsDbfs) ? levels.rmsDbfs.toFixed(1) : '−∞'} dBFS RMS, peak ${Number.isFinite(levels.peakDbfs) ? levels.peakDbfs.toFixed(1) : '−∞'} dBFS${noiseFloorDbfs !== undefined && Number.isFinite(noiseFloorDbfs) ? `, noise floor ${noiseFloorDbfs.toFixed(1)} dBFS` : ''}`;
  const base = { id: 'microphone' as const, label: 'Microphone', figure };
  if (levels.peak < silenceThreshold) {
    return {
      ...base,
      verdict: 'fail',
      summary: 'No sound comes from your microphone',
      fix: 'Your microphone sends no sound at all. Check it is not muted (a switch on the headset or a key on the keyboard), pick another microphone above, or check the sound input settings of your computer.',
    };
  }
  if (levels.clippedRuns > 0) {
    return {
      ...base,
      verdict: 'warning',
      summary: 'Your voice is distorted: the microphone is too loud',
      fix: 'Your voice is distorting: the microphone is too loud. Lower the input volume in your sound settings or move the microphone a little further away.',
    };
  }
  if (levels.rmsDbfs < quietDbfs) {
    return {
      ...base,
      verdict: 'warning',
      summary: 'Your microphone is very quiet',
      fix: 'Your microphone is very quiet. Move closer, raise the input volume in your sound settings, or pick another microphone.',
    };
  }
  if (noiseFloorDbfs !== undefined && noiseFloorDbfs > -40) {
    return {
      ...base,
      verdict: 'warning',
      summary: 'There is a lot of background noise',
      fix: 'There is a lot of background noise. Find a quieter place or use a headset.',
    };
  }
  return { ...base, verdict: 'pass', summary: 'Your voice comes through clearly' };
}

/** Mean luma (0–255) of an RGBA frame. */
export function meanBrightness(rgba: ArrayLike<number>): number {
  let sum = 0;
  const pixels = Math.floor(rgba.length / 4);
  for (let i = 0; i < pixels * 4; i += 4) sum += 0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!;
  return pixels ? sum / pixels : 0;
}

/** How alike two RGBA frames are, 0 (opposite) to 1 (identical). */
export function frameSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let diff = 0;
  let count = 0;
  for (let i = 0; i < a.length; i += 4) {
    diff += Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!);
    count += 3;
  }
  return 1 - diff / (count * 255);
}

export interface CameraMeasurement {
  width: number;
  height: number;
  /** Frames actually delivered per second over the measurement. */
  fps: number;
  requestedFps: number;
  brightness: number;
  /** Similarity of each frame to the next. */
  similarities: number[];
}

/** The camera verdict: black or too dark, frozen, or a frame-rate drop. */
export function cameraVerdict(m: CameraMeasurement): CheckResult {
  const figure = `${m.width}×${m.height} at ${m.fps.toFixed(1)} fps, brightness ${Math.round(m.brightness)}/255`;
  const base = { id: 'camera' as const, label: 'Camera', figure };
  if (m.width === 0 || m.fps === 0)
    return {
      ...base,
      verdict: 'fail',
      summary: 'No picture comes from your camera',
      fix: 'The camera sends no picture. Close other apps that might use it, or pick another camera.',
    };
  if (m.brightness < darkLuma) {
    return {
      ...base,
      verdict: 'fail',
      summary: 'The picture is black or too dark',
      fix: 'The picture is black or too dark. Open the camera shutter or remove the cover, turn on a light in front of you, or pick another camera.',
    };
  }
  const frozen = m.similarities.length >= 3 && m.similarities.every((s) => s >= frozenSimilarity);
  if (frozen)
    return {
      ...base,
      verdict: 'fail',
      summary: 'The picture is not moving',
      fix: 'The picture is not moving. Unplug and replug the camera, close other apps using it, or restart the computer.',
    };
  if (m.fps < Math.min(15, m.requestedFps * 0.6)) {
    return {
      ...base,
      verdict: 'warning',
      summary: 'The picture is jerky',
      fix: 'The camera delivers few frames per second. Close other apps, add light (cameras slow down in the dark), or use another camera.',
    };
  }
  return { ...base, verdict: 'pass', summary: 'A clear, smooth picture' };
}

export interface NetworkMeasurement {
  online: boolean;
  rttMs?: number;
  jitterMs?: number;
  downloadMbps?: number;
  stunOk?: boolean;
}

/** Network verdict (Daily's thresholds for RTT; UDP reachability for Meet's media). */
export function networkVerdict(m: NetworkMeasurement): CheckResult {
  if (!m.online)
    return {
      id: 'network',
      label: 'Network',
      verdict: 'fail',
      summary: 'You are offline',
      figure: 'offline',
      fix: 'You are offline. Connect to Wi-Fi or a cable, then run the check again.',
    };
  const figure = [
    m.rttMs !== undefined ? `round trip ${Math.round(m.rttMs)} ms` : '',
    m.jitterMs !== undefined ? `jitter ${Math.round(m.jitterMs)} ms` : '',
    m.downloadMbps !== undefined ? `download ${m.downloadMbps.toFixed(1)} Mbps` : '',
    m.stunOk === undefined ? '' : m.stunOk ? 'UDP to Meet OK' : 'UDP to Meet blocked',
  ]
    .filter(Boolean)
    .join(', ');
  const base = { id: 'network' as const, label: 'Network', figure };
  if (m.stunOk === false)
    return {
      ...base,
      verdict: 'warning',
      summary: 'A firewall or VPN is in the way of video calls',
      fix: 'UDP traffic to Meet seems blocked (a firewall or VPN). Meet will fall back to a slower path; if video stutters, try another network or turn the VPN off.',
    };
  if ((m.rttMs ?? 0) > 600 || (m.downloadMbps !== undefined && m.downloadMbps < 0.7))
    return {
      ...base,
      verdict: 'fail',
      summary: 'Your connection is too slow for video',
      fix: 'Your connection is too slow for video. Move closer to the Wi-Fi router, use a cable, or stop downloads and other video calls.',
    };
  // HTTP round trips vary more than media packets do, so the jitter bar sits above VoIP's usual 30 ms.
  if ((m.rttMs ?? 0) > 300 || (m.jitterMs ?? 0) > 50 || (m.downloadMbps !== undefined && m.downloadMbps < 1.1))
    return {
      ...base,
      verdict: 'warning',
      summary: 'Your connection is a bit slow for video',
      fix: 'Your connection is a bit slow. Move closer to the Wi-Fi router or use a cable for the best picture.',
    };
  return { ...base, verdict: 'pass', summary: 'Fast enough for video' };
}

export interface CallStats {
  /** What arrived, averaged over the measurement. */
  bitrateKbps: number;
  /** What the sender's encoder aimed for over the same time (outbound-rtp `targetBitrate`). */
  targetKbps?: number;
  /** The sender's bandwidth estimate at the end (candidate-pair `availableOutgoingBitrate`). */
  availableKbps?: number;
  lossPct: number;
  jitterMs: number;
  rttMs?: number;
}

/** Daily's call-quality bars: good from 1.1 Mbps, poor below 0.7 Mbps. */
export const goodCallKbps = 1100;
export const poorCallKbps = 700;
/** Encoders undershoot their target on easy pictures; 60 % of it counts as having reached it. */
export const reachedTargetShare = 0.6;
/** Jitter a call's buffer hides without a hitch (VoIP's usual 30 ms), and where it stutters. */
export const callJitterWarnMs = 30;
export const callJitterFailMs = 100;

/**
 * Verdict of the loopback call from getStats. Loss (< 5 %), RTT (< 300 ms) and jitter (≤ 30 ms)
 * are judged as measured. The bitrate is judged by what the sender could do, not by a fixed bar
 * that a call still ramping up (it starts near 300 kbps) has not reached after a few seconds: it
 * is good when it reaches 1.1 Mbps, or reaches what the encoder aimed for, or when the sender's
 * bandwidth estimate has room for 1.1 Mbps (a still picture needs less). A bitrate far under
 * what the encoder aimed for, with no room shown, is a problem.
 */
export function callVerdict(s: CallStats): CheckResult {
  const extra = [
    s.targetKbps !== undefined ? `aimed for ${Math.round(s.targetKbps)} kbps` : '',
    s.availableKbps !== undefined ? `room for ${Math.round(s.availableKbps)} kbps` : '',
    s.rttMs !== undefined ? `RTT ${Math.round(s.rttMs)} ms` : '',
  ].filter(Boolean);
  const figure = `${Math.round(s.bitrateKbps)} kbps, ${s.lossPct.toFixed(1)} % loss, jitter ${Math.round(s.jitterMs)} ms${extra.map((e) => `, ${e}`).join('')}`;
  const base = { id: 'connection' as const, label: 'Video call test', figure };
  const reachedAim =
    s.targetKbps !== undefined && s.targetKbps > 0 && s.bitrateKbps >= s.targetKbps * reachedTargetShare;
  const room = s.availableKbps ?? 0;
  const bitrateGood = s.bitrateKbps >= goodCallKbps || reachedAim || room >= goodCallKbps;
  const bitratePoor = !bitrateGood && s.bitrateKbps < poorCallKbps && room < poorCallKbps;
  if (s.lossPct > 10 || bitratePoor || (s.rttMs ?? 0) > 600 || s.jitterMs > callJitterFailMs)
    return {
      ...base,
      verdict: 'fail',
      summary: 'A test call could not keep up',
      fix: 'A test call could not keep up. Close other apps that use the camera or network, then try again.',
    };
  if (s.lossPct >= 5 || !bitrateGood || (s.rttMs ?? 0) >= 300 || s.jitterMs > callJitterWarnMs)
    return {
      ...base,
      verdict: 'warning',
      summary: 'A test call ran, but not smoothly',
      fix: 'A test call ran, but not smoothly. Close other apps and browser tabs that use video.',
    };
  return { ...base, verdict: 'pass', summary: 'A test call ran smoothly' };
}

/**
 * The results as one account: the video call test runs inside this computer alone, so when the
 * network check fails, the call test's result says what it means then (it does not reach Meet).
 */
export function readTogether(results: CheckResult[]): CheckResult[] {
  const network = results.find((r) => r.id === 'network');
  if (network?.verdict !== 'fail') return results;
  const then =
    network.figure === 'offline'
      ? 'this computer is offline, so Meet will not connect'
      : 'Meet needs a working internet connection (see Network)';
  return results.map((r) =>
    r.id === 'connection' && r.verdict !== 'fail'
      ? {
          ...r,
          summary: `On this computer alone, ${r.summary.charAt(0).toLowerCase()}${r.summary.slice(1)}; but ${then}`,
        }
      : r,
  );
}

/** The worst verdict wins. */
export function overallVerdict(results: CheckResult[]): Verdict {
  if (results.some((r) => r.verdict === 'fail')) return 'fail';
  return results.some((r) => r.verdict === 'warning') ? 'warning' : 'pass';
}

/** A media error name in plain words with its own fix. */
export function mediaErrorResult(
  id: 'camera' | 'microphone',
  error: { name: string; message?: string },
  deniedBySystem = false,
): CheckResult {
  const label = id === 'camera' ? 'Camera' : 'Microphone';
  const device = id === 'camera' ? 'camera' : 'microphone';
  const fixes: Record<string, [string, string]> = {
    NotAllowedError: deniedBySystem
      ? [
          `Your computer's privacy settings block the ${device}`,
          `Your computer's privacy settings block the ${device}. On macOS open System Settings → Privacy & Security → ${id === 'camera' ? 'Camera' : 'Microphone'}; on Windows open Settings → Privacy → ${id === 'camera' ? 'Camera' : 'Microphone'}; allow Interview Desk, then restart it.`,
        ]
      : [
          `Access to the ${device} was not allowed`,
          `You (or the browser) denied access to the ${device}. Click the camera icon in the address bar or the app's permission prompt and allow it, then run the check again.`,
        ],
    NotFoundError: [
      `No ${device} was found`,
      `No ${device} was found. Plug one in (or turn it on), then run the check again.`,
    ],
    NotReadableError: [
      `Another app is using the ${device}`,
      `Another app is using the ${device} (a video call, a recording app). Close it, then run the check again.`,
    ],
    OverconstrainedError: [
      `This ${device} cannot do what the check asked`,
      `The chosen ${device} cannot do what was asked. Pick another ${device} above.`,
    ],
  };
  const [summary, fix] = fixes[error.name] ?? [
    `The ${device} could not be started`,
    `The ${device} could not be started (${error.message ?? error.name}). Pick another ${device} or restart the computer.`,
  ];
  return { id, label, verdict: 'fail', summary, figure: error.name || 'error', fix };
}
