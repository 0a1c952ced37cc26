import { describe, expect, it } from 'vitest';
import { supersede, type WaitingMessage } from '../../../../main/mail/outbox/supersede-rules';
import type { MailKind } from '../../../../main/mail/mail-kinds';

const was = { startUtc: '2030-03-04T09:00:00.000Z', durationMinutes: 60 };
const newer = {
  startUtc: '2030-03-05T09:00:00.000Z',
  durationMinutes: 45,
  meetLink: 'https://meet.google.com/abc-defg-hij',
};
const invitation: WaitingMessage = { key: 'inv', kind: 'invitation' };
const update: WaitingMessage = { key: 'upd', kind: 'update', previous: was };
const cancellation: WaitingMessage = { key: 'can', kind: 'cancellation' };
const reminder: WaitingMessage = { key: 'rem', kind: 'reminder' };

describe('supersede: a new message meets what still waits for the same person', () => {
  const table: [string, WaitingMessage[], MailKind, ReturnType<typeof supersede>][] = [
    ['an invitation to someone with nothing waiting is queued', [], 'invitation', { action: 'add', remove: [] }],
    [
      'an invitation drops a waiting cancellation (taken off and put back)',
      [cancellation, reminder],
      'invitation',
      { action: 'add', remove: ['can'] },
    ],
    [
      'an update behind an unsent invitation adds nothing (the invitation carries the new time)',
      [invitation],
      'update',
      { action: 'skip', remove: [] },
    ],
    [
      'a cancellation behind an unsent invitation removes everything: nothing to cancel',
      [invitation, reminder],
      'cancellation',
      { action: 'nothing-to-cancel', remove: ['inv', 'rem'] },
    ],
    [
      'a cancellation replaces a waiting update and reminder',
      [update, reminder],
      'cancellation',
      { action: 'add', remove: ['upd', 'rem'] },
    ],
    [
      'an update replaces a waiting reminder and says the time it was given',
      [reminder],
      'update',
      { action: 'add', remove: ['rem'], previous: newer },
    ],
    ['a reminder leaves what waits alone', [update], 'reminder', { action: 'add', remove: [] }],
  ];
  it.each(table)('%s', (_name, waiting, kind, expected) => {
    expect(supersede(waiting, kind, newer)).toEqual(expected);
  });

  it('an update over an unsent update keeps the older "was" and adds only what the newer change knows', () => {
    expect(supersede([update], 'update', newer)).toEqual({
      action: 'add',
      remove: ['upd'],
      previous: { ...newer, ...was },
    });
  });

  it('an update with no "was" of its own and none waiting carries none', () => {
    expect(supersede([], 'update')).toEqual({ action: 'add', remove: [] });
  });
});
