/**
 * Meet's transcript, recording and notes, as the app uses them: with attendance's consent (the
 * `meetings.space.readonly` scope) and the same conference records, the job that looks at Meet after
 * each interview, the room's view of one interview and "Check Meet now". Recruiter's interviews only:
 * a candidate's or co-interviewer's saved copy never has any.
 */
import type { AttendanceConnection } from '../../preload/shared/contract/attendance-schema';
import type { Interview } from '../../preload/shared/contract/interview-schema';
import {
  transcriptPageSize,
  type ArtifactLink,
  type ArtifactsView,
  type TranscriptLinesAsk,
  type TranscriptPage,
} from '../../preload/shared/contract/transcript-schema';
import type { AccountService } from '../google/account/account-service';
import type { RetryOptions } from '../google/api/retry-policy';
import type { Database } from '../database/database';
import type { Clock } from '../platform/clock';
import type { Logger } from '../logging/logger';
import type { EventHub } from '../shared/event-hub';
import { DeskFailure } from '../shared/desk-failure';
import { realTimers, type TimerApi } from '../reminders/reminder-scheduler';
import { createMeetClient, meetReadScope } from '../attendance/meet-client';
import { createArtifactClient } from './artifact-client';
import { createArtifactJobs, type ArtifactPacing } from './artifact-jobs';
import { pendingKinds } from './artifact-outcome';
import { createArtifactRepository, type StoredArtifact } from './artifact-repository';
import { firstLookMs, meetKeepsMs } from './artifact-schedule';
import { createTranscriptLines } from './transcript-lines';

export interface MeetArtifactsDeps {
  database: Database;
  account: AccountService;
  /** Attendance's connection: the same Meet permission. */
  connection: () => AttendanceConnection;
  interviews: { find(id: string): Interview | undefined };
  /** Calls back after interviews change (scheduled, moved, cancelled); returns the unsubscribe. */
  onInterviewsChanged?: (listener: () => void) => () => void;
  meetApiUrl: string;
  /** Whether the transcript word index is there (the schedule's transcript search builds it at start). */
  wordsIndexed: boolean;
  clock: Clock;
  log: Logger;
  events: EventHub;
  timers?: TimerApi;
  retry?: Partial<RetryOptions>;
  requestTimeoutMs?: number;
  pacing?: Partial<ArtifactPacing>;
  sleep?: (ms: number) => Promise<void>;
}

/** Meet's artifacts for the app. */
export interface MeetArtifacts {
  /** The room's view of one interview: the transcript's first page of lines and how many there are. */
  view(id: string): ArtifactsView;
  /** The transcript's next page, or the lines holding a search (the room's "Show more lines" and find within). */
  lines(id: string, ask: TranscriptLinesAsk): TranscriptPage;
  /** The same view without the transcript's lines (the debrief needs only the state and the links). */
  status(id: string): ArtifactsView;
  /** Looks at Meet for this interview now, whatever its state; answers the new view. */
  checkNow(id: string): Promise<ArtifactsView>;
  /** Retention: deletes what was read from Meet for interviews that ended before `endedBeforeMs`; answers their ids. */
  forget(endedBeforeMs: number): string[];
  /** Starts the job (start-up catch-up, then the schedule). */
  start(): void;
  /** The job's run (tests await it). */
  drain(): Promise<void>;
  dispose(): Promise<void> | undefined;
}

const linkState = { STARTED: 'started', ENDED: 'ended', FILE_GENERATED: 'ready' } as const;
const linkOf = (a: StoredArtifact): ArtifactLink => ({
  kind: a.kind,
  state: linkState[a.state],
  ...(a.exportUri ? { url: a.exportUri } : {}),
  ...(a.startTime ? { start: a.startTime } : {}),
  ...(a.endTime ? { end: a.endTime } : {}),
});
/** How long after the app starts (or Meet access is granted) the first look waits. */
const startDelayMs = 5_000;
const iso = (ms: number | undefined) => (ms ? new Date(ms).toISOString() : undefined);

