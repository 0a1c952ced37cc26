import type { calendar_v3 } from 'googleapis';
import type { Interview } from '../../../preload/shared/contract/interview-schema';
import type { EventHub } from '../../shared/event-hub';
import type { Logger } from '../../logging/logger';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../database/database';
import type { createSyncState } from '../../database/sync-state';
import type { InterviewQueries } from '../../interviews/interview-queries';
import type { InterviewCommands } from '../../interviews/interview-commands';
import type { AccountService } from '../account/account-service';
import type { GoogleQueue } from './google-queue';
import { interviewIdOf } from './event-mapping';
import { anyoneSent } from '../../interviews/interview-rules';
import { calendarChangeMark, type Withdrawn } from './calendar-change-mark';
import type { CalendarApi } from './calendar-api';
import { isOwnEvent, patchChanges, planRemoteEvent, withRemoteCancel, withRemoteEvent } from './remote-event';

export interface CalendarPullDeps {
  api: CalendarApi;
  db: Database;
  queue: GoogleQueue;
  syncState: ReturnType<typeof createSyncState>;
  account: AccountService;
  interviews: InterviewQueries;
  commands: Pick<InterviewCommands, 'update'>;
  events: EventHub;
  clock: Clock;
  log: Logger;
  /** Settings: with Google emailing the guests, Google asked whom to tell about a change made in Calendar. */
  googleSendsInvites: () => boolean;
  /** Takes back the interview's messages still waiting to go out (a move or cancel made in Calendar made them stale). */
  withdrawUnsent?: (interviewId: string) => Withdrawn;
  /** Events per list page (Google allows up to 2500). */
  syncPageSize?: number;
  /** After restoring a copy of the database: Calendar changes wait for one full read in which Google wins (restore-hold.ts). */
  restoreHold?: { calendarPending(): boolean; calendarRead(changed: string[]): void };
  /** Sends what is queued (a new link's SEQUENCE goes back to the event). */
  drain: () => Promise<void>;
}

/** Reads Google Calendar's changes back into the interviews. */
export interface CalendarPull {
  /** Incremental sync with the stored sync token; returns how many interviews changed. */
  sync(): Promise<{ changed: number; requests: number }>;
}

export function createCalendarPull(deps: CalendarPullDeps): CalendarPull {
  const { account, interviews, commands, clock, log, queue, syncState, drain } = deps;
  const { call, status, requestOptions } = deps.api;
  const calendarPending = () => deps.restoreHold?.calendarPending() ?? false;

  /**
   * What a move or cancel made in Calendar leaves on the interview; with Google sending the emails,
   * Google asked whom to tell. After restoring a copy (`afterRestore`) the change is measured against
   * the copy, and the copy's unsent mail is never withdrawn here: the person decides it in the restore review.
   * Such a mark says so: the difference may be the app's own change made and emailed after the copy
   * was taken, which the copy does not remember, so the room asks rather than says no one was emailed.
   */
  const untold = (
    local: Interview,
    next: Parameters<typeof calendarChangeMark>[1],
    event: calendar_v3.Schema$Event,
    afterRestore: boolean,
  ) => {
    if (deps.googleSendsInvites() || (afterRestore && !anyoneSent(local))) return local.google?.calendarChange;
    const mark = calendarChangeMark(local, next, event.updated, clock.now(), () =>
      afterRestore ? { withdrawn: 0 } : (deps.withdrawUnsent?.(local.id) ?? { withdrawn: 0 }),
    );
    return mark && afterRestore ? { ...mark, afterRestore: true as const } : mark;
  };

  /**
   * Takes one event's state into its interview. With `googleWins` (the full read after restoring a
   * copy) Google's event is the truth: the copy's queued changes for it are dropped and its time,
   * status and link taken; a move or cancel against what the copy says people were sent is marked,
   * as one that may or may not have been emailed. The interviews it changed are added to `googleWins`.
   */
  const applyRemote = (event: calendar_v3.Schema$Event, googleWins?: string[]): boolean => {
    const markedId = interviewIdOf(event);
    // Each event is looked up by its indexed id (or the interview id it carries), never by reading every interview.
    const local =
      (event.id && interviews.byGoogleEventId(event.id)) || (markedId ? interviews.find(markedId) : undefined);
    if (!local) return false; // not ours: never imported
    if (!isOwnEvent(local, event)) {
      log.warn(`a Google event that is not interview ${local.id}'s own carries its id; it was left alone`);
      return false;
    }
    if (googleWins) queue.dropWaiting(local.id);
    else if (local.google?.etag && local.google.etag === event.etag) return false;
    else if (queue.pendingFor(local.id)) return false; // our own change is on its way; it wins
    const plan = planRemoteEvent(local, event, googleWins !== undefined);
    if (plan.action === 'skip') {
      if (plan.warning) log.warn(plan.warning);
      return false;
    }
    if (plan.action === 'cancel') {
      deps.db.transaction(() => {
        const mark = untold(
          local,
          { kind: 'cancelled', startUtc: local.startUtc, durationMinutes: local.durationMinutes },
          event,
          googleWins !== undefined,
        );
        commands.update(local.id, (i) => withRemoteCancel(i, event, mark));
      });
      googleWins?.push(local.id);
      return true;
    }
    deps.db.transaction(() => {
      // A new link sends an update saying both; a move alone waits for the recruiter. A cancelled
      // copy whose event lives on is taken back as scheduled, without a mark of a move.
      const mark =
        plan.moved && !plan.relinked && !plan.revived
          ? untold(
              local,
              { kind: 'moved', startUtc: plan.startUtc, durationMinutes: plan.durationMinutes },
              event,
              googleWins !== undefined,
            )
          : local.google?.calendarChange;
      commands.update(local.id, (current) => withRemoteEvent(current, plan, event, mark, clock.now()));
    });
    // The new link raised our SEQUENCE above the event's: give the event the same, so both agree.
    if (plan.relinked && interviews.get(local.id).ics.sequence > (event.sequence ?? 0)) {
      queue.add(local.id, 'update');
      void drain();
    }
    if (googleWins && (plan.moved || plan.relinked || plan.unusable || plan.revived)) googleWins.push(local.id);
    return patchChanges(local, plan);
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
        if (pages >= maxSyncPages)
          throw new Error(`Google Calendar sent more than ${maxSyncPages} pages of changes; sync stopped.`);
        requests++;
        const page = (
          await call((cal) =>
            cal.events.list(
              {
                calendarId: 'primary',
                maxResults: deps.syncPageSize ?? 2500,
                ...(syncToken ? { syncToken } : { showDeleted: true, singleEvents: false }),
                ...(pageToken ? { pageToken } : {}),
              },
              requestOptions,
            ),
          )
        ).data;
        for (const event of page.items ?? []) if (applyRemote(event, changedIds)) changed++;
        if (page.nextPageToken) {
          if (seen.has(page.nextPageToken))
            throw new Error('Google Calendar repeated a page of changes; sync stopped.');
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
      log.info(
        `read Google Calendar in full after restoring a copy; ${changedIds.length} interviews took Google's time, status or link`,
      );
    }
    deps.events.emit('sync:finished', { changed, at: new Date(clock.now()).toISOString() });
    return { changed, requests };
  };

  return { sync };
}
