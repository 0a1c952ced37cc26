import { timeStyleOf, type TimeStyle } from '../../preload/shared/rules/time-format';
import { hasEnded } from '../../preload/shared/rules/interview-timing';
import { randomUUID } from 'node:crypto';
import { IANAZone } from 'luxon';
import {
  scheduleInputSchema,
  coInterviewersSchema,
  meetLinkSchema,
  type Conflict,
  type Interview,
  type ScheduleInput,
} from '../../preload/shared/contract/interview-schema';
import type { z } from 'zod';
import type {
  DeliveryRecipient,
  RecipientState,
  rescheduleInputSchema,
} from '../../preload/shared/contract/interview-schema';
import { DeskFailure } from '../shared/desk-failure';
import type { EventHub } from '../shared/event-hub';
import type { Clock } from '../platform/clock';
import type { Logger } from '../logging/logger';
import type { InterviewRepository } from '../database/interview-repository';
import {
  armedReminders,
  freshRecord,
  panelChanged,
  panelMembersChanged,
  anyoneSent,
  refuseOnCandidateCopy,
  refusePanel,
  startInstant,
} from './interview-rules';
import { conflictsIn } from './interview-queries';
import {
  asLastTold,
  calendarChangeAnnouncement,
  calendarChangeMarkedTold,
  withoutCalendarChange,
} from './calendar-change-notice';
import { noFindings, type CalendarFindings } from './calendar-findings';
import { conflictQuestion, type ConflictAsk } from './conflict-question';
import { withPanelName } from './panel-delivery-name';

/** What happened to an interview, for the services that follow it (Google, invitations, reminders). */
export type InterviewChange =
  | { kind: 'scheduled'; interview: Interview }
  | { kind: 'rescheduled'; interview: Interview; previous: Interview }
  | { kind: 'cancelled'; interview: Interview }
  | { kind: 'updated'; interview: Interview; previous: Interview }
  /** The recruiter gave the interview another Meet link (Google sync brings its own as 'updated'). */
  | { kind: 'relinked'; interview: Interview; previous: Interview }
  /** The recruiter sends a move or cancel made in Google Calendar; `previous` is the interview as people were last told it. */
  | { kind: 'announced'; interview: Interview; previous: Interview };

export interface InterviewCommandsDeps {
  repository: InterviewRepository;
  clock: Clock;
  events: EventHub;
  log: Logger;
  /** The recruiter: the connected Google account, else the name and email from Settings. */
  recruiter: () => { name: string; email: string } | null;
  /** How the recruiter writes a time: the conflict question names busy times in it (24 hours when absent). */
  timeStyle?: TimeStyle;
  newId?: () => string;
}

export type RescheduleFields = z.infer<typeof rescheduleInputSchema>;

/** Every change to an interview; the only code that writes them (reads are in interview-queries.ts). */
export interface InterviewCommands {
  /** `calendars`: what Google says about everyone's time then (asked before, since Google is slow). */
  schedule(input: ScheduleInput, origin?: Interview['origin'], calendars?: CalendarFindings): Interview;
  reschedule(input: RescheduleFields, calendars?: CalendarFindings): Interview;
  cancel(id: string): Interview;
  setMeetLink(id: string, link: string): Interview;
  /** Emails everyone about a move or cancel made in Google Calendar (the room's "Send update"). */
  sendCalendarChange(id: string): Interview;
  /** Clears that mark without sending anything: the recruiter says people already know (the room's "They were told"). */
  markCalendarChangeTold(id: string): Interview;
  /** Changes the panel after scheduling: new co-interviewers are invited, removed ones get a cancellation. */
  setPanel(
    id: string,
    panel: unknown,
    options?: { acceptConflicts?: boolean | undefined; calendars?: CalendarFindings },
  ): Interview;
  /** Applies a change that came from elsewhere (Google sync, the outbox) and tells listeners. */
  update(id: string, change: (interview: Interview) => Interview): Interview;
  /** Applies bookkeeping no listener follows (sync state, joins, notes): saved, the screens told, nothing queued. */
  updateQuietly(id: string, change: (interview: Interview) => Interview): Interview;
  /**
   * Records one person's delivery state (the outbox, per message): a quiet change written without
   * rewriting the interview. False when it no longer exists.
   */
  setDelivery(id: string, recipient: DeliveryRecipient, state: RecipientState): boolean;
  /** Applies one quiet change to many interviews in one transaction (reminder bookkeeping). */
  updateMany(ids: string[], change: (interview: Interview) => Interview): void;
  /** Saves a new interview and tells listeners it was scheduled (a copy saved from an invitation). */
  add(interview: Interview): Interview;
  recordJoin(id: string, via: 'app' | 'browser'): Interview;
  recordLeave(id: string): Interview;
  /** Subscribes to lifecycle changes; returns the unsubscribe function. */
  onChange(listener: (change: InterviewChange) => void): () => void;
}

