import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCandidateCopies } from '../../../main/interviews/candidate-copies';
import { createInterviewCommands, type InterviewChange } from '../../../main/interviews/interview-commands';
import { createInterviewQueries } from '../../../main/interviews/interview-queries';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import { createEventHub } from '../../../main/shared/event-hub';
import { createMemoryLogger } from '../../../main/logging/logger';
import { storesFor } from '../../support/test-services';
import { makeTempDir } from '../../support/temp-dir';
import { fixedClock } from '../../support/fixed-clock';

const invite = {
  meetLink: 'https://meet.google.com/abc-defg-hij',
  startUtc: '2030-01-15T09:00:00.000Z',
  title: 'Engineer',
  timeZone: 'Europe/Berlin',
};

describe('candidate copies', () => {
  let temp: ReturnType<typeof makeTempDir>;
  const clock = fixedClock('2030-01-10T08:00:00.000Z');
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());
  const open = () => {
    const repository = createInterviewRepository(storesFor(temp.dir, clock).database);
    const events = createEventHub();
    const log = createMemoryLogger();
    const queries = createInterviewQueries({ repository, clock });
    const commands = createInterviewCommands({
      repository,
      clock,
      events,
      log,
      recruiter: () => ({ name: 'Rita', email: 'rita@example.com' }),
    });
    const changes: InterviewChange[] = [];
    commands.onChange((c) => changes.push(c));
    return {
      queries,
      commands,
      changes,
      copies: createCandidateCopies({ repository, queries, commands, clock, events, log }),
    };
  };

  it('saves a copy once per link and start, tells listeners, and lists it on the home', () => {
    const { copies, changes } = open();
    const saved = copies.save(invite);
    expect(saved).toMatchObject({
      origin: 'candidate',
      candidate: { name: 'You', email: '' },
      durationMinutes: 60,
      lengthUnknown: true,
    });
    expect(copies.save(invite).id).toBe(saved.id);
    expect(changes.map((c) => c.kind)).toEqual(['scheduled']);
    expect(copies.find(invite.meetLink, invite.startUtc)?.id).toBe(saved.id);
    expect(copies.find(invite.meetLink, invite.startUtc, 'panelist')).toBeUndefined();
    expect(copies.saved()).toEqual({
      saved: [expect.objectContaining({ id: saved.id, savedBy: 'candidate' })],
      scheduledHere: false,
    });
  });

  it('keeps notes quietly, refuses them and removal on a scheduled interview, and forgets a copy', () => {
    const { copies, commands, queries, changes } = open();
    const saved = copies.save(invite);
    changes.length = 0;
    expect(copies.setNotes(saved.id, 'Ask about the team').notes).toBe('Ask about the team');
    expect(changes).toEqual([]);
    const scheduled = commands.schedule({
      candidateName: 'Ada',
      candidateEmail: 'ada@example.com',
      jobTitle: 'Engineer',
      date: '2030-01-16',
      time: '10:00',
      timeZone: 'Europe/Berlin',
      durationMinutes: 30,
      notes: '',
      candidateMessage: '',
    });
    expect(() => copies.setNotes(scheduled.id, 'x')).toThrow('Notes on a scheduled interview are written in its form.');
    expect(() => copies.remove(scheduled.id)).toThrow('cancel this one instead');
    copies.remove(saved.id);
    expect(queries.find(saved.id)).toBeUndefined();
    expect(copies.saved().scheduledHere).toBe(true);
  });
});
