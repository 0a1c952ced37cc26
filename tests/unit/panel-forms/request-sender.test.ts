import { describe, expect, it } from 'vitest';
import { dueRequests } from '../../../main/panel-forms/request-sender';
import type { RecipientRow } from '../../../main/panel-forms/panel-forms-repository';
import { panelInterview } from '../../support/panel-interview';
import { readyFormRow } from '../../support/panel-form-blueprint';

const hour = 3_600_000;
const day = 24 * hour;
const start = Date.parse('2026-12-07T14:00:00Z');
const end = start + 45 * 60_000;
const interview = panelInterview(start);
const form = readyFormRow(interview.id);
const bob = (facts: Partial<RecipientRow> = {}): RecipientRow => ({
  email: 'bob@example.com',
  name: 'Bob Panel',
  reminders: 0,
  mailAttempts: 0,
  ...facts,
});
const due = (row: RecipientRow, now: number, heldUpTo?: number) =>
  dueRequests(interview, form, [row], () => 'unknown', now, heldUpTo).map(({ next }) => next);

describe('what is owed now, and what a restored copy holds back', () => {
  it.each([
    [
      'no restore: the ask an hour after the end',
      bob(),
      end + 2 * hour,
      undefined,
      [{ kind: 'ask', dueMs: end + hour }],
    ],
    ['restored after the ask was due: held for the review', bob(), end + 2 * hour, end + hour, []],
    [
      'restored just before it was due: it could not have gone, so it goes',
      bob(),
      end + 2 * hour,
      end + hour - 1,
      [{ kind: 'ask', dueMs: end + hour }],
    ],
    [
      'asked before the copy, reminder due before the restore: held',
      bob({ askedMs: end + hour }),
      end + 2 * day,
      end + hour + day,
      [],
    ],
    [
      'Send in the review: due again from the decision, past the restore',
      bob({ mailRetryMs: end + 3 * hour }),
      end + 3 * hour,
      end + 2 * hour,
      [{ kind: 'ask', dueMs: end + 3 * hour }],
    ],
    ['given up: nothing, held or not', bob({ mailAttempts: 6 }), end + 2 * hour, undefined, []],
  ] as const)('%s', (_, row, now, heldUpTo, expected) => {
    expect(due(row, now, heldUpTo)).toEqual(expected);
  });
});
