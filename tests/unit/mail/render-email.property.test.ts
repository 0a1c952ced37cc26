import fs from 'node:fs';
import fc from 'fast-check';
import Handlebars from 'handlebars';
import juice from 'juice';
import { describe, expect, it } from 'vitest';
import { createEmailRenderer } from '../../../main/mail/render-email';
import { messageView } from '../../../main/mail/message-content';
import type { MailKind, Recipient } from '../../../main/mail/mail-kinds';
import { makeInterview } from '../../support/interview-fixtures';

const runs = 300;
const now = Date.parse('2030-01-14T09:00:00.000Z');

/** The reference: fill the template (stylesheet included) for this message, then inline its CSS with juice. */
function inlinedPerMessage(view: ReturnType<typeof messageView>): string {
  const engine = Handlebars.create();
  const css = engine.compile(fs.readFileSync('templates/email.css', 'utf8'))({ brandColor: view.brandColor });
  const html = engine.compile(fs.readFileSync('templates/email.html.hbs', 'utf8'), { strict: false })({ ...view, css });
  return juice(html, { removeStyleTags: true, preserveMediaQueries: false });
}

// juice itself reads `{{…}}` in a whole message as template code, so the reference cannot take it.
const value = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.includes('{{') && !s.includes('}}'));
const kinds: MailKind[] = ['invitation', 'update', 'cancellation', 'reminder'];
const recipients: Recipient[] = ['candidate', 'recruiter'];

describe('the email renderer inlines CSS once per brand colour', () => {
  it(`gives the same HTML as inlining every message on its own (${runs} runs over kinds, recipients, colours and text)`, () => {
    const render = createEmailRenderer('templates');
    fc.assert(
      fc.property(
        fc.record({
          name: value,
          title: value,
          company: value,
          signOff: value,
          message: value,
          kind: fc.constantFrom(...kinds),
          recipient: fc.constantFrom(...recipients),
          color: fc.constantFrom('#1a73e8', '#0B8043', '#b3261e'),
          download: fc.boolean(),
        }),
        (c) => {
          const interview = makeInterview({
            startUtc: '2030-01-15T09:00:00.000Z',
            meetLink: 'https://meet.google.com/abc-defg-hij',
            candidate: { name: c.name, email: 'ada@example.com', timeZone: 'Asia/Kolkata' },
            recruiter: { name: c.name, email: 'rita@example.com' },
            jobTitle: c.title,
            candidateMessage: c.message,
          });
          const settings = {
            companyName: c.company,
            brandColor: c.color,
            signOff: c.signOff,
            ...(c.download ? { candidateDownloadUrl: 'https://example.com/download' } : {}),
          };
          const previous =
            c.kind === 'update'
              ? {
                  startUtc: '2030-01-14T13:00:00.000Z',
                  durationMinutes: 30,
                  meetLink: 'https://meet.google.com/xyz-defg-hij',
                }
              : undefined;
          const view = messageView(interview, c.kind, c.recipient, settings, now, previous);
          expect(render(view).html).toBe(inlinedPerMessage(view));
        },
      ),
      { numRuns: runs },
    );
    console.log(
      `email HTML: ${runs} generated messages rendered from the once-inlined template, byte for byte as inlined per message`,
    );
  });

  it('runs the CSS inliner once per brand colour, not once per message', () => {
    let inlined = 0;
    const render = createEmailRenderer('templates', (html) => {
      inlined++;
      return juice(html, { removeStyleTags: true, preserveMediaQueries: false });
    });
    for (let i = 0; i < 40; i++) {
      const interview = makeInterview({
        startUtc: '2030-01-15T09:00:00.000Z',
        meetLink: 'https://meet.google.com/abc-defg-hij',
        candidate: { name: `C ${i}`, email: 'ada@example.com' },
      });
      const view = messageView(
        interview,
        kinds[i % 4]!,
        recipients[i % 2]!,
        { companyName: 'Acme', brandColor: i % 3 ? '#1a73e8' : '#0b8043', signOff: '' },
        now,
      );
      const { html } = render(view);
      expect(html).toContain(`C ${i}`);
      expect(html).not.toContain('<style');
      expect(html).toContain(`border-bottom: 4px solid ${view.brandColor}`);
    }
    expect(inlined).toBe(2);
  });

  it('refuses a brand colour that is not #rrggbb instead of making it part of the template', () => {
    const render = createEmailRenderer('templates');
    const interview = makeInterview({
      startUtc: '2030-01-15T09:00:00.000Z',
      meetLink: 'https://meet.google.com/abc-defg-hij',
    });
    const view = messageView(
      interview,
      'invitation',
      'candidate',
      { companyName: 'Acme', brandColor: '#fff}{{constructor}}', signOff: '' },
      now,
    );
    expect(() => render(view)).toThrow('The brand colour must be a colour like #1a73e8.');
  });
});
