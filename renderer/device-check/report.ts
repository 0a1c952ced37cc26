import type { AppInfo } from '../../preload/shared/contract/ipc-contract';
import { overallVerdict, type CheckResult } from '../../preload/shared/rules/device-analysis';

/** The shareable report: versions, devices (labels only, never ids) and each figure and verdict. */
export interface DeviceReport {
  app: string;
  version: string;
  os: string;
  engine: string;
  createdAt: string;
  devices: { camera?: string; microphone?: string; speaker?: string };
  speakerHeard: boolean | null;
  overall: string;
  checks: CheckResult[];
}

function engine(): string {
  const match = /Chrom(?:e|ium)\/([\d.]+)/.exec(navigator.userAgent);
  const electron = /Electron\/([\d.]+)/.exec(navigator.userAgent);
  return `Chromium ${match?.[1] ?? 'unknown'}${electron ? ` (Electron ${electron[1]})` : ''}`;
}

/** Builds the report object. */
export function buildReport(
  info: AppInfo | undefined,
  devices: DeviceReport['devices'],
  checks: CheckResult[],
  speakerHeard: boolean | null,
): DeviceReport {
  return {
    app: 'Interview Desk',
    version: info?.version ?? 'unknown',
    os: info?.platform ?? navigator.platform,
    engine: engine(),
    createdAt: new Date().toISOString(),
    devices,
    speakerHeard,
    overall: overallVerdict(checks),
    checks,
  };
}

const words = { pass: 'OK', warning: 'WARNING', fail: 'PROBLEM' } as const;

/** The readable text version. */
export function reportText(report: DeviceReport): string {
  return [
    `Interview Desk device check — ${words[report.overall as keyof typeof words] ?? report.overall}`,
    `${report.createdAt} · Interview Desk ${report.version} · ${report.os} · ${report.engine}`,
    `Camera: ${report.devices.camera ?? '—'} · Microphone: ${report.devices.microphone ?? '—'} · Speaker: ${report.devices.speaker ?? '—'}`,
    '',
    ...report.checks.map(
      (c) => `${words[c.verdict]}  ${c.label}: ${c.summary} (${c.figure})${c.fix ? `\n    Fix: ${c.fix}` : ''}`,
    ),
    `${report.speakerHeard === null ? 'NOT ASKED' : report.speakerHeard ? 'OK' : 'PROBLEM'}  Speaker: ${report.speakerHeard === null ? 'test sound not played' : report.speakerHeard ? 'the test sound was heard' : 'the test sound was not heard'}`,
  ].join('\n');
}

/** A 440 Hz tone as a WAV blob URL, for the speaker test. */
export function testToneUrl(seconds = 1.2): string {
  const rate = 44_100;
  const samples = Math.floor(rate * seconds);
  const buffer = new ArrayBuffer(44 + samples * 2);
  const view = new DataView(buffer);
  const text = (offset: number, s: string) => [...s].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  text(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, samples * 2, true);
  for (let i = 0; i < samples; i++) {
    const fade = Math.min(1, i / 2000, (samples - i) / 2000);
    view.setInt16(44 + i * 2, Math.round(0.3 * fade * Math.sin((2 * Math.PI * 440 * i) / rate) * 32767), true);
  }
  return URL.createObjectURL(new Blob([buffer], { type: 'audio/wav' }));
}
