/**
 * How soon scorecards come in after an interview ends: the share submitted within 24 hours (each
 * owed scorecard counts once its 24 hours are over, or sooner when it came in) and the median time
 * to submit, for the period and per interviewer; the same per interview for the CSV. Pure.
 */
import type { ScorecardFigures } from '../../preload/shared/contract/scorecard-figures-schema';
import { median } from './analytics';

/** One scorecard an interviewer owes for an interview that has ended (the recruiter's, or a panelist's). */
export interface OwedScorecard {
  interviewId: string;
  /** The interview's scheduled end. */
  endMs: number;
  name: string;
  email: string;
  /** The first submission, when there is one. */
  submittedMs?: number;
}

const day = 24 * 3_600_000;
type Tally = Omit<ScorecardFigures, 'perInterviewer'>;

/** The tally of some owed scorecards at `now`. */
export function tallyScorecards(owed: OwedScorecard[], now: number): Tally {
  const tally = { due: 0, withinDay: 0, submitted: 0, pending: 0 };
  const hours: number[] = [];
  for (const card of owed) {
    if (card.submittedMs === undefined) {
      // Still inside its 24 hours: neither on time nor late yet.
      if (now - card.endMs < day) tally.pending++;
      else tally.due++;
      continue;
    }
    // Written before the end counts as at the end (the room opens the scorecard at the start).
    const after = Math.max(0, card.submittedMs - card.endMs);
    tally.submitted++;
    tally.due++;
    if (after <= day) tally.withinDay++;
    hours.push(after / 3_600_000);
  }
  const middle = median(hours);
  return { ...tally, medianHours: middle === null ? null : Math.round(middle * 10) / 10 };
}

/** The period's figures, and the same per interviewer (by email, any case; named as last seen), most owed first. */
export function scorecardFigures(owed: OwedScorecard[], now: number): ScorecardFigures {
  const people = new Map<string, { name: string; email: string; owed: OwedScorecard[] }>();
  for (const card of owed) {
    const key = card.email.trim().toLowerCase();
    const person = people.get(key) ?? { name: card.name, email: card.email, owed: [] };
    person.name = card.name || person.name;
    person.owed.push(card);
    people.set(key, person);
  }
  return {
    ...tallyScorecards(owed, now),
    perInterviewer: [...people.values()]
      .map((p) => ({ name: p.name, email: p.email, ...tallyScorecards(p.owed, now) }))
      .sort((a, b) => b.due + b.pending - (a.due + a.pending) || a.name.localeCompare(b.name)),
  };
}

/** The CSV's scorecard columns. */
export const scorecardCsvHeader = [
  'Scorecards owed',
  'Scorecards submitted',
  'Scorecards submitted within 24 hours',
  'Median hours to submit a scorecard',
];

/** One interview's scorecard cells (empty for an interview that has not ended, or was cancelled). */
export function scorecardCsvCells(owed: OwedScorecard[] | undefined, now: number): Array<string | number> {
  if (!owed?.length) return ['', '', '', ''];
  const tally = tallyScorecards(owed, now);
  return [owed.length, tally.submitted, tally.withinDay, tally.medianHours ?? ''];
}
