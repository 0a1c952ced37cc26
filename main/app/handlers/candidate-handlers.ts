import type { CandidateCopies } from '../../interviews/candidate-copies';
import { startInstant } from '../../interviews/interview-rules';
import type { Clock } from '../../platform/clock';
import type { NamespaceHandlers } from './namespace-handlers';

/** Candidate mode: interviews saved from an invitation link. */
export function candidateHandlers(deps: { copies: CandidateCopies; clock: Clock }): NamespaceHandlers<'candidate'> {
  const { copies, clock } = deps;
  return {
    'candidate:save': (input) => {
      const start = startInstant(input, clock.now());
      return copies.save({
        meetLink: input.meetLink,
        startUtc: start.toISO()!,
        title: input.title || 'Interview',
        timeZone: input.timeZone,
      });
    },
    'candidate:home': () => copies.saved(),
    'candidate:setNotes': ({ id, notes }) => copies.setNotes(id, notes),
    'candidate:remove': (id) => {
      copies.remove(id);
      return null;
    },
  };
}
