import { beforeEach, describe, expect, it } from 'vitest';
import { app, Notification, resetFakeElectron } from '../../fakes/electron';
import {
  showReminderNotification,
  showScorecardDueNotification,
  showWaitingNotification,
} from '../../../main/shell/notifications';
import { makeInterview } from '../../support/interview-fixtures';

const handlers = { open: () => {}, join: () => {} };
const interview = makeInterview({
  startUtc: '2030-01-15T10:00:00.000Z',
  candidate: { name: 'Ada <b>Lovelace</b>', email: 'a@example.com' },
  jobTitle: 'R&D <Lead>',
  meetLink: 'https://meet.google.com/abc-defg-hij',
});
const now = Date.parse('2030-01-15T09:50:00.000Z');
// An hour after the (default-length) interview ended: its first "Scorecard due".
const later = Date.parse(interview.startUtc) + interview.durationMinutes * 60_000 + 3_600_000;
const waiting = { displayName: 'Ada', since: '2030-01-15T09:48:00.000Z', identified: true };
const body = () => String(Notification.shown.at(-1)!.options.body);

describe('native notification bodies', () => {
  beforeEach(() => resetFakeElectron());

  it('writes the start as the system’s regional format does: 12 hours in en-US, 24 in en-GB', () => {
    const plain = makeInterview({
      startUtc: '2030-01-15T13:00:00.000Z',
      timeZone: 'Europe/London',
      jobTitle: 'Engineer',
      meetLink: 'https://meet.google.com/abc-defg-hij',
    });
    const before = Date.parse('2030-01-15T12:50:00.000Z');
    app.systemLocale = 'en-US';
    showReminderNotification(plain, false, before, handlers, 'darwin');
    expect(body()).toBe('Engineer · 1:00 PM GMT');
    app.systemLocale = 'en-GB';
    showReminderNotification(plain, false, before, handlers, 'darwin');
    expect(body()).toBe('Engineer · 13:00 GMT');
  });

  it('on Linux (libnotify reads the body as markup) & < > are escaped, so a job title or a name shows as typed', () => {
    showWaitingNotification(interview, waiting, now, handlers, 'linux');
    expect(body()).toBe('R&amp;D &lt;Lead&gt; · Ada &lt;b&gt;Lovelace&lt;/b&gt;');
    showReminderNotification(interview, false, now, handlers, 'linux');
    expect(body()).toMatch(/^R&amp;D &lt;Lead&gt; · /);
    expect(body()).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
    showScorecardDueNotification(interview, later, handlers, 'linux');
    expect(body()).toBe(
      'The interview with Ada &lt;b&gt;Lovelace&lt;/b&gt; (R&amp;D &lt;Lead&gt;) ended 1 h ago. Write your scorecard while it is fresh.',
    );
  });

  it('elsewhere the body is plain text and stays as typed', () => {
    showWaitingNotification(interview, waiting, now, handlers, 'darwin');
    expect(body()).toBe('R&D <Lead> · Ada <b>Lovelace</b>');
    showReminderNotification(interview, false, now, handlers, 'win32');
    expect(body()).toMatch(/^R&D <Lead> · /);
    showScorecardDueNotification(interview, later, handlers, 'win32');
    expect(body()).toBe(
      'The interview with Ada <b>Lovelace</b> (R&D <Lead>) ended 1 h ago. Write your scorecard while it is fresh.',
    );
    // The title is never markup anywhere: it stays as typed.
    expect(Notification.shown.at(-1)!.options.title).toBe('Scorecard due: Ada <b>Lovelace</b>, R&D <Lead>');
  });
});
