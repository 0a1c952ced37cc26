import { describe, expect, it } from 'vitest';
import { heldForReviewWords, panelFormView } from '../../../main/panel-forms/panel-form-view';
import type { RecipientRow } from '../../../main/panel-forms/panel-forms-repository';
import { panelInterview } from '../../support/panel-interview';
import { readyFormRow } from '../../support/panel-form-blueprint';

const hour = 3_600_000;
const start = Date.parse('2026-12-07T14:00:00Z');
const end = start + 45 * 60_000;
const interview = panelInterview(start);
const form = readyFormRow(interview.id);
const row = (email: string, facts: Partial<RecipientRow> = {}): RecipientRow => ({
  email,
  name: email,
  reminders: 0,
  mailAttempts: 0,
  ...facts,
});
const view = (recipients: RecipientRow[], heldUpTo?: number) =>
  panelFormView({
    interview,
    connection: 'connected',
    form,
    recipients,
    attended: () => 'unknown',
    now: end + 3 * hour,
    ...(heldUpTo !== undefined ? { heldUpTo } : {}),
  }).people.map((p) => ({ email: p.email, nextAt: p.nextAt, problem: p.problem }));

describe('the room while a restored copy is under review', () => {
  it('says an ask due before the restore waits for the decision, not that it is late', () => {
    const people = [row('bob@example.com'), row('cy@example.com', { askedMs: end + 2 * hour })];
    expect(view(people, end + 2 * hour)).toEqual([
      { email: 'bob@example.com', nextAt: undefined, problem: heldForReviewWords },
      // Cy's reminder falls due after the restore: it goes as usual.
      { email: 'cy@example.com', nextAt: new Date(end + 26 * hour).toISOString(), problem: undefined },
    ]);
  });

  it('without a pending restore, gives the time the ask is due', () => {
    expect(view([row('bob@example.com')])[0]).toEqual({
      email: 'bob@example.com',
      nextAt: new Date(end + hour).toISOString(),
      problem: undefined,
    });
  });
});
