import type { calendar_v3 } from 'googleapis';
import type { Interview } from '../../../preload/shared/contract/interview-schema';
import { DeskFailure } from '../../shared/desk-failure';
import type { Logger } from '../../logging/logger';
import type { Clock } from '../../platform/clock';
import type { InterviewQueries } from '../../interviews/interview-queries';
import type { InterviewCommands } from '../../interviews/interview-commands';
import type { AccountService } from '../account/account-service';
import { describeGoogleError, isRetryable } from '../api/google-errors';
import { GoogleCallError } from '../api/retry-policy';
import type { GoogleQueue, QueuedChange } from './google-queue';
import {
  conferenceStatus,
  eventForInterview,
  eventIdFor,
  guestAddresses,
  guestPatch,
  linkPatch,
  meetLinkOf,
  readMeetLink,
  reschedulePatch,
  withEventMeetLink,
  withGuestsWriting,
} from './event-mapping';
import type { CalendarApi } from './calendar-api';

export interface CalendarPushDeps {
  api: CalendarApi;
  queue: GoogleQueue;
  account: AccountService;
  interviews: InterviewQueries;
  commands: Pick<InterviewCommands, 'update' | 'updateQuietly'>;
  clock: Clock;
  log: Logger;
  /** Settings: let Google email the guests instead of the app (never both). */
  googleSendsInvites: () => boolean;
  /** How long to wait between checks of a pending Meet conference, and how many checks. */
  conferencePollMs?: number[];
  /** After restoring a copy: nothing is pushed before Calendar is read in full. */
  calendarPending: () => boolean;
  /** The sync is stopping: no more changes are sent. */
  stopped: () => boolean;
}

/** Sends the queued changes to Google Calendar, in order. */
export interface CalendarPush {
  /** Applies queued changes in order; stops at the first that must wait. */
  drainOnce(): Promise<void>;
  /** Marks the interview's event as being written, with the guests the change will write. */
  markPending(interview: Interview): Interview;
}

const queueBackoffMs = [2_000, 10_000, 30_000, 60_000, 5 * 60_000, 15 * 60_000];

