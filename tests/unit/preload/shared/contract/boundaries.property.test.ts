import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calls, callNames } from '../../../../../preload/shared/contract/ipc-contract';
import { settingsPatchSchema, settingsSchema } from '../../../../../preload/shared/contract/settings-schema';
import { DeepLinkError, parseDeepLink } from '../../../../../main/deep-links/parse-deep-link';
import { isMeetJoinUrl } from '../../../../../main/security/url-policy';

const runs = 3000;
// eslint-disable-next-line no-control-regex
const forbidden = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
const hostileFragment = fc.constantFrom(
  '\r',
  '\n',
  '\u0085',
  '\u009b',
  '\u202e',
  '\u2066',
  '\u0000',
  ';',
  ',',
  '"',
  '\\',
  '<',
  '@',
  '?cc=x.com',
  ' ',
  'é',
  '👩‍💻',
);
const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(fc.oneof(hostileFragment, fc.string({ maxLength: 6 })), { maxLength: 12 }).map((p) => p.join('')),
);

describe('IPC input schemas (property-based)', () => {
  const perCall = 400;
  it(`every call's input schema answers arbitrary JSON with success or a clean failure, never a throw (${perCall} runs × each call)`, () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...callNames),
        fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.dictionary(fc.string(), fc.jsonValue())),
        (name, input) => {
          const result = calls[name].input.safeParse(input);
          if (result.success) accepted++;
          else {
            refused++;
            expect(result.error.issues.length).toBeGreaterThan(0);
            for (const issue of result.error.issues) expect(typeof issue.message).toBe('string');
          }
        },
      ),
      { numRuns: perCall * callNames.length },
    );
    console.log(
      `IPC inputs: ${perCall * callNames.length} arbitrary inputs over ${callNames.length} calls; ${accepted} accepted, ${refused} refused cleanly`,
    );
  });
});

describe('Settings schema (property-based)', () => {
  const textFields = ['recruiterName', 'companyName', 'signOff'] as const;
  const address = fc.oneof(
    fc.emailAddress(),
    fc.constant(''),
    hostileString,
    fc.emailAddress().chain((a) => hostileFragment.map((f) => `${a}${f}`)),
  );
  it(`no saved text setting ever holds a control, line-break or direction character; addresses are one plain address (${runs} runs)`, () => {
    let saved = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...textFields),
        fc.oneof(fc.string({ maxLength: 40 }), hostileString),
        address,
        address,
        (field, text, email, from) => {
          const patch = {
            [field]: text,
            recruiterEmail: email,
            smtp: { host: 'smtp.example.com', port: 587, security: 'starttls', user: text, fromAddress: from },
          };
          const parsed = settingsPatchSchema.safeParse(patch);
          if (!parsed.success) return;
          saved++;
          const value = parsed.data;
          expect(value[field]).not.toMatch(forbidden);
          expect(value.smtp?.user).not.toMatch(forbidden);
          for (const address of [value.recruiterEmail, value.smtp?.fromAddress]) {
            if (address) expect(address).toMatch(/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,63}$/);
          }
        },
      ),
      { numRuns: runs },
    );
    console.log(`settings: ${runs} hostile patches, ${saved} accepted (all clean)`);
  });

  it(`the full schema never throws on arbitrary JSON and only an https (or local http) network check address passes (${runs} runs)`, () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.oneof(
          fc.webUrl(),
          hostileString,
          fc.constantFrom('file:///etc/passwd', 'http://169.254.169.254/', 'javascript:alert(1)', 'ftp://x.example/'),
        ),
        (raw, url) => {
          expect(() => settingsSchema.safeParse(raw)).not.toThrow();
          const parsed = settingsPatchSchema.safeParse({ netcheckUrl: url });
          if (parsed.success && parsed.data.netcheckUrl) {
            const u = new URL(parsed.data.netcheckUrl);
            expect(
              u.protocol === 'https:' ||
                (u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)),
            ).toBe(true);
          }
        },
      ),
      { numRuns: runs },
    );
    console.log(`settings: ${runs} arbitrary settings objects and network check addresses`);
  });
});

describe('Deep links (property-based)', () => {
  const now = Date.parse('2030-01-10T08:00:00.000Z');
  const joinLink = fc
    .record({
      meet: fc.oneof(fc.stringMatching(/^[a-z]{3}-[a-z]{4}-[a-z]{3}$/), hostileString, fc.webUrl()),
      start: fc.oneof(fc.constant('2030-01-12T09:00:00.000Z'), hostileString),
      title: fc.oneof(fc.string({ maxLength: 40 }), hostileString),
    })
    .map(({ meet, start, title }) => `interview-desk://join?${new URLSearchParams({ meet, start, title }).toString()}`);
  const anyLink = fc.oneof(
    joinLink,
    hostileString,
    fc.webUrl(),
    fc.constantFrom('interview-desk://interview/', 'interview-desk://device-check/x', 'interview-desk://join'),
    hostileString.map((s) => `interview-desk://${s}`),
  );

  it(`never throws anything but a DeepLinkError; a join link yields only a Meet URL and a clean title (${runs} runs)`, () => {
    let joins = 0;
    fc.assert(
      fc.property(anyLink, (raw) => {
        try {
          const link = parseDeepLink(raw, now);
          if (link.kind === 'join') {
            joins++;
            expect(isMeetJoinUrl(link.meetLink)).toBe(true);
            expect(link.title).not.toMatch(forbidden);
            expect(link.title.length).toBeLessThanOrEqual(200);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(DeepLinkError);
        }
      }),
      { numRuns: runs },
    );
    console.log(`deep links: ${runs} links parsed, ${joins} valid join links`);
    expect(joins).toBeGreaterThan(0);
  });
});
