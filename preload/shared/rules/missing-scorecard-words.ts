/**
 * What the debrief (its screen and its text) says of an interviewer with no scorecard yet. The other
 * states are worded apart on purpose: the screen has a column for the recommendation, the text does not.
 */
import type { DebriefInterview, DebriefInterviewer } from '../contract/debrief-schema';
import { awaitedScorecardWords } from './panel-person-words';

/**
 * A co-interviewer's request as the room's panel section says it ("Not asked yet (Google Forms not
 * connected)", "Asked …, no answer yet"): never asked is not "no scorecard". Without a request
 * (the recruiter, an older interview): "No scorecard yet".
 */
export function missingScorecardWords(
  person: Pick<DebriefInterviewer, 'request'>,
  item: Pick<DebriefInterview, 'formsConnection'>,
  time: (iso: string) => string,
): string {
  return person.request
    ? awaitedScorecardWords(person.request, item.formsConnection ?? 'connected', time)
    : 'No scorecard yet';
}
