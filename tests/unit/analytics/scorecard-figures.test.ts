import { describe, expect, it } from 'vitest';
import {
  scorecardCsvCells,
  scorecardFigures,
  tallyScorecards,
  type OwedScorecard,
} from '../../../main/analytics/scorecard-figures';

const hour = 3_600_000;
const end = Date.parse('2030-01-15T12:00:00.000Z');
const owed = (email: string, submittedAfterHours?: number, endMs = end): OwedScorecard => ({
  interviewId: `i-${endMs}`,
  endMs,
  name: email.split('@')[0]!,
  email,
  ...(submittedAfterHours === undefined ? {} : { submittedMs: endMs + submittedAfterHours * hour }),
});

describe('scorecards submitted within 24 hours', () => {
  it.each<[string, OwedScorecard[], number, Partial<ReturnType<typeof tallyScorecards>>]>([
    ['on time at exactly 24 hours', [owed('a@x.io', 24)], end + 48 * hour, { due: 1, withinDay: 1, submitted: 1 }],
    ['a minute past 24 hours is late', [owed('a@x.io', 24 + 1 / 60)], end + 48 * hour, { due: 1, withinDay: 0 }],
    [
      'none yet, inside the 24 hours: pending, counted neither way',
      [owed('a@x.io')],
      end + 23 * hour,
      { due: 0, pending: 1, medianHours: null },
    ],
    ['none, 24 hours over: owed and missed', [owed('a@x.io')], end + 24 * hour, { due: 1, withinDay: 0, pending: 0 }],
    [
      'written before the end counts as at the end',
      [owed('a@x.io', -0.5)],
      end + 48 * hour,
      { withinDay: 1, medianHours: 0 },
    ],
    [
      'the median of the times to submit (late ones too)',
      [owed('a@x.io', 1), owed('b@x.io', 2.5), owed('c@x.io', 30), owed('d@x.io')],
      end + 72 * hour,
      { due: 4, withinDay: 2, submitted: 3, medianHours: 2.5 },
    ],
  ])('%s', (_name, cards, now, expected) => {
    expect(tallyScorecards(cards, now)).toMatchObject(expected);
  });

  it('per interviewer by email whatever its case, most owed first', () => {
    const figures = scorecardFigures(
      [
        owed('pat@example.com', 2),
        owed('rita@example.com', 1),
        owed('PAT@example.com', 40, end + 7 * 24 * hour),
        owed('sam@example.com'),
      ],
      end + 10 * 24 * hour,
    );
    expect(figures).toMatchObject({ due: 4, withinDay: 2, submitted: 3 });
    expect(figures.perInterviewer.map((p) => [p.email, p.due, p.withinDay, p.medianHours])).toEqual([
      ['pat@example.com', 2, 1, 21],
      ['rita@example.com', 1, 1, 1],
      ['sam@example.com', 1, 0, null],
    ]);
  });

  it('per interview in the CSV: owed, submitted, within 24 hours, median hours; blank when nothing is owed', () => {
    expect(scorecardCsvCells([owed('a@x.io', 3), owed('b@x.io', 30), owed('c@x.io')], end + 48 * hour)).toEqual([
      3, 2, 1, 16.5,
    ]);
    expect(scorecardCsvCells(undefined, end)).toEqual(['', '', '', '']);
  });
});
