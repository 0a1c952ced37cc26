import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where generated media files go (outside the repo). */
export const mediaDir = path.join(os.tmpdir(), 'interview-desk-test-media');

let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

/**
 * Writes a Y4M (YUV4MPEG2, 4:2:0) file for Chromium's --use-file-for-fake-video-capture.
 * `moving`: a bright, textured picture that changes every frame; `black`: all black; `static`: one
 * textured frame repeated (a frozen camera).
 */
export function writeY4m(
  name: string,
  kind: 'moving' | 'black' | 'static',
  width = 640,
  height = 480,
  frames = 15,
): string {
  fs.mkdirSync(mediaDir, { recursive: true });
  const file = path.join(mediaDir, name);
  const ySize = width * height;
  const cSize = (width / 2) * (height / 2);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`);
  const parts: Buffer[] = [header];
  const textured = (shift: number) => {
    const y = Buffer.alloc(ySize);
    for (let i = 0; i < ySize; i++) {
      const x = i % width;
      const row = Math.floor(i / width);
      y[i] = Math.max(
        60,
        Math.min(
          235,
          140 + 60 * Math.sin((x + shift * 13) / 9) * Math.cos((row - shift * 7) / 11) + (random() - 0.5) * 60,
        ),
      );
    }
    return y;
  };
  const still = textured(0);
  for (let f = 0; f < frames; f++) {
    parts.push(Buffer.from('FRAME\n'));
    if (kind === 'black') parts.push(Buffer.alloc(ySize, 16));
    else parts.push(kind === 'static' ? still : textured(f));
    parts.push(Buffer.alloc(cSize, 128), Buffer.alloc(cSize, 128));
  }
  fs.writeFileSync(file, Buffer.concat(parts));
  return file;
}

/**
 * Writes a 16-bit mono WAV for --use-file-for-fake-audio-capture: a tone at `dbfs` peak with
 * `quietSeconds` of near silence from `quietStart` on (a pause, as a person speaking), the same tone
 * and pause over steady white noise at −30 dBFS RMS (a noisy room), silence, or a clipped square wave.
 */
export function writeWav(
  name: string,
  kind: 'tone' | 'noisy-tone' | 'silence' | 'clipped',
  dbfs = -12,
  seconds = 4,
  quietSeconds = 0,
  quietStart = 0,
): string {
  fs.mkdirSync(mediaDir, { recursive: true });
  const file = path.join(mediaDir, name);
  const rate = 48_000;
  const n = rate * seconds;
  const buffer = Buffer.alloc(44 + n * 2);
  buffer.write('RIFF', 0);
  buffer.writeUInt32LE(36 + n * 2, 4);
  buffer.write('WAVEfmt ', 8);
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(1, 22);
  buffer.writeUInt32LE(rate, 24);
  buffer.writeUInt32LE(rate * 2, 28);
  buffer.writeUInt16LE(2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36);
  buffer.writeUInt32LE(n * 2, 40);
  const amplitude = 10 ** (dbfs / 20);
  for (let i = 0; i < n; i++) {
    let v = 0;
    const quiet = i >= quietStart * rate && i < (quietStart + quietSeconds) * rate;
    if (kind === 'tone') v = quiet ? 0.0005 * (random() - 0.5) : amplitude * Math.sin((2 * Math.PI * 440 * i) / rate);
    // Uniform noise in ±a has an RMS of a/√3.
    if (kind === 'noisy-tone')
      v =
        (quiet ? 0 : amplitude * Math.sin((2 * Math.PI * 440 * i) / rate)) +
        10 ** (-30 / 20) * Math.sqrt(3) * 2 * (random() - 0.5);
    if (kind === 'clipped') v = Math.floor(i / 60) % 2 ? 1 : -1;
    buffer.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(v * 32767))), 44 + i * 2);
  }
  fs.writeFileSync(file, buffer);
  return file;
}
