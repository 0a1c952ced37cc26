import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coInterviewersSchema,
  isEmailAddress,
  maxCoInterviewers,
} from '../../../../../preload/shared/contract/interview-schema';

const hostile = fc.constantFrom(
  'Pat <pat@example.com>',
  'pat@example.com, eve@evil.test',
  'pat@example.com\r\nBcc: eve@evil.test',
  '"pat"@example.com',
  'pat@example',
  '',
  ' ',
  'pat@exa mple.com',
  'pat\u202e@example.com',
);

/** The panel is a boundary parser: whatever arrives, it answers a clean panel or a clean refusal naming the field. */
describe('co-interviewers (property-based)', () => {
  it('an accepted panel holds at most 8 plain, distinct addresses and one-line names; a refusal names the row', () => {
    const person = fc.record(
      {
        email: fc.oneof(fc.emailAddress(), hostile, fc.string({ unit: 'binary' })),
        name: fc.option(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('Pat Panel', 'Ana\nBcc: x')), {
          nil: undefined,
        }),
      },
      { requiredKeys: ['email'] },
    );
    let accepted = 0;
    let refused = 0;
    const runs = 3000;
    fc.assert(
      fc.property(fc.array(person, { maxLength: 10 }), (raw) => {
        const parsed = coInterviewersSchema.safeParse(raw);
        if (parsed.success) {
          accepted++;
          expect(parsed.data.length).toBeLessThanOrEqual(maxCoInterviewers);
          expect(new Set(parsed.data.map((p) => p.email.toLowerCase())).size).toBe(parsed.data.length);
          for (const p of parsed.data) {
            expect(isEmailAddress(p.email)).toBe(true);
            expect(p.name ?? '').not.toMatch(/[\r\n\u0000-\u001f\u202e]/); // eslint-disable-line no-control-regex
          }
        } else {
          refused++;
          for (const issue of parsed.error.issues)
            expect(issue.path.length === 0 || typeof issue.path[0] === 'number').toBe(true);
        }
      }),
      { numRuns: runs },
    );
    console.log(`panels: ${runs} arbitrary panels, ${accepted} accepted, ${refused} refused cleanly`);
    expect(accepted).toBeGreaterThan(0);
  });

  it('the same person twice is refused on the second row, whatever the case of the domain', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const at = email.lastIndexOf('@');
        const shouted = `${email.slice(0, at)}@${email.slice(at + 1).toUpperCase()}`;
        // Only addresses the form takes at all (fast-check also makes some it refuses, e.g. numeric TLDs).
        if (!isEmailAddress(email)) return;
        const parsed = coInterviewersSchema.safeParse([{ email }, { email: shouted }]);
        expect(parsed.success).toBe(false);
        if (!parsed.success) expect(parsed.error.issues.map((i) => i.path.join('.'))).toContain('1.email');
      }),
      { numRuns: 500 },
    );
  });
});
