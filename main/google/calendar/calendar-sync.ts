import { google, type calendar_v3 } from 'googleapis';
import type { OAuth2Client } from 'google-auth-library';
import type { Interview } from '../../../preload/contract/interview-schema';
import { DeskFailure } from '../../shared/desk-failure';
import type { EventHub } from '../../shared/event-hub';
import type { Logger } from '../../logging/logger';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../storage/database';
import { singleFlight } from '../../shared/single-flight';
import { createSyncState } from '../../storage/sync-state';
import { armedReminders } from '../../interviews/interview-rules';
import type { InterviewQueries } from '../../interviews/interview-queries';
import type { InterviewCommands } from '../../interviews/interview-commands';
import type { AccountService } from '../account-service';
import { describeGoogleError, isRetryable } from '../google-errors';
import { GoogleCallError, withGoogleRetry, type RetryOptions } from '../retry-policy';
import { GoogleQueue, type QueuedChange } from '../google-queue';
import { conferenceStatus, eventForInterview, eventIdFor, guestAddresses, guestPatch, interviewIdOf, linkPatch, meetLinkOf, readMeetLink, reschedulePatch, withEventMeetLink, withGuestsWriting } from '../event-mapping';
import { panelChanged } from '../../interviews/interview-rules';
import { calendarChangeMark, type Withdrawn } from '../calendar-change-mark';
import { withCalendarChange } from '../../interviews/calendar-change-notice';

export interface CalendarSyncDeps {
  apiUrl: string;
  /** The app database: the Calendar queue and the sync token live there. */
  db: Database;
  account: AccountService;
  interviews: InterviewQueries;
  commands: Pick<InterviewCommands, 'update' | 'updateQuietly' | 'onChange'>;
  events: EventHub;
  clock: Clock;
  log: Logger;
  retry?: Partial<RetryOptions>;
  /** Settings: let Google email the guests instead of the app (never both). */
  googleSendsInvites: () => boolean;
  /** Takes back the interview's messages still waiting to go out (a move or cancel made in Calendar made them stale). */
  withdrawUnsent?: (interviewId: string) => Withdrawn;
  /** How long to wait between checks of a pending Meet conference, and how many checks. */
  conferencePollMs?: number[];
  /** Events per list page (Google allows up to 2500). */
  syncPageSize?: number;
  /** Per-request timeout. */
  requestTimeoutMs?: number;
  /** After restoring a copy of the database: Calendar changes wait for one full read in which Google wins (restore-hold.ts). */
  restoreHold?: { calendarPending(): boolean; calendarRead(changed: string[]): void };
}

/** Creates, moves and deletes Calendar events for interviews, durably queued; and syncs changes back. */
export interface CalendarSync {
  /** Applies queued changes in order; stops at the first that must wait. */
  drain(): Promise<void>;
  /** Incremental sync with the stored sync token; returns how many interviews changed. */
  sync(): Promise<{ changed: number; requests: number }>;
  /** Drains then syncs, never throwing (timers, focus, wake). */
  runQuietly(reason: string): Promise<void>;
  /** Re-queues a failed create (after a Meet failure, say). */
  retry(interviewId: string): Interview;
  queue: GoogleQueue;
  dispose(): void;
}

const queueBackoffMs = [2_000, 10_000, 30_000, 60_000, 5 * 60_000, 15 * 60_000];

