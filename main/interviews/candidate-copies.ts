import { randomUUID } from 'node:crypto';
import {
  candidateNotesSchema,
  type Interview,
  type InterviewSummary,
} from '../../preload/shared/contract/interview-schema';
import { DeskFailure } from '../shared/desk-failure';
import type { EventHub } from '../shared/event-hub';
import type { Clock } from '../platform/clock';
import type { Logger } from '../logging/logger';
import type { InterviewRepository } from '../database/interview-repository';
import type { InterviewCommands } from './interview-commands';
import type { InterviewQueries } from './interview-queries';
import { freshRecord, summarize, type SavedCopyOrigin } from './interview-rules';

/**
 * Candidate mode: interviews saved from an invitation someone received (no account, no invitations
 * to send): the candidate's own copy, or a co-interviewer's (`panelist`, naming the candidate).
 */
export interface CandidateCopies {
  save(input: {
    meetLink: string;
    startUtc: string;
    title: string;
    durationMinutes?: number;
    timeZone: string;
    panelistFor?: string;
  }): Interview;
  /**
   * What the candidate's home needs: the copies saved from invitations (by start time, at most 100)
   * and whether any interview was scheduled here (then this is a recruiter's app: no copies are read).
   */
  saved(): { saved: InterviewSummary[]; scheduledHere: boolean };
  /** The copy already saved for this Meet link and start (the candidate's, or with `as` a panelist's), if any. */
  find(meetLink: string, startUtc: string, as?: SavedCopyOrigin): Interview | undefined;
  /** The candidate's own notes on the interview they saved. */
  setNotes(id: string, notes: string): Interview;
  /** Forgets the interview on this computer (nothing is sent: it is not ours to cancel). */
  remove(id: string): void;
}

export interface CandidateCopiesDeps {
  repository: InterviewRepository;
  queries: Pick<InterviewQueries, 'get'>;
  commands: Pick<InterviewCommands, 'add' | 'updateQuietly'>;
  clock: Clock;
  events: EventHub;
  log: Logger;
  newId?: () => string;
}

/** Creates candidate mode's copies over the repository and the write side. */
export function createCandidateCopies(deps: CandidateCopiesDeps): CandidateCopies {
  const { repository, queries, commands, clock, events, log } = deps;
  const newId = deps.newId ?? randomUUID;
  const find: CandidateCopies['find'] = (meetLink, startUtc, as = 'candidate') => {
    const startMs = Date.parse(startUtc);
    return repository
      .startingBetween(startMs, startMs + 1)
      .find((i) => i.origin === as && i.meetLink === meetLink && i.startUtc === startUtc);
  };
  return {
    find,
    saved() {
      const scheduledHere = repository.byOrigin(['recruiter'], 1).length > 0;
      return {
        saved: scheduledHere ? [] : repository.byOrigin(['candidate', 'panelist'], 100).map(summarize),
        scheduledHere,
      };
    },
    save(input) {
      const origin: SavedCopyOrigin = input.panelistFor === undefined ? 'candidate' : 'panelist';
      const existing = find(input.meetLink, input.startUtc, origin);
      if (existing) return existing;
      const id = newId();
      const now = new Date(clock.now()).toISOString();
      return commands.add({
        ...freshRecord(id, now),
        // The link does not name the interviewer: left empty (unknown), never invented. "You" names the
        // candidate's own row in the list; a co-interviewer's link names the candidate.
        candidate: { name: input.panelistFor ?? 'You', email: '' },
        recruiter: { name: '', email: '' },
        coInterviewers: [],
        jobTitle: input.title,
        startUtc: input.startUtc,
        // An older link without a length: the join window still needs an end, so an hour keeps Join
        // open long enough, and the room says the length is unknown instead of showing this guess.
        durationMinutes: input.durationMinutes ?? 60,
        ...(input.durationMinutes === undefined ? { lengthUnknown: true } : {}),
        timeZone: input.timeZone,
        notes: '',
        candidateMessage: '',
        meetLink: input.meetLink,
        origin,
      } satisfies Interview);
    },
    setNotes(id, raw) {
      const current = queries.get(id);
      if (current.origin === 'recruiter')
        throw new DeskFailure('invalid_input', 'Notes on a scheduled interview are written in its form.', 'id');
      const notes = candidateNotesSchema.safeParse(raw);
      if (!notes.success)
        throw new DeskFailure('invalid_input', notes.error.issues[0]?.message ?? 'Your notes are not valid', 'notes');
      return commands.updateQuietly(id, (i) => ({ ...i, notes: notes.data }));
    },
    remove(id) {
      const current = queries.get(id);
      if (current.origin === 'recruiter')
        throw new DeskFailure(
          'invalid_input',
          'Only interviews saved from an invitation can be removed; cancel this one instead.',
          'id',
        );
      repository.remove(id);
      events.emit('interviews:changed', { ids: [id] });
      log.info(`removed candidate interview ${id}`);
    },
  };
}
