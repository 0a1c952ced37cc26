import type { Interview } from '../../preload/shared/contract/interview-schema';
import { makeInterview } from '../support/interview-fixtures';

/** One interview per state the room can be in, timed around `now`, for the layout and axe sweeps. */
export function roomStates(
  now: number,
): Record<'upcoming' | 'open' | 'open-no-link' | 'in-progress' | 'ended' | 'cancelled' | 'candidate', Interview> {
  const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
  const link = 'https://meet.google.com/abc-defg-hij';
  return {
    upcoming: makeInterview({
      startUtc: at(26 * 60),
      candidate: { name: 'Later Candidate', email: 'later@example.com' },
      meetLink: link,
      notes: 'Systems design round, then questions about the team.',
    }),
    open: makeInterview({
      startUtc: at(10),
      candidate: { name: 'Soon Candidate', email: 'soon@example.com', timeZone: 'Asia/Kolkata' },
      meetLink: link,
    }),
    'open-no-link': makeInterview({ startUtc: at(8), candidate: { name: 'No Link', email: 'nolink@example.com' } }),
    'in-progress': makeInterview({
      startUtc: at(-20),
      candidate: {
        name: 'Maximilian Alexander Featherstonehaugh-Worthington',
        email: 'maximilian.alexander.featherstonehaugh-worthington@a-very-long-company-domain.example.com',
      },
      jobTitle: 'Principal Distributed Systems Reliability Engineer',
      meetLink: link,
    }),
    ended: makeInterview({
      startUtc: at(-180),
      candidate: { name: 'Ended Candidate', email: 'ended@example.com' },
      meetLink: link,
      joins: [{ joinedAt: at(-178), leftAt: at(-130), via: 'app' }],
    }),
    cancelled: makeInterview({
      startUtc: at(5),
      status: 'cancelled',
      candidate: { name: 'Cancelled Candidate', email: 'c@example.com' },
    }),
    // A candidate's own interview, saved from an invitation link.
    candidate: makeInterview({ startUtc: at(60), origin: 'candidate', meetLink: link }),
  };
}
