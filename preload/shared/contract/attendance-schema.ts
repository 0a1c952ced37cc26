/**
 * What the renderer may know about Google Meet attendance: the room's view of one interview, the
 * "candidate is waiting" event, and the Analytics figures taken from Meet. Pure zod, no main imports.
 */
import { z } from 'zod';

/** Whether attendance can be read from Google Meet: the Meet scope granted, or what stands in the way. */
export const attendanceConnectionSchema = z.enum(['connected', 'not_connected', 'needs_reconnect', 'no_account']);
export type AttendanceConnection = z.infer<typeof attendanceConnectionSchema>;

const personSchema = z.object({
  displayName: z.string(),
  kind: z.enum(['signedin', 'anonymous', 'phone']),
  /** `unconfirmed`: named like the interviewer side, not proven by the connected account's Meet id. */
  side: z.enum(['interviewer', 'unconfirmed', 'candidate', 'unmatched']),
  matchedBy: z.enum(['account', 'name', 'none']),
  sessions: z.array(z.object({ start: z.string(), end: z.string().optional() })),
  firstJoin: z.string(),
  lateMinutes: z.number(),
  presentMinutes: z.number(),
  inCallNow: z.boolean(),
});

/** One interview's attendance as the room shows it. */
export const attendanceViewSchema = z.object({
  connection: attendanceConnectionSchema,
  /** Where fetching stands; `none` before the first fetch (the interview has not ended, say). */
  fetch: z.object({
    state: z.enum(['none', 'fetched', 'retry', 'blocked', 'failed']),
    at: z.string().optional(),
    /** In the recruiter's words, when something stands in the way. */
    message: z.string().optional(),
  }),
  report: z
    .object({
      conferences: z.number(),
      people: z.array(personSchema),
      interviewerLateMinutes: z.number().optional(),
      candidateLateMinutes: z.number().optional(),
      together: z.object({ start: z.string(), end: z.string(), minutes: z.number() }).optional(),
      outcome: z.enum(['completed', 'candidate_no_show', 'interviewer_no_show', 'neither', 'unconfirmed']),
      final: z.boolean(),
    })
    .optional(),
});
export type AttendanceView = z.infer<typeof attendanceViewSchema>;

/** "Ada Lovelace joined 2 minutes ago and is waiting"; `waiting: false` takes the banner away (the interviewer joined, or the window closed). */
export const candidateWaitingSchema = z.object({
  interviewId: z.string(),
  candidateName: z.string(),
  jobTitle: z.string(),
  waiting: z.boolean(),
  displayName: z.string().optional(),
  since: z.string().optional(),
  /** False when the person waiting could not be matched to the candidate. */
  identified: z.boolean().optional(),
});
export type CandidateWaiting = z.infer<typeof candidateWaitingSchema>;

/**
 * The period's attendance figures. From Meet for interviews whose attendance was read; the others
 * that ended are counted from the app's own join history (`fromAppHistory`), never as no-shows.
 */
export const attendanceFiguresSchema = z.object({
  connection: attendanceConnectionSchema,
  /** Ended interviews whose attendance came from Google Meet. */
  fromMeet: z.number(),
  /** Ended interviews with no Meet attendance: their figures are the app's join history (the fallback). */
  fromAppHistory: z.number(),
  completed: z.number(),
  candidateNoShow: z.number(),
  interviewerNoShow: z.number(),
  /** Nobody joined. */
  neitherJoined: z.number(),
  /** Someone joined who could not be identified: no no-show is declared. */
  unconfirmed: z.number(),
  /** Completed interviews whose conversation began 5 minutes or more after the scheduled start. */
  lateStarts: z.number(),
  /** Median minutes between the scheduled start and both sides being in the call (completed interviews). */
  medianStartDelayMinutes: z.number().nullable(),
  /** Time both sides were in the call (completed interviews). */
  averageMinutes: z.number().nullable(),
  medianMinutes: z.number().nullable(),
  durationBuckets: z.array(z.object({ label: z.string(), count: z.number() })),
});
export type AttendanceFigures = z.infer<typeof attendanceFiguresSchema>;
