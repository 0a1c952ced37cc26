import { describe, expect, it } from 'vitest';
import {
  isAllowedExternalUrl,
  isAppUrl,
  isMeetJoinUrl,
  isMeetMediaPermission,
  isMeetWindowUrl,
} from '../../../main/security/url-policy';

/** URLs that must never be opened externally nor navigated to inside the app. */
const hostile = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.cookie)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'file:///etc/passwd',
  'file://C:/Windows/System32/calc.exe',
  'vbscript:msgbox(1)',
  'blob:https://meet.google.com/1234',
  'http://meet.google.com/abc-defg-hij',
  'https://meet.google.com.evil.com/abc-defg-hij',
  'https://meet-google.com/abc-defg-hij',
  'https://evilmeet.google.com.attacker.io/',
  'https://meet.google.co/abc-defg-hij',
  'https://meet.googIe.com/abc-defg-hij',
  'https://xn--meet-google-9bb.com/',
  'https://meet.google.com@evil.com/',
  'https://evil.com@meet.google.com/',
  'https://user:pass@meet.google.com/',
  'https://meet.google.com:8443/abc-defg-hij',
  'https://evil.com/?next=https://meet.google.com',
  'https://evil.com/#https://meet.google.com',
  'https://evil.com\\@meet.google.com',
  'https://127.0.0.1/',
  'https://localhost/',
  'https://[::1]/',
  'http://169.254.169.254/latest/meta-data/',
  'smb://attacker/share',
  'ms-msdt:/id PCWDiagnostic',
  'search-ms:query=calc',
  'app://interview-desk.evil.com/index.html',
  'app://evil/index.html',
  'interview-desk://interview/../../etc',
  'chrome://settings',
  'about:blank',
  'view-source:https://meet.google.com/',
  'mailto:a@b.com?bcc=victim@x.com&body=hi%0D%0ABcc:x',
  'mailto:',
  '//meet.google.com/abc',
  '',
  'https://google.com/url?q=https://evil.com',
];

describe('open-external and navigation guards', () => {
  it('has a table of at least 30 hostile URLs', () => {
    expect(hostile.length).toBeGreaterThanOrEqual(30);
  });

  it.each(hostile)('never opens %j in the system browser', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it.each(hostile)('never treats %j as the app', (url) => {
    expect(isAppUrl(url)).toBe(false);
    expect(isAppUrl(url, 'http://127.0.0.1:4000')).toBe(false);
  });

  it.each(hostile)('never lets the Meet window navigate to %j', (url) => {
    expect(isMeetWindowUrl(url)).toBe(false);
  });

  it.each([
    'https://meet.google.com/abc-defg-hij',
    'https://calendar.google.com/calendar/event?eid=x',
    'https://accounts.google.com/signin',
    'https://support.google.com/meet/answer/1',
    'mailto:recruiter@example.com',
  ])('opens the allowlisted %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it('recognises the app itself', () => {
    expect(isAppUrl('app://interview-desk/index.html')).toBe(true);
    expect(isAppUrl('app://interview-desk')).toBe(true);
    expect(isAppUrl('http://127.0.0.1:4000/#/schedule', 'http://127.0.0.1:4000')).toBe(true);
    expect(isAppUrl('http://127.0.0.1:4001/', 'http://127.0.0.1:4000')).toBe(false);
  });

  it('grants media in the Meet window only to meet.google.com', () => {
    expect(isMeetMediaPermission('media', 'https://meet.google.com/abc-defg-hij')).toBe(true);
    expect(isMeetMediaPermission('display-capture', 'https://meet.google.com/abc-defg-hij')).toBe(true);
    expect(isMeetMediaPermission('notifications', 'https://meet.google.com/')).toBe(false);
    expect(isMeetMediaPermission('media', 'https://accounts.google.com/')).toBe(false);
    expect(isMeetMediaPermission('media', 'https://meet.google.com.evil.com/')).toBe(false);
    expect(isMeetMediaPermission('media', 'http://meet.google.com/')).toBe(false);
  });

  it('opens only an exact Google Meet meeting URL in a Meet opener', () => {
    for (const url of hostile) expect(isMeetJoinUrl(url), url).toBe(false);
    for (const url of [
      'https://meet.google.com/',
      'https://meet.google.com/abc-defg-hij?authuser=0',
      'https://meet.google.com/abc-defg-hij#x',
      'https://meet.google.com/abc-defg-hij/',
      'http://evil.example/phish',
      'https://meet.google.com/ABC-DEFG-HIJ',
    ]) {
      expect(isMeetJoinUrl(url), url).toBe(false);
    }
    expect(isMeetJoinUrl('https://meet.google.com/abc-defg-hij')).toBe(true);
    expect(isMeetJoinUrl(undefined)).toBe(false);
  });
});