export function createCalendarPush(deps: CalendarPushDeps): CalendarPush {
  const { account, interviews, commands, clock, log, queue } = deps;
  const { call, status, requestOptions } = deps.api;
  const pollMs = deps.conferencePollMs ?? [300, 600, 1000, 1500, 2500, 4000];

  // Which guests the change will write is recorded now: if Google's answer is lost, a later panel
  // change still knows whom the app may have put on the event.
  const markPending = (interview: Interview): Interview =>
    commands.updateQuietly(interview.id, (i) => ({
      ...i,
      google: { ...(i.google ?? { eventId: eventIdFor(i.id) }), state: 'pending', guestsWritten: withGuestsWriting(i) },
    }));

  const saveEvent = (
    id: string,
    event: calendar_v3.Schema$Event,
    extra: Partial<NonNullable<Interview['google']>> = {},
  ) =>
    commands.update(id, (i) => {
      const sequence = event.sequence ?? i.google?.sequence ?? 0;
      // What the event's answer says is replaced; every other mark (a declined guest, the guests
      // written, a Calendar change and the note that people were told of one) is kept as it was.
      const {
        eventId: _id,
        iCalUID: _uid,
        sequence: _seq,
        etag: _etag,
        htmlLink: _link,
        error: _error,
        ...marks
      } = i.google ?? {};
      return withEventMeetLink(
        {
          ...i,
          ics: { ...i.ics, uid: event.iCalUID ?? i.ics.uid, sequence: Math.max(i.ics.sequence, sequence) },
          google: {
            ...marks,
            eventId: event.id ?? eventIdFor(id),
            ...(event.iCalUID ? { iCalUID: event.iCalUID } : {}),
            sequence,
            ...(event.etag ? { etag: event.etag } : {}),
            ...(event.htmlLink ? { htmlLink: event.htmlLink } : {}),
            state: 'synced',
            ...extra,
          },
        },
        readMeetLink(event),
      );
    });

  /** Waits for Meet: polls events.get with growing pauses until the conference succeeds or fails. */
  const awaitConference = async (
    eventId: string,
    first: calendar_v3.Schema$Event,
  ): Promise<calendar_v3.Schema$Event> => {
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
            (cal) =>
              cal.events.insert(
                {
                  calendarId: 'primary',
                  conferenceDataVersion: 1,
                  sendUpdates: deps.googleSendsInvites() ? 'all' : 'none',
                  requestBody: eventForInterview(interview),
                },
                requestOptions,
              ),
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
    if (wanted && meetLinkOf(ready) !== wanted)
      ready = await patchEvent(eventId, { ...linkPatch(wanted), sequence: interviews.get(interview.id).ics.sequence });
    else if (!inserted && conferenceStatus(ready) === 'failure') {
      // A retry after Google could not make a Meet: ask again (a new requestId; a repeated one is ignored).
      const again = {
        conferenceData: {
          createRequest: {
            requestId: `idesk-${interview.id}-${clock.now()}`,
            conferenceSolutionKey: { type: 'hangoutsMeet' },
          },
        },
      };
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
      saveEvent(interview.id, ready, {
        state: 'failed',
        error: 'Google could not create a Meet link. Retry, or paste a Meet link yourself.',
        ...written,
      });
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
    (
      await call((cal) =>
        cal.events.patch(
          {
            calendarId: 'primary',
            eventId,
            conferenceDataVersion: 1,
            sendUpdates: deps.googleSendsInvites() ? 'all' : 'none',
            requestBody,
          },
          { ...requestOptions, ...(etag ? { headers: { 'If-Match': etag } } : {}) },
        ),
      )
    ).data;

  const update = async (interview: Interview) => {
    saveEvent(
      interview.id,
      await patchEvent(interview.google?.eventId ?? eventIdFor(interview.id), reschedulePatch(interview)),
    );
  };

  /** Puts the recruiter's new Meet link on the event, with the raised SEQUENCE the invitations will carry. */
  const relink = async (interview: Interview) => {
    if (!interview.meetLink) return;
    const eventId = interview.google?.eventId ?? eventIdFor(interview.id);
    saveEvent(
      interview.id,
      await patchEvent(eventId, { ...linkPatch(interview.meetLink), sequence: interview.ics.sequence }),
    );
  };

  /**
   * Puts the panel's guest list on the event, keeping every other guest's entry and answer as Google
   * has it, and says which guests of the app's it holds now. The list is read, merged and written back
   * whole: If-Match makes sure no one changed the event in between (a guest added in Calendar that
   * moment would be lost); if someone did, it is read again. `first` is a read just made.
   */
  const writeGuests = async (
    id: string,
    first?: calendar_v3.Schema$Event,
  ): Promise<{ event: calendar_v3.Schema$Event; written: string[] }> => {
    const eventId = interviews.get(id).google?.eventId ?? eventIdFor(id);
    let current = first;
    for (let conflicts = 0; ;) {
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
        if (++conflicts >= 3)
          throw new Error(
            'The event kept changing in Google Calendar while the panel was written; trying again later.',
            { cause: error },
          );
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
      await call((cal) =>
        cal.events.delete(
          { calendarId: 'primary', eventId, sendUpdates: deps.googleSendsInvites() ? 'all' : 'none' },
          requestOptions,
        ),
      );
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

  const drainOnce = async () => {
    // A restored copy's changes may be older than Google's: nothing is pushed before Calendar is read in full.
    if (deps.stopped() || account.status().state !== 'connected' || deps.calendarPending()) return;
    for (const item of queue.inOrder()) {
      if (deps.stopped()) return;
      if (item.notBefore > clock.now()) return; // keep order: later items wait behind this one
      try {
        await perform(item);
        queue.remove(item.key);
      } catch (error) {
        if (error instanceof DeskFailure && (error.code === 'needs_reconnect' || error.code === 'keychain_unavailable'))
          return;
        const failure = error instanceof GoogleCallError ? error.failure : describeGoogleError(error);
        const temporary = !(error instanceof GoogleCallError) || isRetryable(failure);
        if (temporary) {
          const delay = queueBackoffMs[Math.min(item.attempts, queueBackoffMs.length - 1)]!;
          queue.postpone(item.key, clock.now() + delay, failure.message);
          log.warn(`Google change for ${item.interviewId} postponed: ${failure.message}`);
          return;
        }
        queue.remove(item.key);
        commands.update(item.interviewId, (i) => ({
          ...i,
          google: { ...(i.google ?? { eventId: eventIdFor(i.id) }), state: 'failed', error: failure.message },
        }));
        log.error(`Google refused the change for ${item.interviewId}: ${failure.status} ${failure.message}`);
      }
    }
  };

  return { drainOnce, markPending };
}
