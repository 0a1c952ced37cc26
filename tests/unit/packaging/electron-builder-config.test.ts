import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const config = parse(fs.readFileSync('electron-builder.yml', 'utf8'));
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));

describe('electron-builder.yml', () => {
  it('names the product and app id', () => {
    expect(config.appId).toBe('com.interviewdesk.app');
    expect(config.productName).toBe('Interview Desk');
    expect(pkg.name).toBe('interview-desk');
    expect(pkg.productName).toBe('Interview Desk');
  });

  it('registers the interview-desk:// scheme', () => {
    expect(config.protocols[0].schemes).toEqual(['interview-desk']);
    expect(config.linux.mimeTypes).toContain('x-scheme-handler/interview-desk');
  });

  it('unpacks keytar from the asar', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/keytar/**');
  });

  it('sets the Electron fuses from the security notes', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('targets AppImage + deb, dmg with camera/microphone descriptions and hardened runtime, nsis', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.extendInfo.NSCameraUsageDescription).toMatch(/camera/);
    expect(config.mac.extendInfo.NSMicrophoneUsageDescription).toMatch(/microphone/);
    expect(fs.existsSync(config.mac.entitlements)).toBe(true);
    expect(fs.readFileSync(config.mac.entitlements, 'utf8')).toContain('com.apple.security.device.camera');
    expect(config.win.target).toEqual(['nsis']);
  });

  it('packs the built output and points main at it; Node 22 for every script', () => {
    expect(config.files).toContain('dist/**/*');
    expect(pkg.main).toBe('dist/main/main.mjs');
    expect(pkg.engines.node).toMatch(/>=22/);
    expect(pkg.devDependencies.node).toMatch(/^\^?22/);
  });
});
