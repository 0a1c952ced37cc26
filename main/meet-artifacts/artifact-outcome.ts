/**
 * What one look at Meet means for an interview: everything found is ready (complete), the call ended
 * with nothing turned on (nothing), something is still to come (waiting, with the next look), or it
 * did not come within the 6 hours (gave up). Pure: the job stores what this decides.
 */
import type { ArtifactKind, ArtifactsReason } from '../../preload/shared/contract/transcript-schema';
import type { MeetArtifact } from './artifact-records';
import { meetKeepsMs, nextLookAt, nothingSettlesMs } from './artifact-schedule';

/** What a look found. */
export interface Look {
  now: number;
  /** The interview's scheduled end: the schedule counts from it while no call has ended. */
  scheduledEndMs: number;
  /** The interview's conference records (ended or running), with Google's expiry when given. */
  conferences: Array<{ endMs?: number; expireMs?: number }>;
  artifacts: Array<Pick<MeetArtifact, 'kind' | 'state'>>;
}

/** Where the interview stands after a look. */
export interface Judgement {
  state: 'waiting' | 'complete' | 'nothing' | 'gave_up';
  reason?: ArtifactsReason;
  /** The call's end (or the scheduled end while none ended): what the schedule counts from. */
  endedMs: number;
  expireMs: number;
  /** The next look (0: none). */
  nextMs: number;
}

/** The kinds found but not ready yet. */
export function pendingKinds(artifacts: Look['artifacts']): ArtifactKind[] {
  return [...new Set(artifacts.filter((a) => a.state !== 'FILE_GENERATED').map((a) => a.kind))];
}

/** Judges one look. */
export function judgeLook(look: Look): Judgement {
  const running = look.conferences.some((c) => c.endMs === undefined);
  const ends = look.conferences.map((c) => c.endMs).filter((e): e is number => e !== undefined);
  const endedMs = !running && ends.length > 0 ? Math.max(...ends) : look.scheduledEndMs;
  const expiries = look.conferences.map((c) => c.expireMs).filter((e): e is number => e !== undefined);
  const expireMs = expiries.length > 0 ? Math.min(...expiries) : endedMs + meetKeepsMs;
  const found = look.artifacts.length > 0;
  const nothingReason: ArtifactsReason = look.conferences.length === 0 ? 'no_conference' : 'not_turned_on';
  const pending = pendingKinds(look.artifacts).length > 0;
  const base = { endedMs, expireMs };
  if (!running && !pending && (found || look.now >= endedMs + nothingSettlesMs))
    return found
      ? { ...base, state: 'complete', nextMs: 0 }
      : { ...base, state: 'nothing', reason: nothingReason, nextMs: 0 };
  const reason: ArtifactsReason | undefined = running ? 'call_running' : found ? undefined : nothingReason;
  const next = nextLookAt(endedMs, look.now, expireMs);
  if (next !== undefined) return { ...base, state: 'waiting', ...(reason ? { reason } : {}), nextMs: next };
  if (!found && !running) return { ...base, state: 'nothing', reason: nothingReason, nextMs: 0 };
  return { ...base, state: 'gave_up', ...(reason ? { reason } : {}), nextMs: 0 };
}
