import { timeStyleOf, type TimeStyle } from '../../preload/domain/time-format';
import { hasEnded } from '../../preload/domain/interview-timing';
import { randomUUID } from 'node:crypto';
import { IANAZone } from 'luxon';
import {
  scheduleInputSchema,
  coInterviewersSchema,
  meetLinkSchema,
  candidateNotesSchema,
  type Conflict,
  type Interview,
  type InterviewSummary,
  type ScheduleFields,
  type ScheduleInput,
} from '../../preload/contract/interview-schema';
import type { z } from 'zod';
import type { DeliveryRecipient, RecipientState, rescheduleInputSchema } from '../../preload/contract/interview-schema';
import { DeskFailure } from '../shared/desk-failure';
import type { EventHub } from '../shared/event-hub';
import type { Clock } from '../platform/clock';
import type { Logger } from '../logging/logger';
import type { InterviewRepository, ScheduleWindow } from '../storage/interview-repository';
import { findConflicts, panelChanged, startInstant, summarize } from './interview-rules';
import { asLastTold, calendarChangeAnnouncement, withoutCalendarChange } from './calendar-change-notice';
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

export interface InterviewServiceDeps {
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

/** The preview the form shows while typing: the instant, the candidate's local time and conflicts. */
export interface SchedulePreview {
  startUtc: string;
  endUtc: string;
  conflicts: Conflict[];
}

/** Scheduling, rescheduling, cancelling and recording joins; the only code that changes interviews. */
export interface InterviewService {
  list(): InterviewSummary[];
  /** Rows `offset`… of a schedule section, at most `limit`. */
  page(window: ScheduleWindow, offset: number, limit: number): InterviewSummary[];
  /** How many interviews a schedule section holds. */
  count(window: ScheduleWindow): number;
  /** The rows of these interviews that still exist and match `query`. */
  byIds(ids: string[], query: string): InterviewSummary[];
  /** The next scheduled interview that has not ended now. */
  next(): InterviewSummary | null;
  /** Every stored interview, whole (analytics, reminders, sync). */
  listFull(): Interview[];
  get(id: string): Interview;
  /** The interview with this id, if there is one (no error for an unknown id). */
  find(id: string): Interview | undefined;
  /** The interview whose Calendar event this is, if any (an indexed lookup). */
  byGoogleEventId(eventId: string): Interview | undefined;
  /** What the tray shows: the next interview that has not ended and today's, from two indexed queries. */
  forTray(nowMs: number, dayStartMs: number, dayEndMs: number): Interview[];
  preview(input: Pick<ScheduleFields, 'date' | 'time' | 'timeZone' | 'durationMinutes' | 'occurrence'> & { excludeId?: string }): SchedulePreview;
  /** `calendars`: what Google says about everyone's time then (asked before, since Google is slow). */
  schedule(input: ScheduleInput, origin?: Interview['origin'], calendars?: CalendarFindings): Interview;
  reschedule(input: RescheduleFields, calendars?: CalendarFindings): Interview;
  cancel(id: string): Interview;
  setMeetLink(id: string, link: string): Interview;
  /** Emails everyone about a move or cancel made in Google Calendar (the room's "Send update"). */
  sendCalendarChange(id: string): Interview;
  /** Changes the panel after scheduling: new co-interviewers are invited, removed ones get a cancellation. */
  setPanel(id: string, panel: unknown, options?: { acceptConflicts?: boolean | undefined; calendars?: CalendarFindings }): Interview;
  /** Applies a change that came from elsewhere (Google sync, the outbox) and tells listeners. */
  update(id: string, change: (interview: Interview) => Interview, notify?: boolean): Interview;
  /**
   * Records one person's delivery state (the outbox, per message): a quiet change, like `update`
   * with `notify` false, written without rewriting the interview. False when it no longer exists.
   */
  setDelivery(id: string, recipient: DeliveryRecipient, state: RecipientState): boolean;
  /** Applies one quiet change to many interviews in one transaction (reminder bookkeeping). */
  updateMany(ids: string[], change: (interview: Interview) => Interview): void;
  recordJoin(id: string, via: 'app' | 'browser'): Interview;
  /**
   * Candidate mode: saves an interview from an invitation link (no account, no invitations to send):
   * the candidate's own copy, or a co-interviewer's (`panelist`, naming the candidate).
   */
  saveCandidateInterview(input: { meetLink: string; startUtc: string; title: string; durationMinutes?: number; timeZone: string; panelistFor?: string }): Interview;
  /**
   * What the candidate's home needs: the copies saved from invitations (by start time, at most 100)
   * and whether any interview was scheduled here (then this is a recruiter's app: no copies are read).
   */
  savedCopies(): { saved: InterviewSummary[]; scheduledHere: boolean };
  /** The copy already saved from an invitation for this Meet link and start (the candidate's, or with `as` a panelist's), if any. */
  findCandidateInterview(meetLink: string, startUtc: string, as?: SavedCopyOrigin): Interview | undefined;
  /** Candidate mode: the candidate's own notes on the interview they saved. */
  setCandidateNotes(id: string, notes: string): Interview;
  /** Candidate mode: forgets the interview on this computer (nothing is sent: it is not ours to cancel). */
  removeCandidateInterview(id: string): void;
  recordLeave(id: string): Interview;
  /** Subscribes to lifecycle changes; returns the unsubscribe function. */
  onChange(listener: (change: InterviewChange) => void): () => void;
}

/** Fresh reminder bookkeeping at `now` (ISO): nothing handled yet, moments before `now` skipped (never "missed"). */
export function armedReminders(now: string): Interview['reminders'] {
  return { sent: [], armedAt: now };
}

/** The bookkeeping every new interview starts with: a stable invite UID, nothing sent, no joins. */
function freshRecord(id: string, now: string): Pick<Interview, 'id' | 'status' | 'ics' | 'invitations' | 'joins' | 'reminders' | 'createdAt' | 'updatedAt'> {
  return {
    id,
    status: 'scheduled',
    ics: { uid: `${id}@interview-desk.app`, sequence: 0 },
    invitations: { candidate: { state: 'none' }, recruiter: { state: 'none' } },
    joins: [],
    reminders: armedReminders(now),
    createdAt: now,
    updatedAt: now,
  };
}

/** The origins of a copy saved from an invitation someone received (not scheduled here). */
export type SavedCopyOrigin = Exclude<Interview['origin'], 'recruiter'>;

const copyRefusals: Record<SavedCopyOrigin, Record<'reschedule' | 'cancel' | 'resend' | 'meetLink' | 'panel', string>> = {
  candidate: {
    reschedule: 'Only your interviewer can move this interview. Reply to their invitation to ask for a new time.',
    cancel: 'Only your interviewer can cancel this interview. Reply to their invitation to let them know; you can remove it from this computer.',
    resend: 'This interview came from an invitation you received, so there are no emails to send from here.',
    meetLink: 'The Meet link of this interview comes from your invitation and cannot be changed here.',
    panel: 'Only your interviewer can change who is on the panel.',
  },
  panelist: {
    reschedule: 'Only the recruiter who invited you can move this interview. Write to them to ask for a new time.',
    cancel: 'Only the recruiter who invited you can cancel this interview. Write to them if you cannot make it; you can remove it from this computer.',
    resend: 'This panel interview came from an invitation you received, so there are no emails to send from here.',
    meetLink: 'The Meet link of this panel interview comes from your invitation and cannot be changed here.',
    panel: 'Only the recruiter who invited you can change who is on the panel.',
  },
};

/**
 * Refuses what only the recruiter who scheduled an interview can do (move it, cancel it for everyone,
 * send its emails, change its Meet link or its panel) on a copy a candidate or a co-interviewer saved
 * from an invitation, in words for that reader.
 */
export function refuseOnCandidateCopy(interview: Interview, action: keyof (typeof copyRefusals)['candidate']): void {
  if (interview.origin === 'recruiter') return;
  throw new DeskFailure('invalid_input', copyRefusals[interview.origin][action], 'id');
}

/**
 * Refuses a panel that names the candidate or the recruiter as a co-interviewer (they are already
 * on the invitation), in the words of the form; the contract already checked count and duplicates.
 */
export function refusePanel(panel: Array<{ email: string }>, recruiterEmail: string, candidateEmail: string): void {
  const mine = recruiterEmail.toLowerCase();
  const theirs = candidateEmail.toLowerCase();
  panel.forEach((person, index) => {
    const email = person.email.toLowerCase();
    if (mine && email === mine) throw new DeskFailure('invalid_input', 'Co-interviewer email is your own address: you are on every interview already.', `coInterviewers.${index}.email`);
    if (email === theirs) throw new DeskFailure('invalid_input', "Co-interviewer email is the candidate's address: add a colleague here.", `coInterviewers.${index}.email`);
  });
}

/** Creates the interview service. */
export function createInterviewService(deps: InterviewServiceDeps): InterviewService {
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
    findConflicts(repository.overlapping(startMs, startMs + durationMinutes * 60_000, excludeId), startMs, durationMinutes, excludeId);
  /**
   * A changed interview, ready to save. A new Meet link for a meeting people may already hold is a
   * significant change (RFC 5546): SEQUENCE rises here, whoever changed the link, so every update
   * outranks the last.
   */
  const changed = (previous: Interview, next: Interview): Interview => {
    const relinked = previous.meetLink !== undefined && next.meetLink !== previous.meetLink;
    return { ...next, ...(relinked ? { ics: { ...next.ics, sequence: Math.max(next.ics.sequence, previous.ics.sequence + 1) } } : {}), updatedAt: nowIso() };
  };
  /** Asks before saving over anyone's time (the app's interviews, Google's busy blocks, or time Google could not tell). */
  const refuseConflicts = (conflicts: Conflict[], calendars: CalendarFindings, accepted: boolean | undefined, at: { zone: string; startUtc: string; ask: ConflictAsk }) => {
    if (accepted) return;
    const question = conflictQuestion(conflicts, calendars, at.zone, at.startUtc, at.ask, deps.timeStyle ?? timeStyleOf(undefined));
    if (question) throw new DeskFailure('conflict', question, at.ask === 'Save the panel anyway?' ? undefined : 'time');
  };

  return {
    list: () => repository.all().map(summarize),
    page: (window, offset, limit) => repository.schedulePage(window, offset, limit).map(summarize),
    count: (window) => repository.scheduleCount(window),
    byIds: (ids, query) => repository.matching(ids, query).map(summarize),
    next() {
      const found = repository.nextUnfinished(clock.now());
      return found ? summarize(found) : null;
    },
    listFull: () => repository.all(),
    get: mustGet,
    find: (id) => repository.get(id),
    byGoogleEventId: (eventId) => repository.byGoogleEventId(eventId),
    forTray(nowMs, dayStartMs, dayEndMs) {
      const next = repository.nextUnfinished(nowMs);
      const today = repository.startingBetween(dayStartMs, dayEndMs);
      return next && !today.some((i) => i.id === next.id) ? [next, ...today] : today;
    },
    preview(input) {
      const start = startInstant(input, clock.now());
      return {
        startUtc: start.toISO()!,
        endUtc: start.plus({ minutes: input.durationMinutes }).toISO()!,
        conflicts: conflictsFor(start.toMillis(), input.durationMinutes, input.excludeId),
      };
    },
    schedule(raw, origin = 'recruiter', calendars = noFindings) {
      const input = scheduleInputSchema.parse(raw);
      const recruiter = deps.recruiter();
      if (!recruiter) {
        throw new DeskFailure('invalid_input', 'Add your name and email in Settings (or connect your Google account) before scheduling.', 'recruiter');
      }
      if (input.candidateTimeZone && !IANAZone.isValidZone(input.candidateTimeZone)) {
        throw new DeskFailure('invalid_input', `"${input.candidateTimeZone}" is not a known time zone`, 'candidateTimeZone');
      }
      if (recruiter.email && recruiter.email.toLowerCase() === input.candidateEmail.toLowerCase()) {
        throw new DeskFailure('invalid_input', 'Candidate email is your own address. Use the candidate\'s address.', 'candidateEmail');
      }
      refusePanel(input.coInterviewers, recruiter.email, input.candidateEmail);
      const start = startInstant(input, clock.now());
      refuseConflicts(conflictsFor(start.toMillis(), input.durationMinutes), calendars, input.acceptConflicts, { zone: input.timeZone, startUtc: start.toISO()!, ask: 'Schedule anyway?' });
      const id = newId();
      const now = nowIso();
      const interview: Interview = {
        ...freshRecord(id, now),
        candidate: { name: input.candidateName, email: input.candidateEmail, ...(input.candidateTimeZone ? { timeZone: input.candidateTimeZone } : {}) },
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
      if (previous.status === 'cancelled') throw new DeskFailure('invalid_input', 'This interview was cancelled; schedule a new one instead.', 'id');
      const start = startInstant(input, clock.now());
      refuseConflicts(conflictsFor(start.toMillis(), input.durationMinutes, input.id), calendars, input.acceptConflicts, { zone: input.timeZone, startUtc: start.toISO()!, ask: 'Move anyway?' });
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
      const interview: Interview = { ...withoutCalendarChange(previous), status: 'cancelled', ics: { ...previous.ics, sequence: previous.ics.sequence + 1 }, updatedAt: nowIso() };
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
    setMeetLink(id, link) {
      const meetLink = meetLinkSchema.safeParse(link);
      if (!meetLink.success) throw new DeskFailure('invalid_input', meetLink.error.issues[0]?.message ?? 'Not a Meet link', 'meetLink');
      const previous = mustGet(id);
      refuseOnCandidateCopy(previous, 'meetLink');
      if (previous.status === 'cancelled') throw new DeskFailure('invalid_input', 'This interview was cancelled.', 'id');
      if (previous.meetLink === meetLink.data) return previous;
      const interview = changed(previous, { ...previous, meetLink: meetLink.data });
      return save(interview, { kind: 'relinked', interview, previous });
    },
    setPanel(id, raw, options = {}) {
      const parsed = coInterviewersSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new DeskFailure('invalid_input', issue?.message ?? 'The panel is not valid', ['coInterviewers', ...(issue?.path ?? []).map(String)].join('.'));
      }
      const previous = mustGet(id);
      refuseOnCandidateCopy(previous, 'panel');
      if (hasEnded(previous, clock.now())) throw new DeskFailure('invalid_input', 'This interview has ended, so its panel can no longer change.', 'id');
      if (previous.status === 'cancelled') throw new DeskFailure('invalid_input', 'This interview was cancelled.', 'id');
      refusePanel(parsed.data, previous.recruiter.email, previous.candidate.email);
      const next = { ...previous, coInterviewers: parsed.data.map((p) => ({ email: p.email, ...(p.name ? { name: p.name } : {}) })) };
      if (!panelChanged(previous, next)) return previous;
      refuseConflicts([], options.calendars ?? noFindings, options.acceptConflicts, { zone: previous.timeZone, startUtc: previous.startUtc, ask: 'Save the panel anyway?' });
      // Who is invited changed: a significant change (RFC 5546), so SEQUENCE rises and the new
      // invitations and the cancellations outrank every message sent before.
      const interview: Interview = { ...next, ics: { ...previous.ics, sequence: previous.ics.sequence + 1 }, updatedAt: nowIso() };
      save(interview, { kind: 'updated', interview, previous });
      log.info(`changed the panel of interview ${id}`);
      return interview;
    },
    update(id, change, notify = true) {
      return repository.transaction(() => {
        const previous = mustGet(id);
        const interview = changed(previous, change(previous));
        return save(interview, notify ? { kind: 'updated', interview, previous } : undefined);
      });
    },
    setDelivery(id, recipient, state) {
      return repository.transaction(() => {
        if (!repository.setDelivery(id, recipient, recipient.startsWith('panel:') ? withPanelName(repository.get(id), recipient.slice('panel:'.length), state) : state, nowIso())) return false;
        repository.afterCommit(() => events.emit('interviews:changed', { ids: [id] }));
        return true;
      });
    },
    updateMany(ids, change) {
      repository.transaction(() => {
        const changed = ids.map((id) => repository.get(id)).filter((i): i is Interview => !!i).map((i) => ({ ...change(i), updatedAt: nowIso() }));
        if (changed.length === 0) return;
        repository.putMany(changed);
        repository.afterCommit(() => events.emit('interviews:changed', { ids: changed.map((i) => i.id) }));
      });
    },
    savedCopies() {
      const scheduledHere = repository.byOrigin(['recruiter'], 1).length > 0;
      return { saved: scheduledHere ? [] : repository.byOrigin(['candidate', 'panelist'], 100).map(summarize), scheduledHere };
    },
    findCandidateInterview(meetLink, startUtc, as = 'candidate') {
      const startMs = Date.parse(startUtc);
      return repository.startingBetween(startMs, startMs + 1).find((i) => i.origin === as && i.meetLink === meetLink && i.startUtc === startUtc);
    },
    saveCandidateInterview(input) {
      const origin: SavedCopyOrigin = input.panelistFor === undefined ? 'candidate' : 'panelist';
      const existing = this.findCandidateInterview(input.meetLink, input.startUtc, origin);
      if (existing) return existing;
      const id = newId();
      const now = nowIso();
      const interview: Interview = {
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
      };
      return save(interview, { kind: 'scheduled', interview });
    },
    setCandidateNotes(id, raw) {
      const current = mustGet(id);
      if (current.origin === 'recruiter') throw new DeskFailure('invalid_input', 'Notes on a scheduled interview are written in its form.', 'id');
      const notes = candidateNotesSchema.safeParse(raw);
      if (!notes.success) throw new DeskFailure('invalid_input', notes.error.issues[0]?.message ?? 'Your notes are not valid', 'notes');
      return this.update(id, (i) => ({ ...i, notes: notes.data }), false);
    },
    removeCandidateInterview(id) {
      const current = mustGet(id);
      if (current.origin === 'recruiter') throw new DeskFailure('invalid_input', 'Only interviews saved from an invitation can be removed; cancel this one instead.', 'id');
      repository.remove(id);
      events.emit('interviews:changed', { ids: [id] });
      log.info(`removed candidate interview ${id}`);
    },
    recordJoin(id, via) {
      const current = mustGet(id);
      if (current.status === 'cancelled') throw new DeskFailure('invalid_input', 'This interview was cancelled.', 'id');
      return this.update(id, (i) => ({ ...i, joins: [...i.joins, { joinedAt: nowIso(), via }] }), false);
    },
    recordLeave(id) {
      return this.update(
        id,
        (i) => {
          const joins = [...i.joins];
          const open = joins.map((j, index) => ({ j, index })).reverse().find(({ j }) => !j.leftAt && j.via === 'app');
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
