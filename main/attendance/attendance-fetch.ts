/**
 * Fetching what attendance needs for one interview: the conference records of its meeting code that
 * overlap its window (a reused link has records on other days, which are not read further), then
 * each one's participants and their sessions.
 */
import { attendanceWindow, type AttendanceOptions, type InterviewForAttendance } from './attendance-analysis';
import type { MeetClient, RequestBudget } from './meet-client';
import type { ConferenceAttendance } from './meet-records';

/** A conference left running before the interview (a standing room) is still found if it started within this much before the window. */
const lookBackMs = 12 * 60 * 60_000;

/** Requests one interview's attendance may take: a normal interview needs about ten. */
// A bound, not a tight fit: a meeting of a few hundred people (a talk on the same link) is still read.
export const defaultRequestsPerInterview = 600;

/**
 * The interview's conferences with participants and sessions, oldest first; `running` asks only for
 * conferences still in progress (the waiting-candidate poll). At most `maxRequests` requests in all:
 * past that, a GoogleRequestError 'too_large' (Google's answers are input, and they can be endless).
 */
export async function fetchInterviewConferences(
  client: MeetClient,
  interview: Pick<InterviewForAttendance, 'meetingCode' | 'scheduledStart' | 'scheduledEnd'>,
  options: Omit<AttendanceOptions, 'now'> & { running?: boolean; maxRequests?: number } = {},
): Promise<ConferenceAttendance[]> {
  const { windowStart, windowEnd } = attendanceWindow(interview, options);
  const budget: RequestBudget = { left: options.maxRequests ?? defaultRequestsPerInterview };
  const records = await client.listConferenceRecords({
    meetingCode: interview.meetingCode,
    startedFrom: new Date(windowStart - lookBackMs).toISOString(),
    startedTo: new Date(windowEnd).toISOString(),
    ...(options.running ? { running: true } : {}),
  }, budget);
  const overlapping = records.filter((r) => !r.endTime || Date.parse(r.endTime) > windowStart).sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime));
  const out: ConferenceAttendance[] = [];
  for (const record of overlapping) out.push(await client.fetchAttendance(record, budget));
  return out;
}
