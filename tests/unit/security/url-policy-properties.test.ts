import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isAppUrl, isMeetWindowUrl } from '../../../main/security/url-policy';
import { allowlistedUrl, anyUrl, assertProperty, oracleMayOpen } from '../../support/hostile-urls';

describe('URL policy under generated input (fast-check)', () => {
  it('refuses a malformed mailto escape instead of throwing', () => {
    for (const url of ['mailto:%E0%A4%A', 'mailto:%', 'mailto:a%@b.test', 'mailto:%FFa@b.test']) {
      expect(() => isAllowedExternalUrl(url)).not.toThrow();
      expect(isAllowedExternalUrl(url)).toBe(false);
    }
  });

  it('never throws and never allows what the policy forbids', () => {
    assertProperty(
      'url-policy on arbitrary URLs',
      anyUrl,
      (url) => {
        const external = isAllowedExternalUrl(url);
        if (external) expect(oracleMayOpen(url), url).toBe(true);
        if (isMeetWindowUrl(url))
          expect(['https://meet.google.com', 'https://accounts.google.com']).toContain(
            `${new URL(url).protocol}//${new URL(url).host}`,
          );
        // Judged as the browser reads it: the URL parser drops leading C0 controls and spaces ("\tapp://…").
        if (isAppUrl(url)) expect(`${new URL(url).protocol}//${new URL(url).host}`).toBe('app://interview-desk');
      },
      6_000,
    );
  });

  it('keeps allowing the allowlisted Google pages and one plain mailto address', () => {
    assertProperty(
      'url-policy on allowlisted https URLs',
      allowlistedUrl,
      (url) => expect(isAllowedExternalUrl(url), url).toBe(true),
      1_000,
    );
    for (const url of ['mailto:recruiter@example.com', 'mailto:r.ecruiter+jobs@mail.example.co.uk'])
      expect(isAllowedExternalUrl(url)).toBe(true);
    for (const url of [
      'mailto:a@b.test,c@d.test',
      'mailto:a%0D%0ABcc:c@d.test',
      'mailto:%20a@b.test',
      'mailto:a@b.test%0A',
    ])
      expect(isAllowedExternalUrl(url), url).toBe(false);
  });
});
