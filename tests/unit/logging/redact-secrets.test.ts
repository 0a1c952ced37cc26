import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../../main/logging/redact-secrets';
import { assertProperty } from '../../support/hostile-urls';

const token = fc.stringMatching(/^[A-Za-z0-9_-]{20,60}$/);
/** A secret of one kind, as it appears in real traffic. */
const secret = fc.oneof(
  fc.emailAddress(),
  token.map((t) => `ya29.${t}`),
  token.map((t) => `1//0${t}`),
  token.map((t) => `4/0A${t}`),
);
/** Surrounding text, including the shapes servers and libraries wrap values in. */
const around = fc.constantFrom(
  (s: string) => `550 5.1.1 <${s}>: Recipient address rejected`,
  (s: string) => `request to http://127.0.0.1:4000/revoke?token=${encodeURIComponent(s)} failed`,
  (s: string) => `GET /oauth2/callback?state=abc&code=${s}`,
  (s: string) => `{"refresh_token":"${s}"}`,
  (s: string) => `Authorization: Bearer ${s}`,
  (s: string) => `to=${s}, from=rita`,
  (s: string) => s,
);

describe('log redaction (fast-check)', () => {
  it('redacts the reply of a rejected SMTP send and a sign-in URL', () => {
    expect(redactSecrets('550 5.1.1 <ada.candidate@example.com>: Recipient address rejected')).toBe(
      '550 5.1.1 <[email]>: Recipient address rejected',
    );
    expect(redactSecrets('GET http://127.0.0.1:5555/oauth2/callback?code=4/0AbCdEfGhIjKl&state=xyz sent')).toBe(
      'GET http://127.0.0.1:5555/oauth2/callback?[redacted] sent',
    );
    expect(redactSecrets('smtp://rita%40acme.test:hunter2@smtp.acme.test:587')).toBe(
      'smtp://[redacted]@smtp.acme.test:587',
    );
  });

  it('no email address, token or authorization code survives, in any wrapping', () => {
    assertProperty(
      'redactor on secrets in context',
      fc.tuple(fc.string({ maxLength: 20 }), secret, around, fc.string({ maxLength: 20 })),
      ([before, value, wrap, after]) => {
        const out = redactSecrets(`${before} ${wrap(value)} ${after}`);
        expect(out).not.toContain(value);
        expect(out).not.toContain(encodeURIComponent(value));
      },
      5_000,
    );
  });

  it('never throws, is idempotent, and leaves plain text alone', () => {
    assertProperty(
      'redactor on arbitrary text',
      fc.string({ unit: 'binary' }),
      (text) => expect(redactSecrets(redactSecrets(text))).toBe(redactSecrets(text)),
      3_000,
    );
    assertProperty(
      'redactor on ordinary words',
      fc.array(fc.stringMatching(/^[A-Za-z0-9]{1,12}$/), { maxLength: 12 }).map((w) => w.join(' ')),
      (text) => expect(redactSecrets(text)).toBe(text),
      2_000,
    );
  });
});