/** Creates the service (call `start`). */
export function createMeetArtifacts(deps: MeetArtifactsDeps): MeetArtifacts {
  const { account } = deps;
  const repository = createArtifactRepository(deps.database);
  const transcript = createTranscriptLines(deps.database, deps.wordsIndexed);
  const clientOptions = {
    auth: () => account.authClient(),
    rootUrl: deps.meetApiUrl,
    ...(deps.retry ? { retry: deps.retry } : {}),
    ...(deps.requestTimeoutMs ? { requestTimeoutMs: deps.requestTimeoutMs } : {}),
  };
  const canRead = () => deps.connection() === 'connected';
  const changed = (ids: string[]) => deps.events.emit('artifacts:changed', { ids });
  const jobs = createArtifactJobs({
    repository,
    interview: deps.interviews.find,
    client: createMeetClient(clientOptions),
    artifacts: createArtifactClient(clientOptions),
    canRead,
    identity: () => account.identity(),
    markNeedsReconnect: (reason) => account.markNeedsReconnect(reason),
    clock: deps.clock,
    timers: deps.timers ?? realTimers,
    log: deps.log,
    changed,
    ...(deps.onInterviewsChanged ? { onInterviewsChanged: deps.onInterviewsChanged } : {}),
    ...(deps.pacing ? { pacing: deps.pacing } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
  });
  // Started a few seconds after the app (or the grant): attendance reads first, and a start stays quick.
  const timers = deps.timers ?? realTimers;
  const handles = new Set<unknown>();
  const later = (run: () => void) => {
    const handle = timers.set(() => {
      handles.delete(handle);
      run();
    }, startDelayMs);
    handles.add(handle);
  };
  // Connected (or reconnected) with the scope: what was blocked is due again.
  const stopListening = account.onChange((status) => {
    if (status.state === 'connected' && account.hasScope(meetReadScope)) later(() => void jobs.resume());
  });

  /** The recruiter's own interview, or the words of why not (a candidate's or co-interviewer's copy). */
  const recruiters = (id: string) => {
    const interview = deps.interviews.find(id);
    if (!interview || interview.origin !== 'recruiter')
      throw new DeskFailure('not_found', 'Meet transcripts are kept only for interviews you scheduled.', 'id');
    return interview;
  };
  /** The stored lines, unless they were read for an earlier time or Meet link of the interview. */
  const current = (id: string) => {
    const stored = repository.fetchState(id);
    return stored?.current ? stored : undefined;
  };
  const noLines: TranscriptPage = { lines: [], count: 0, total: 0, more: false };
  const page = (id: string, ask: TranscriptLinesAsk) =>
    current(id) ? transcript.page(id, ask, transcriptPageSize) : noLines;

  const build = (id: string, withLines: boolean): ArtifactsView => {
    const interview = recruiters(id);
    const connection = deps.connection();
    const now = deps.clock.now();
    const stored = current(id);
    const artifacts = stored ? repository.artifacts(id) : [];
    const first = withLines ? page(id, {}) : undefined;
    const endMs = Date.parse(interview.startUtc) + interview.durationMinutes * 60_000;
    const base = {
      connection,
      notesOffered: stored?.notesOffered ?? true,
      artifacts: artifacts.map(linkOf),
      entries: first?.lines ?? [],
      ...(first ? { lineCount: first.total } : {}),
    };
    if (stored) {
      const next = stored.state === 'waiting' ? iso(stored.nextMs) : undefined;
      const checkedAt = iso(stored.checkedMs);
      return {
        ...base,
        state: stored.state,
        ...(stored.reason ? { reason: stored.reason } : {}),
        waitingFor: ['waiting', 'gave_up'].includes(stored.state) ? pendingKinds(artifacts) : [],
        ...(next ? { nextCheck: next } : {}),
        ...(checkedAt ? { checkedAt } : {}),
      };
    }
    // Not looked at yet: not over, too old, or the first look is coming.
    if (now < endMs) return { ...base, state: 'not_ended', waitingFor: [] };
    if (now > endMs + meetKeepsMs) return { ...base, state: 'expired', waitingFor: [] };
    if (connection !== 'connected')
      return {
        ...base,
        state: 'blocked',
        reason: connection === 'needs_reconnect' ? 'reconnect' : 'scope_missing',
        waitingFor: [],
      };
    return {
      ...base,
      state: 'waiting',
      waitingFor: [],
      nextCheck: new Date(Math.max(now, endMs + firstLookMs)).toISOString(),
    };
  };

  const view = (id: string) => build(id, true);
  return {
    view,
    lines(id, ask) {
      recruiters(id);
      return page(id, ask);
    },
    status: (id) => build(id, false),
    async checkNow(id) {
      view(id);
      const connection = deps.connection();
      if (connection === 'no_account')
        throw new DeskFailure('unavailable', 'Connect your Google account first: Meet is read with it.');
      if (connection === 'needs_reconnect')
        throw new DeskFailure(
          'unavailable',
          'Reconnect your Google account first: Google access has expired or was revoked.',
        );
      if (connection === 'not_connected')
        throw new DeskFailure(
          'unavailable',
          'Connect Google Meet first: the transcript and links are read with the same permission as attendance.',
        );
      await jobs.lookNow(id);
      return view(id);
    },
    forget(endedBeforeMs) {
      const ids = repository.forget(endedBeforeMs);
      if (ids.length > 0) {
        deps.log.info(`deleted Meet transcripts and links of ${ids.length} interview(s)`);
        changed(ids);
      }
      return ids;
    },
    start() {
      later(() => void jobs.drain());
    },
    drain: () => jobs.drain(),
    dispose() {
      stopListening();
      for (const handle of handles) timers.clear(handle);
      return jobs.dispose();
    },
  };
}
