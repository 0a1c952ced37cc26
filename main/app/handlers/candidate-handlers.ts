import type { InterviewService } from '../../interviews/interview-service';
import { startInstant } from '../../interviews/interview-rules';
import type { Clock } from '../../platform/clock';
import type { NamespaceHandlers } from './namespace-handlers';

/** Candidate mode: interviews saved from an invitation link. */
export function candidateHandlers(deps: { interviews: InterviewService; clock: Clock }): NamespaceHandlers<'candidate'> {
  const { interviews, clock } = deps;
  return {
    'candidate:save': (input) => {
      const start = startInstant(input, clock.now());
      return interviews.saveCandidateInterview({ meetLink: input.meetLink, startUtc: start.toISO()!, title: input.title || 'Interview', timeZone: input.timeZone });
    },
    'candidate:home': () => interviews.savedCopies(),
    'candidate:setNotes': ({ id, notes }) => interviews.setCandidateNotes(id, notes),
    'candidate:remove': (id) => {
      interviews.removeCandidateInterview(id);
      return null;
    },
  };
}
