import { describe, expect, it } from 'vitest';
import { ConfigError, googleDefaults, loadEnvConfig } from '../../../main/config/env-config';

describe('loadEnvConfig', () => {
  it("defaults to Google's real endpoints and the given data dir", () => {
    const config = loadEnvConfig({}, '/data');
    expect(config.dataDir).toBe('/data');
    expect(config.google.authUrl).toBe(googleDefaults.authUrl);
    expect(config.google.tokenUrl).toBe(googleDefaults.tokenUrl);
    expect(config.google.revokeUrl).toBe(googleDefaults.revokeUrl);
    expect(config.google.apiUrl).toBe(googleDefaults.apiUrl);
    expect(config.google.meetApiUrl).toBe('https://meet.googleapis.com/');
    expect(config.webPort).toBe(0);
    expect(config.smtpUrl).toBeUndefined();
  });

  it('uses the Google client baked in at build time, and lets the environment override it as a pair', () => {
    const baked = { clientId: '42-built.apps.googleusercontent.com', clientSecret: 'built-secret' };
    expect(loadEnvConfig({}, '/data', baked).google).toMatchObject(baked);
    const env = loadEnvConfig(
      {
        INTERVIEW_DESK_GOOGLE_CLIENT_ID: '7-env.apps.googleusercontent.com',
        INTERVIEW_DESK_GOOGLE_CLIENT_SECRET: 'env-secret',
      },
      '/data',
      baked,
    );
    expect(env.google).toMatchObject({ clientId: '7-env.apps.googleusercontent.com', clientSecret: 'env-secret' });
    // An environment id never borrows the built-in secret.
    expect(
      loadEnvConfig({ INTERVIEW_DESK_GOOGLE_CLIENT_ID: '7-env.apps.googleusercontent.com' }, '/data', baked).google
        .clientSecret,
    ).toBe('');
    // Tests and unbundled runs carry none.
    expect(loadEnvConfig({}, '/data').google.clientId).toBe('');
  });

  it('reads every variable', () => {
    const config = loadEnvConfig(
      {
        INTERVIEW_DESK_DATA_DIR: '/tmp/x',
        INTERVIEW_DESK_GOOGLE_CLIENT_ID: '123-abc.apps.googleusercontent.com',
        INTERVIEW_DESK_GOOGLE_CLIENT_SECRET: 'shh',
        INTERVIEW_DESK_GOOGLE_AUTH_URL: 'http://127.0.0.1:9/auth',
        INTERVIEW_DESK_GOOGLE_TOKEN_URL: 'http://127.0.0.1:9/token',
        INTERVIEW_DESK_GOOGLE_REVOKE_URL: 'http://127.0.0.1:9/revoke',
        INTERVIEW_DESK_GOOGLE_API_URL: 'http://127.0.0.1:9',
        INTERVIEW_DESK_GOOGLE_MEET_API_URL: 'http://127.0.0.1:10',
        INTERVIEW_DESK_SMTP_URL: 'smtp://user:pw@127.0.0.1:2525',
        INTERVIEW_DESK_WEB_PORT: '8123',
        INTERVIEW_DESK_NETCHECK_URL: 'http://127.0.0.1:9/ping',
        INTERVIEW_DESK_STUN_SERVER: '127.0.0.1:3478',
      },
      '/ignored',
    );
    expect(config.dataDir).toBe('/tmp/x');
    expect(config.google.clientId).toBe('123-abc.apps.googleusercontent.com');
    expect(config.google.apiUrl).toBe('http://127.0.0.1:9/');
    expect(config.google.meetApiUrl).toBe('http://127.0.0.1:10/');
    expect(config.webPort).toBe(8123);
    expect(config.smtpUrl).toBe('smtp://user:pw@127.0.0.1:2525');
    expect(config.stunServer).toBe('127.0.0.1:3478');
  });

  it.each([
    ['INTERVIEW_DESK_WEB_PORT', 'abc'],
    ['INTERVIEW_DESK_WEB_PORT', '70000'],
    ['INTERVIEW_DESK_DATA_DIR', 'relative/dir'],
    ['INTERVIEW_DESK_GOOGLE_AUTH_URL', 'not a url'],
    ['INTERVIEW_DESK_GOOGLE_TOKEN_URL', 'ftp://example.com/token'],
    ['INTERVIEW_DESK_GOOGLE_API_URL', 'javascript:alert(1)'],
    ['INTERVIEW_DESK_GOOGLE_MEET_API_URL', 'file:///etc/passwd'],
    ['INTERVIEW_DESK_SMTP_URL', 'http://mail.example.com'],
    ['INTERVIEW_DESK_GOOGLE_CLIENT_ID', 'has spaces in it'],
    ['INTERVIEW_DESK_STUN_SERVER', 'stun.example.com'],
  ])('refuses %s=%s with one line naming the variable', (name, value) => {
    let caught: unknown;
    try {
      loadEnvConfig({ [name]: value }, '/data');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as Error).message;
    expect(message.startsWith(`${name}: `)).toBe(true);
    expect(message).not.toContain('\n');
  });

  it.each([
    ['INTERVIEW_DESK_SMTP_URL', 'smtps//ada:hunter2@smtp.example.com', ['hunter2', 'ada', 'smtp.example.com']],
    ['INTERVIEW_DESK_SMTP_URL', 'http://ada:hunter2@smtp.example.com', ['hunter2', 'ada']],
    ['INTERVIEW_DESK_GOOGLE_CLIENT_SECRET', `GOCSPX-${'s3cr3t'.repeat(100)}`, ['GOCSPX', 's3cr3t']],
  ])('names %s and its rule but never echoes its value', (name, value, hidden) => {
    let caught: unknown;
    try {
      loadEnvConfig({ [name]: value }, '/data');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as Error).message;
    expect(message).toMatch(new RegExp(`^${name}: must|^${name}: (String|Too big)`, 'i'));
    for (const part of hidden) expect(message).not.toContain(part);
  });

  it.each(['smtp://%E0%A4@smtp.example.com', 'smtps://ada:%E0%A4@smtp.example.com'])(
    'refuses an SMTP URL whose user or password cannot be decoded (%s), at start',
    (value) => {
      expect(() => loadEnvConfig({ INTERVIEW_DESK_SMTP_URL: value }, '/data')).toThrow(
        /^INTERVIEW_DESK_SMTP_URL: has a user name or password whose %-escapes are not valid/,
      );
      expect(
        loadEnvConfig({ INTERVIEW_DESK_SMTP_URL: 'smtps://ad%C3%A5:p%40ss@smtp.example.com' }, '/data').smtpUrl,
      ).toBe('smtps://ad%C3%A5:p%40ss@smtp.example.com');
    },
  );

  it('still shows the bad value of a variable that holds no secret', () => {
    expect(() => loadEnvConfig({ INTERVIEW_DESK_WEB_PORT: 'eighty' }, '/data')).toThrow('(got "eighty")');
  });
});
