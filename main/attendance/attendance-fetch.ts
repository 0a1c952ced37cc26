/**
 * Fetching what attendance needs for one interview: the conference records of its meeting code that
 * overlap its window (a reused link has records on other days, which are not read further), then
 * each one's participants and their sessions. Only people whose sessions meet the interview's
 * window are kept (a reused link's other meeting, held in the same conference, is not the
 * interview's business), and someone whose stay lies wholly outside it is not read further.
 */
import {
  attendanceWindow,
  meetsWindow,
  type AttendanceOptions,
  type InterviewForAttendance,
} from './attendance-analysis';
import type { MeetClient, RequestBudget } from './meet-client';
import type { ConferenceAttendance, ConferenceRecord, MeetParticipant, MeetSession } from './meet-records';

/** A conference left running before the interview (a standing room) is still found if it started within this much before the window. */
const lookBackMs = 12 * 60 * 60_000;

/** Requests one interview's attendance may take: a normal interview needs about ten. */
// A bound, not a tight fit: a meeting of a few hundred people (a talk on the same link) is still read.
export const defaultRequestsPerInterview = 600;

/**
 * Sessions already read, by participant: Meet changes a participant's `earliestStartTime` or
 * `latestEndTime` whenever they join or leave, so while both are as they were, so are the sessions
 * that matter (a repeated poll then asks only for the participant list).
 */
export type SessionCache = Map<string, { earliestStartTime?: string; latestEndTime?: string; sessions: MeetSession[] }>;

type Window = ReturnType<typeof attendanceWindow>;
const at = (instant: string | undefined) => (instant === undefined ? undefined : Date.parse(instant));

/** One conference's people who were there during the window, each with the sessions that meet it. */
async function readConference(
  client: MeetClient,
  record: ConferenceRecord,
  window: Window,
  budget: RequestBudget,
  cache: SessionCache | undefined,
): Promise<ConferenceAttendance> {
  const recordEnd = at(record.endTime);
  const participants: ConferenceAttendance['participants'] = [];
  for (const participant of await client.listParticipants(record.name, budget)) {
    if (!stayMeets(participant, window)) continue;
    const cached = cache?.get(participant.name);
    const unchanged =
      cached &&
      cached.earliestStartTime === participant.earliestStartTime &&
      cached.latestEndTime === participant.latestEndTime;
    const sessions = unchanged ? cached.sessions : await client.listSessions(participant.name, budget);
    cache?.set(participant.name, { ...pick(participant), sessions });
    // A session still open in an ended conference ended with it.
    const kept = sessions.filter((s) => meetsWindow(window, Date.parse(s.startTime), at(s.endTime) ?? recordEnd));
    if (kept.length > 0) participants.push({ participant, sessions: kept });
  }
  return { record, participants };
}

/** Whether a participant's first join to last leave meets the window (unknown bounds are read, never guessed). */
function stayMeets(participant: MeetParticipant, window: Window): boolean {
  const first = at(participant.earliestStartTime);
  return first === undefined || meetsWindow(window, first, at(participant.latestEndTime));
}

const pick = (p: MeetParticipant) => ({
  ...(p.earliestStartTime ? { earliestStartTime: p.earliestStartTime } : {}),
  ...(p.latestEndTime ? { latestEndTime: p.latestEndTime } : {}),
});

/**
 * The conference records of the interview's meeting code that meet its window, oldest first: the
 * records attendance reads, and Meet's artifacts (transcripts, recordings, notes) hang from.
 */
export async function findInterviewConferences(
  client: MeetClient,
  interview: Pick<InterviewForAttendance, 'meetingCode' | 'scheduledStart' | 'scheduledEnd'>,
  options: Omit<AttendanceOptions, 'now'> & { running?: boolean },
  budget: RequestBudget,
): Promise<ConferenceRecord[]> {
  const window = attendanceWindow(interview, options);
  const records = await client.listConferenceRecords(
    {
      meetingCode: interview.meetingCode,
      startedFrom: new Date(window.windowStart - lookBackMs).toISOString(),
      startedTo: new Date(window.windowEnd).toISOString(),
      ...(options.running ? { running: true } : {}),
    },
    budget,
  );
  return records
    .filter((r) => meetsWindow(window, Date.parse(r.startTime), at(r.endTime)))
    .sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime));
}

/**
 * The interview's conferences with the participants and sessions that meet its window, oldest
 * first; `running` asks only for conferences still in progress (the waiting-candidate poll), and
 * `sessions` reuses what an earlier poll read. At most `maxRequests` requests in all: past that, a
 * GoogleRequestError 'too_large' (Google's answers are input, and they can be endless).
 */
export async function fetchInterviewConferences(
  client: MeetClient,
  interview: Pick<InterviewForAttendance, 'meetingCode' | 'scheduledStart' | 'scheduledEnd'>,
  options: Omit<AttendanceOptions, 'now'> & { running?: boolean; maxRequests?: number; sessions?: SessionCache } = {},
): Promise<ConferenceAttendance[]> {
  const window = attendanceWindow(interview, options);
  const budget: RequestBudget = { left: options.maxRequests ?? defaultRequestsPerInterview };
  const overlapping = await findInterviewConferences(client, interview, options, budget);
  const out: ConferenceAttendance[] = [];
  for (const record of overlapping) out.push(await readConference(client, record, window, budget, options.sessions));
  return out;
}