/** Creates the write side over the repository. */
export function createInterviewCommands(deps: InterviewCommandsDeps): InterviewCommands {
  const { repository, clock, events, log } = deps;
  const listeners = new Set<(change: InterviewChange) => void>();
  const newId = deps.newId ?? randomUUID;
  const nowIso = () => new Date(clock.now()).toISOString();

  const mustGet = (id: string): Interview => {
    const found = repository.get(id);
    if (!found) throw new DeskFailure('not_found', 'That interview no longer exists.', 'id');
    return found;
  };
  // Runs inside the action's transaction: a listener that throws (say, its queue write fails) rolls
  // back the whole action, so the interview, its Google job, its mail and its reminders are saved
  // together or not at all. The renderer hears of it only after the commit.
  const tell = (change: InterviewChange) => {
    repository.afterCommit(() => events.emit('interviews:changed', { ids: [change.interview.id] }));
    for (const listener of [...listeners]) {
      try {
        listener(change);
      } catch (error) {
        log.error(`listener failed on ${change.kind}; the change is not saved`, error);
        throw error;
      }
    }
  };
  /** One user action: its write and everything the listeners add commit as one transaction. */
  const save = (interview: Interview, change: InterviewChange | undefined) =>
    repository.transaction(() => {
      repository.put(interview);
      if (change) tell(change);
      else repository.afterCommit(() => events.emit('interviews:changed', { ids: [interview.id] }));
      return interview;
    });
  const conflictsFor = (startMs: number, durationMinutes: number, excludeId?: string) =>
    conflictsIn(repository, startMs, durationMinutes, excludeId);
  /**
   * A changed interview, ready to save. A new Meet link for a meeting people may already hold is a
   * significant change (RFC 5546): SEQUENCE rises here, whoever changed the link, so every update
   * outranks the last.
   */
  const changed = (previous: Interview, next: Interview): Interview => {
    const relinked = previous.meetLink !== undefined && next.meetLink !== previous.meetLink;
    return {
      ...next,
      ...(relinked ? { ics: { ...next.ics, sequence: Math.max(next.ics.sequence, previous.ics.sequence + 1) } } : {}),
      updatedAt: nowIso(),
    };
  };
  /** Asks before saving over anyone's time (the app's interviews, Google's busy blocks, or time Google could not tell). */
  const refuseConflicts = (
    conflicts: Conflict[],
    calendars: CalendarFindings,
    accepted: boolean | undefined,
    at: { zone: string; startUtc: string; ask: ConflictAsk },
  ) => {
    if (accepted) return;
    const question = conflictQuestion(
      conflicts,
      calendars,
      at.zone,
      at.startUtc,
      at.ask,
      deps.timeStyle ?? timeStyleOf(undefined),
    );
    if (question) throw new DeskFailure('conflict', question, at.ask === 'Save the panel anyway?' ? undefined : 'time');
  };
  /** A change from elsewhere in one transaction; `tellListeners` false keeps it out of the queues. */
  const apply = (id: string, change: (interview: Interview) => Interview, tellListeners: boolean) =>
    repository.transaction(() => {
      const previous = mustGet(id);
      const interview = changed(previous, change(previous));
      return save(interview, tellListeners ? { kind: 'updated', interview, previous } : undefined);
    });

  return {
    schedule(raw, origin = 'recruiter', calendars = noFindings) {
      const input = scheduleInputSchema.parse(raw);
      const recruiter = deps.recruiter();
      if (!recruiter) {
        throw new DeskFailure(
          'invalid_input',
          'Add your name and email in Settings (or connect your Google account) before scheduling.',
          'recruiter',
        );
      }
      if (input.candidateTimeZone && !IANAZone.isValidZone(input.candidateTimeZone)) {
        throw new DeskFailure(
          'invalid_input',
          `"${input.candidateTimeZone}" is not a known time zone`,
          'candidateTimeZone',
        );
      }
      if (recruiter.email && recruiter.email.toLowerCase() === input.candidateEmail.toLowerCase()) {
        throw new DeskFailure(
          'invalid_input',
          "Candidate email is your own address. Use the candidate's address.",
          'candidateEmail',
        );
      }
      refusePanel(input.coInterviewers, recruiter.email, input.candidateEmail);
      const start = startInstant(input, clock.now());
      refuseConflicts(conflictsFor(start.toMillis(), input.durationMinutes), calendars, input.acceptConflicts, {
        zone: input.timeZone,
        startUtc: start.toISO()!,
        ask: 'Schedule anyway?',
      });
      const id = newId();
      const now = nowIso();
      const interview: Interview = {
        ...freshRecord(id, now),
        candidate: {
          name: input.candidateName,
          email: input.candidateEmail,
          ...(input.candidateTimeZone ? { timeZone: input.candidateTimeZone } : {}),
        },
        recruiter,
        coInterviewers: input.coInterviewers.map((p) => ({ email: p.email, ...(p.name ? { name: p.name } : {}) })),
        jobTitle: input.jobTitle,
        startUtc: start.toISO()!,
        durationMinutes: input.durationMinutes,
        timeZone: input.timeZone,
        notes: input.notes,
        candidateMessage: input.candidateMessage,
        ...(input.meetLink ? { meetLink: input.meetLink } : {}),
        origin,
      };
      save(interview, { kind: 'scheduled', interview });
      log.info(`scheduled interview ${id}`);
      return interview;
    },
    reschedule(input, calendars = noFindings) {
      const previous = mustGet(input.id);
      refuseOnCandidateCopy(previous, 'reschedule');
      if (previous.status === 'cancelled')
        throw new DeskFailure('invalid_input', 'This interview was cancelled; schedule a new one instead.', 'id');
      const start = startInstant(input, clock.now());
      refuseConflicts(
        conflictsFor(start.toMillis(), input.durationMinutes, input.id),
        calendars,
        input.acceptConflicts,
        { zone: input.timeZone, startUtc: start.toISO()!, ask: 'Move anyway?' },
      );
      const interview: Interview = {
        ...withoutCalendarChange(previous),
        startUtc: start.toISO()!,
        durationMinutes: input.durationMinutes,
        timeZone: input.timeZone,
        ics: { ...previous.ics, sequence: previous.ics.sequence + 1 },
        reminders: armedReminders(nowIso()),
        updatedAt: nowIso(),
      };
      // The update says the time people were last told, not one moved to in Calendar and never emailed.
      save(interview, { kind: 'rescheduled', interview, previous: asLastTold(previous) });
      log.info(`rescheduled interview ${interview.id}`);
      return interview;
    },
    cancel(id) {
      const previous = mustGet(id);
      refuseOnCandidateCopy(previous, 'cancel');
      if (previous.status === 'cancelled') return previous;
      const interview: Interview = {
        ...withoutCalendarChange(previous),
        status: 'cancelled',
        ics: { ...previous.ics, sequence: previous.ics.sequence + 1 },
        updatedAt: nowIso(),
      };
      save(interview, { kind: 'cancelled', interview });
      log.info(`cancelled interview ${id}`);
      return interview;
    },
    sendCalendarChange(id) {
      const announced = calendarChangeAnnouncement(mustGet(id), clock.now());
      const interview = { ...announced.interview, updatedAt: nowIso() };
      save(interview, { kind: 'announced', interview, previous: announced.previous });
      log.info(`sent the Calendar change of interview ${id}`);
      // Read back: the room shows what was queued for whom, which the outbox wrote as it saved.
      return mustGet(id);
    },
    markCalendarChangeTold(id) {
      return repository.transaction(() => {
        const interview = { ...calendarChangeMarkedTold(mustGet(id), clock.now()), updatedAt: nowIso() };
        // No listener follows: nothing is queued, Google's event already says what people know.
        save(interview, undefined);
        log.info(`marked the Calendar change of interview ${id} as told; nothing sent`);
        return interview;
      });
    },
    setMeetLink(id, link) {
      const meetLink = meetLinkSchema.safeParse(link);
      if (!meetLink.success)
        throw new DeskFailure('invalid_input', meetLink.error.issues[0]?.message ?? 'Not a Meet link', 'meetLink');
      const previous = mustGet(id);
      refuseOnCandidateCopy(previous, 'meetLink');
      if (previous.status === 'cancelled')
        throw new DeskFailure('invalid_input', 'This interview was cancelled.', 'id');
      if (previous.meetLink === meetLink.data) return previous;
      // A link goes to everyone: an update for whoever holds the invitation (said against the time
      // they were told), the invitation for whoever does not; either way as the interview is now, so a
      // move made in Google Calendar and not yet told goes with it, and its mark goes. SEQUENCE rises
      // even where the interview had lost its link: the invitation people hold carried an earlier one.
      const interview = changed(previous, {
        ...withoutCalendarChange(previous),
        meetLink: meetLink.data,
        ...(anyoneSent(previous) ? { ics: { ...previous.ics, sequence: previous.ics.sequence + 1 } } : {}),
      });
      return save(interview, { kind: 'relinked', interview, previous: asLastTold(previous) });
    },
    setPanel(id, raw, options = {}) {
      const parsed = coInterviewersSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new DeskFailure(
          'invalid_input',
          issue?.message ?? 'The panel is not valid',
          ['coInterviewers', ...(issue?.path ?? []).map(String)].join('.'),
        );
      }
      const previous = mustGet(id);
      refuseOnCandidateCopy(previous, 'panel');
      if (hasEnded(previous, clock.now()))
        throw new DeskFailure('invalid_input', 'This interview has ended, so its panel can no longer change.', 'id');
      if (previous.status === 'cancelled')
        throw new DeskFailure('invalid_input', 'This interview was cancelled.', 'id');
      refusePanel(parsed.data, previous.recruiter.email, previous.candidate.email);
      const next = {
        ...previous,
        coInterviewers: parsed.data.map((p) => ({ email: p.email, ...(p.name ? { name: p.name } : {}) })),
      };
      if (!panelChanged(previous, next)) return previous;
      refuseConflicts([], options.calendars ?? noFindings, options.acceptConflicts, {
        zone: previous.timeZone,
        startUtc: previous.startUtc,
        ask: 'Save the panel anyway?',
      });
      // Who is on the panel changed: everyone holding the invitation is sent an update, as the interview
      // is now, so a move made in Google Calendar and not yet told goes with it (said against the time
      // they were told), and its mark and any "marked as told" note go. A name alone emails no one.
      const members = panelMembersChanged(previous, next);
      // Who is invited changed: a significant change (RFC 5546), so SEQUENCE rises and the new
      // invitations and the cancellations outrank every message sent before.
      const interview: Interview = {
        ...(members ? withoutCalendarChange(next) : next),
        ics: { ...previous.ics, sequence: previous.ics.sequence + 1 },
        updatedAt: nowIso(),
      };
      save(interview, { kind: 'updated', interview, previous: members ? asLastTold(previous) : previous });
      log.info(`changed the panel of interview ${id}`);
      return interview;
    },
    update: (id, change) => apply(id, change, true),
    updateQuietly: (id, change) => apply(id, change, false),
    setDelivery(id, recipient, state) {
      return repository.transaction(() => {
        if (
          !repository.setDelivery(
            id,
            recipient,
            recipient.startsWith('panel:')
              ? withPanelName(repository.get(id), recipient.slice('panel:'.length), state)
              : state,
            nowIso(),
          )
        )
          return false;
        repository.afterCommit(() => events.emit('interviews:changed', { ids: [id] }));
        return true;
      });
    },
    updateMany(ids, change) {
      repository.transaction(() => {
        const changed = ids
          .map((id) => repository.get(id))
          .filter((i): i is Interview => !!i)
          .map((i) => ({ ...change(i), updatedAt: nowIso() }));
        if (changed.length === 0) return;
        repository.putMany(changed);
        repository.afterCommit(() => events.emit('interviews:changed', { ids: changed.map((i) => i.id) }));
      });
    },
    add: (interview) => save(interview, { kind: 'scheduled', interview }),
    recordJoin(id, via) {
      const current = mustGet(id);
      if (current.status === 'cancelled') throw new DeskFailure('invalid_input', 'This interview was cancelled.', 'id');
      return apply(id, (i) => ({ ...i, joins: [...i.joins, { joinedAt: nowIso(), via }] }), false);
    },
    recordLeave(id) {
      return apply(
        id,
        (i) => {
          const joins = [...i.joins];
          const open = joins
            .map((j, index) => ({ j, index }))
            .reverse()
            .find(({ j }) => !j.leftAt && j.via === 'app');
          if (open) joins[open.index] = { ...open.j, leftAt: nowIso() };
          return { ...i, joins };
        },
        false,
      );
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