/** Creates the Calendar sync service and hooks it to interview changes. */
export function createCalendarSync(deps: CalendarSyncDeps): CalendarSync {
  const { account, interviews, commands, clock, log } = deps;
  const queue = new GoogleQueue(deps.db, () => clock.now());
  const syncState = createSyncState(deps.db);
  const pollMs = deps.conferencePollMs ?? [300, 600, 1000, 1500, 2500, 4000];
  const requestOptions = { retry: false, timeout: deps.requestTimeoutMs ?? 20_000 } as const;
  const retry = (idempotent = true) => ({ ...deps.retry, idempotent });

  const api = (auth: OAuth2Client): calendar_v3.Calendar => google.calendar({ version: 'v3', auth, rootUrl: deps.apiUrl });
  const call = async <T>(run: (cal: calendar_v3.Calendar) => Promise<T>, idempotent = true): Promise<T> => {
    const cal = api(await account.authClient());
    try {
      return await withGoogleRetry(() => run(cal), retry(idempotent));
    } catch (error) {
      if (error instanceof GoogleCallError && error.failure.invalidGrant) {
        account.markNeedsReconnect(error.failure.message);
        throw new DeskFailure('needs_reconnect', 'Google access has expired or was revoked. Reconnect your Google account; your data and queued changes are kept.');
      }
      throw error;
    }
  };
  const status = (error: unknown) => (error instanceof GoogleCallError ? error.failure.status : describeGoogleError(error).status);

  // Which guests the change will write is recorded now: if Google's answer is lost, a later panel
  // change still knows whom the app may have put on the event.
  const markPending = (interview: Interview): Interview =>
    commands.updateQuietly(interview.id, (i) => ({ ...i, google: { ...(i.google ?? { eventId: eventIdFor(i.id) }), state: 'pending', guestsWritten: withGuestsWriting(i) } }));

  const saveEvent = (id: string, event: calendar_v3.Schema$Event, extra: Partial<NonNullable<Interview['google']>> = {}) =>
    commands.update(
      id,
      (i) => {
        const sequence = event.sequence ?? i.google?.sequence ?? 0;
        return withEventMeetLink({
          ...i,
          ics: { ...i.ics, uid: event.iCalUID ?? i.ics.uid, sequence: Math.max(i.ics.sequence, sequence) },
          google: {
            eventId: event.id ?? eventIdFor(id),
            ...(event.iCalUID ? { iCalUID: event.iCalUID } : {}),
            sequence,
            ...(event.etag ? { etag: event.etag } : {}),
            ...(event.htmlLink ? { htmlLink: event.htmlLink } : {}),
            state: 'synced',
            ...(i.google?.attendeeDeclined ? { attendeeDeclined: true } : {}),
            ...(i.google?.unusableMeetLink ? { unusableMeetLink: true } : {}),
            ...(i.google?.guestsWritten ? { guestsWritten: i.google.guestsWritten } : {}),
            ...(i.google?.calendarChange ? { calendarChange: i.google.calendarChange } : {}),
            ...extra,
          },
        }, readMeetLink(event));
      },
    );

  /** Waits for Meet: polls events.get with growing pauses until the conference succeeds or fails. */
  const awaitConference = async (eventId: string, first: calendar_v3.Schema$Event): Promise<calendar_v3.Schema$Event> => {
    let event = first;
    for (const pause of pollMs) {
      const state = conferenceStatus(event);
      if (state !== 'pending') return event;
      await new Promise((r) => setTimeout(r, pause));
      event = (await call((cal) => cal.events.get({ calendarId: 'primary', eventId }, requestOptions))).data;
    }
    return event;
  };

  const create = async (item: QueuedChange, interview: Interview) => {
    const eventId = eventIdFor(interview.id);
    let event: calendar_v3.Schema$Event | undefined;
    let inserted = false;
    // After an unclear failure the event may exist already: look before inserting again.
    if (item.attempts > 0) {
      event = await call((cal) => cal.events.get({ calendarId: 'primary', eventId }, requestOptions))
        .then((r) => r.data)
        .catch((error: unknown) => {
          if (status(error) === 404) return undefined;
          throw error;
        });
    }
    if (!event) {
      try {
        event = (
          await call(
            (cal) => cal.events.insert({ calendarId: 'primary', conferenceDataVersion: 1, sendUpdates: deps.googleSendsInvites() ? 'all' : 'none', requestBody: eventForInterview(interview) }, requestOptions),
            // Safe to retry: the client-chosen id turns a duplicate into a 409.
            true,
          )
        ).data;
        inserted = true;
      } catch (error) {
        if (status(error) !== 409) throw error;
        event = (await call((cal) => cal.events.get({ calendarId: 'primary', eventId }, requestOptions))).data;
      }
    }
    let ready = await awaitConference(eventId, event);
    // The recruiter's own link (pasted in the form, or in the room while this create waited) is the
    // meeting: the event takes it instead of a new conference.
    const wanted = interviews.get(interview.id).meetLink;
    if (wanted && meetLinkOf(ready) !== wanted) ready = await patchEvent(eventId, { ...linkPatch(wanted), sequence: interviews.get(interview.id).ics.sequence });
    else if (!inserted && conferenceStatus(ready) === 'failure') {
      // A retry after Google could not make a Meet: ask again (a new requestId; a repeated one is ignored).
      const again = { conferenceData: { createRequest: { requestId: `idesk-${interview.id}-${clock.now()}`, conferenceSolutionKey: { type: 'hangoutsMeet' } } } };
      ready = await awaitConference(eventId, await patchEvent(eventId, again));
    }
    // An event made earlier (a retry, or a second create queued while the first waited) has the panel
    // of its time: its guests follow the panel now.
    let written: { guestsWritten?: string[] } = {};
    if (!inserted) {
      const guests = await writeGuests(interview.id, ready);
      ready = guests.event;
      written = { guestsWritten: guests.written };
    }
    const state = conferenceStatus(ready);
    if (state === 'failure') {
      saveEvent(interview.id, ready, { state: 'failed', error: 'Google could not create a Meet link. Retry, or paste a Meet link yourself.', ...written });
      return;
    }
    if (state === 'pending') {
      saveEvent(interview.id, ready, { state: 'pending', ...written });
      throw new Error('The Meet link is still being created');
    }
    saveEvent(interview.id, ready, written);
    log.info(`calendar event ready for ${interview.id}`);
  };

  /** Patches the event; with `etag`, only if nobody changed it since it was read (If-Match: 412 otherwise). */
  const patchEvent = async (eventId: string, requestBody: calendar_v3.Schema$Event, etag?: string | null) =>
    (await call((cal) => cal.events.patch({ calendarId: 'primary', eventId, conferenceDataVersion: 1, sendUpdates: deps.googleSendsInvites() ? 'all' : 'none', requestBody }, { ...requestOptions, ...(etag ? { headers: { 'If-Match': etag } } : {}) }))).data;

  const update = async (interview: Interview) => {
    saveEvent(interview.id, await patchEvent(interview.google?.eventId ?? eventIdFor(interview.id), reschedulePatch(interview)));
  };

  /** Puts the recruiter's new Meet link on the event, with the raised SEQUENCE the invitations will carry. */
  const relink = async (interview: Interview) => {
    if (!interview.meetLink) return;
    const eventId = interview.google?.eventId ?? eventIdFor(interview.id);
    saveEvent(interview.id, await patchEvent(eventId, { ...linkPatch(interview.meetLink), sequence: interview.ics.sequence }));
  };

  /**
   * Puts the panel's guest list on the event, keeping every other guest's entry and answer as Google
   * has it, and says which guests of the app's it holds now. The list is read, merged and written back
   * whole: If-Match makes sure no one changed the event in between (a guest added in Calendar that
   * moment would be lost); if someone did, it is read again. `first` is a read just made.
   */
  const writeGuests = async (id: string, first?: calendar_v3.Schema$Event): Promise<{ event: calendar_v3.Schema$Event; written: string[] }> => {
    const eventId = interviews.get(id).google?.eventId ?? eventIdFor(id);
    let current = first;
    for (let conflicts = 0; ; ) {
      current ??= (await call((cal) => cal.events.get({ calendarId: 'primary', eventId }, requestOptions))).data;
      const interview = interviews.get(id);
      const wanted = guestAddresses(interview);
      const patch = guestPatch(current, interview);
      if (!patch) return { event: current, written: wanted };
      try {
        current = await patchEvent(eventId, patch, current.etag);
      } catch (error) {
        if (status(error) !== 412) throw error;
        // Changed in Calendar three times over while writing: try again later, as after a network error.
        if (++conflicts >= 3) throw new Error('The event kept changing in Google Calendar while the panel was written; trying again later.', { cause: error });
        current = undefined;
        continue;
      }
      // A panel change made while this was written is written next, on top of it (its own queued
      // change was folded into this one).
      if (guestAddresses(interviews.get(id)).join() === wanted.join()) return { event: current, written: wanted };
    }
  };

  const guests = async (interview: Interview) => {
    const { event, written } = await writeGuests(interview.id);
    saveEvent(interview.id, event, { guestsWritten: written });
  };

  const cancel = async (interview: Interview) => {
    const eventId = interview.google?.eventId ?? eventIdFor(interview.id);
    try {
      await call((cal) => cal.events.delete({ calendarId: 'primary', eventId, sendUpdates: deps.googleSendsInvites() ? 'all' : 'none' }, requestOptions));
    } catch (error) {
      // Already gone counts as done.
      if (status(error) !== 404 && status(error) !== 410) throw error;
    }
    commands.updateQuietly(interview.id, (i) => ({ ...i, google: { ...(i.google ?? { eventId }), state: 'synced' } }));
  };

  const perform = async (item: QueuedChange) => {
    let interview: Interview;
    try {
      interview = interviews.get(item.interviewId);
    } catch {
      return; // deleted locally: nothing to do
    }
    if (item.op === 'create') {
      if (interview.status === 'cancelled' && item.attempts === 0) return;
      await create(item, interview);
    } else if (item.op === 'update') await update(interview);
    else if (item.op === 'relink') await relink(interview);
    else if (item.op === 'guests') await guests(interview);
    else await cancel(interview);
  };

  let disposed = false;
  const calendarPending = () => deps.restoreHold?.calendarPending() ?? false;
  const drainOnce = async () => {
    // A restored copy's changes may be older than Google's: nothing is pushed before Calendar is read in full.
    if (disposed || account.status().state !== 'connected' || calendarPending()) return;
    for (const item of queue.inOrder()) {
      if (disposed) return;
      if (item.notBefore > clock.now()) return; // keep order: later items wait behind this one
      try {
        await perform(item);
        queue.remove(item.key);
      } catch (error) {
        if (error instanceof DeskFailure && (error.code === 'needs_reconnect' || error.code === 'keychain_unavailable')) return;
        const failure = error instanceof GoogleCallError ? error.failure : describeGoogleError(error);
        const temporary = !(error instanceof GoogleCallError) || isRetryable(failure);
        if (temporary) {
          const delay = queueBackoffMs[Math.min(item.attempts, queueBackoffMs.length - 1)]!;
          queue.postpone(item.key, clock.now() + delay, failure.message);
          log.warn(`Google change for ${item.interviewId} postponed: ${failure.message}`);
          return;
        }
        queue.remove(item.key);
        commands.update(item.interviewId, (i) => ({ ...i, google: { ...(i.google ?? { eventId: eventIdFor(i.id) }), state: 'failed', error: failure.message } }));
        log.error(`Google refused the change for ${item.interviewId}: ${failure.status} ${failure.message}`);
      }
    }
  };

  const drain = singleFlight(drainOnce);

  /** What a move or cancel made in Calendar leaves on the interview; with Google sending the emails, Google asked whom to tell. */
  const untold = (local: Interview, next: Parameters<typeof calendarChangeMark>[1], event: calendar_v3.Schema$Event) =>
    deps.googleSendsInvites() ? local.google?.calendarChange : calendarChangeMark(local, next, event.updated, clock.now(), () => deps.withdrawUnsent?.(local.id) ?? { withdrawn: 0 });

  /**
   * Takes one event's state into its interview. With `googleWins` (the full read after restoring a
   * copy) Google's event is the truth: the copy's queued changes for it are dropped and its time,
   * status and link taken, without a mark of a change made in Calendar (the app's own lost changes);
   * the interviews it changed are added to `googleWins`.
   */
  const applyRemote = (event: calendar_v3.Schema$Event, googleWins?: string[]): boolean => {
    const markedId = interviewIdOf(event);
    // Each event is looked up by its indexed id (or the interview id it carries), never by reading every interview.
    const local = (event.id && interviews.byGoogleEventId(event.id)) || (markedId ? interviews.find(markedId) : undefined);
    if (!local) return false; // not ours: never imported
    // The interview id an event carries is only a hint: a copy made in Google Calendar ("Duplicate")
    // carries it too. Only the interview's own event (the id the app gave it) may change the interview.
    if (event.id !== (local.google?.eventId ?? eventIdFor(local.id))) {
      log.warn(`a Google event that is not interview ${local.id}'s own carries its id; it was left alone`);
      return false;
    }
    if (googleWins) queue.dropWaiting(local.id);
    else if (local.google?.etag && local.google.etag === event.etag) return false;
    else if (queue.pendingFor(local.id)) return false; // our own change is on its way; it wins
    if (event.status === 'cancelled') {
      if (local.status === 'cancelled') return false;
      deps.db.transaction(() => {
        const mark = googleWins ? local.google?.calendarChange : untold(local, { kind: 'cancelled', startUtc: local.startUtc, durationMinutes: local.durationMinutes }, event);
        commands.update(local.id, (i) => ({ ...i, status: 'cancelled', google: { ...withCalendarChange(i.google ?? { eventId: event.id!, state: 'synced' }, mark), state: 'synced', ...(event.etag ? { etag: event.etag } : {}) } }));
      });
      googleWins?.push(local.id);
      return true;
    }
    // Times from Google are input: one that cannot be read leaves the interview as it was.
    const startMs = event.start?.dateTime ? Date.parse(event.start.dateTime) : Date.parse(local.startUtc);
    const end = event.end?.dateTime ? Date.parse(event.end.dateTime) : Date.parse(local.startUtc) + local.durationMinutes * 60_000;
    if (!Number.isFinite(startMs) || !Number.isFinite(end)) {
      log.warn(`Google event for ${local.id} has a start or end that cannot be read; the interview was left as it was`);
      return false;
    }
    const start = new Date(startMs).toISOString();
    // The app's own length rule (5 minutes to 8 hours), whatever length the event was given in Calendar.
    const duration = Math.min(480, Math.max(5, Math.round((end - startMs) / 60_000)));
    const declined = event.attendees?.some((a) => a.email?.toLowerCase() === local.candidate.email.toLowerCase() && a.responseStatus === 'declined') ?? false;
    const moved = start !== local.startUtc || duration !== local.durationMinutes;
    const revived = googleWins !== undefined && local.status === 'cancelled';
    // A conference changed in Google Calendar is the meeting now (the interview service raises SEQUENCE);
    // a link that stops being Meet is dropped at once and the interview marked, never stored or sent.
    const reading = readMeetLink(event);
    const relinked = reading.kind === 'meet' && (reading.link !== local.meetLink || local.google?.unusableMeetLink === true);
    const unusable = reading.kind === 'unusable' && !local.google?.unusableMeetLink;
    deps.db.transaction(() => {
      // A new link sends an update saying both; a move alone waits for the recruiter.
      const mark = moved && !relinked && !googleWins ? untold(local, { kind: 'moved', startUtc: start, durationMinutes: duration }, event) : local.google?.calendarChange;
      commands.update(
        local.id,
        (current) => {
          const i = relinked || unusable ? withEventMeetLink(current, reading) : current;
          return {
            ...i,
            ...(revived ? { status: 'scheduled' as const } : {}),
            startUtc: start,
            durationMinutes: duration,
            ...(moved ? { reminders: armedReminders(new Date(clock.now()).toISOString()) } : {}),
            ics: { ...i.ics, sequence: Math.max(i.ics.sequence, event.sequence ?? 0) },
            google: {
              ...withCalendarChange(i.google ?? { eventId: event.id!, state: 'synced' }, mark),
              state: 'synced',
              ...(event.etag ? { etag: event.etag } : {}),
              sequence: event.sequence ?? i.google?.sequence ?? 0,
              attendeeDeclined: declined,
            },
          };
        },
      );
    });
    // The new link raised our SEQUENCE above the event's: give the event the same, so both agree.
    if (relinked && interviews.get(local.id).ics.sequence > (event.sequence ?? 0)) {
      queue.add(local.id, 'update');
      void drain();
    }
    if (googleWins && (moved || relinked || unusable || revived)) googleWins.push(local.id);
    return moved || relinked || unusable || revived || declined !== (local.google?.attendeeDeclined ?? false);
  };

  const maxSyncPages = 400;
  const sync = async () => {
    if (account.status().state !== 'connected') return { changed: 0, requests: 0 };
    let requests = 0;
    let changed = 0;
    // After restoring a copy: a full read (no sync token) in which Google wins; the interviews it changed are remembered.
    const googleWins = calendarPending();
    const changedIds: string[] | undefined = googleWins ? [] : undefined;
    if (googleWins) syncState.delete('googleSyncToken');
    const run = async (syncToken: string | undefined) => {
      let pageToken: string | undefined;
      // Google's answers are input: a page token seen before, or more pages than any calendar has,
      // ends this sync (the sync token is not advanced, so the next one starts over) instead of looping.
      const seen = new Set<string>();
      for (let pages = 0; ; pages++) {
        if (pages >= maxSyncPages) throw new Error(`Google Calendar sent more than ${maxSyncPages} pages of changes; sync stopped.`);
        requests++;
        const page = (
          await call((cal) =>
            cal.events.list(
              { calendarId: 'primary', maxResults: deps.syncPageSize ?? 2500, ...(syncToken ? { syncToken } : { showDeleted: true, singleEvents: false }), ...(pageToken ? { pageToken } : {}) },
              requestOptions,
            ),
          )
        ).data;
        for (const event of page.items ?? []) if (applyRemote(event, changedIds)) changed++;
        if (page.nextPageToken) {
          if (seen.has(page.nextPageToken)) throw new Error('Google Calendar repeated a page of changes; sync stopped.');
          seen.add(page.nextPageToken);
          pageToken = page.nextPageToken;
        } else {
          if (page.nextSyncToken) syncState.set('googleSyncToken', page.nextSyncToken);
          return;
        }
      }
    };
    const token = syncState.get('googleSyncToken');
    try {
      await run(token);
    } catch (error) {
      if (token && status(error) === 410) {
        log.info('sync token expired; running a full sync');
        syncState.delete('googleSyncToken');
        await run(undefined);
      } else throw error;
    }
    if (changedIds) {
      deps.restoreHold?.calendarRead(changedIds);
      log.info(`read Google Calendar in full after restoring a copy; ${changedIds.length} interviews took Google's time, status or link`);
    }
    deps.events.emit('sync:finished', { changed, at: new Date(clock.now()).toISOString() });
    return { changed, requests };
  };

  const unsubscribe = commands.onChange((change) => {
    if (account.status().state === 'disconnected' || change.interview.origin !== 'recruiter') return;
    if (change.kind === 'scheduled') {
      markPending(change.interview);
      queue.add(change.interview.id, 'create');
    } else if (change.kind === 'rescheduled') {
      markPending(change.interview);
      queue.add(change.interview.id, 'update');
    } else if (change.kind === 'relinked' && change.interview.google) {
      // No event yet (Google refused the first create): create it with this link; else put the link on it.
      markPending(change.interview);
      queue.add(change.interview.id, change.interview.google.iCalUID ? 'relink' : 'create');
    } else if (change.kind === 'updated' && change.interview.google && panelChanged(change.previous, change.interview)) {
      // A panel changed after scheduling: the event's guests follow (or the pending create carries them).
      markPending(change.interview);
      queue.add(change.interview.id, change.interview.google.iCalUID ? 'guests' : 'create');
    } else if (change.kind === 'cancelled' && change.interview.google) {
      markPending(change.interview);
      queue.add(change.interview.id, 'cancel');
    } else return;
    // Only once the change is committed: a rolled-back action must never reach Google.
    deps.db.afterCommit(() => void drain());
  });
  // After reconnecting, queued work resumes; after disconnecting, the next account starts with a full sync.
  const unsubscribeAccount = account.onChange((s) => {
    if (s.state === 'connected') void (calendarPending() ? runQuietly('connected') : drain());
    if (s.state === 'disconnected') syncState.delete('googleSyncToken');
  });

  async function runQuietly(reason: string): Promise<void> {
    try {
      // Held after a restore: read Calendar first (Google wins), then what is still queued may go.
      const readFirst = calendarPending();
      if (readFirst) await sync();
      await drain();
      if (!readFirst) await sync();
    } catch (error) {
      log.warn(`Google sync (${reason}) did not finish: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return {
    queue,
    drain,
    sync,
    runQuietly,
    retry(interviewId) {
      const interview = interviews.get(interviewId);
      if (account.status().state === 'disconnected') throw new DeskFailure('needs_reconnect', 'Connect your Google account first.');
      markPending(interview);
      queue.add(interviewId, interview.status === 'cancelled' ? 'cancel' : 'create');
      void drain();
      return interviews.get(interviewId);
    },
    dispose() {
      disposed = true;
      unsubscribe();
      unsubscribeAccount();
    },
  };
}
