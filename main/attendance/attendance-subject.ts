/**
 * The bridge from a stored interview to what attendance analysis needs: its meeting code, schedule,
 * candidate, and the interviewer side — the recruiter on the interview, the connected Google
 * account (by its Meet `users/{id}`), and co-interviewers when the interview carries them.
 */
import type { Interview } from '../../preload/shared/contract/interview-schema';
import { meetLinkPattern } from '../../preload/shared/contract/interview-schema';
import type { InterviewerIdentity, InterviewForAttendance } from './attendance-analysis';

/** The connected account as attendance needs it. */
export interface AccountIdentity {
  email: string;
  name: string;
  googleId?: string;
}

/** The interviewer side of an interview. */
export function interviewersOf(interview: Interview, account: AccountIdentity | undefined): InterviewerIdentity[] {
  const out: InterviewerIdentity[] = [{ email: interview.recruiter.email, name: interview.recruiter.name }];
  if (account)
    out.push({
      email: account.email,
      name: account.name,
      ...(account.googleId ? { user: `users/${account.googleId}` } : {}),
    });
  // The panel is validated with the record (the contract's schema), so its entries are well formed.
  return [...out, ...interview.coInterviewers.map(({ email, name }) => ({ email, ...(name?.trim() ? { name } : {}) }))];
}

/** The interview's Meet meeting code (`abc-mnop-xyz`), when it has a Meet link. */
export function meetingCodeOf(interview: Interview): string | undefined {
  return interview.meetLink && meetLinkPattern.test(interview.meetLink)
    ? interview.meetLink.slice('https://meet.google.com/'.length)
    : undefined;
}

/** What attendance analysis needs of one interview, or undefined when it cannot have any (no Meet link, a candidate's own copy). */
export function attendanceSubject(
  interview: Interview,
  account: AccountIdentity | undefined,
): InterviewForAttendance | undefined {
  const meetingCode = meetingCodeOf(interview);
  if (!meetingCode || interview.origin !== 'recruiter') return undefined;
  const start = Date.parse(interview.startUtc);
  return {
    meetingCode,
    scheduledStart: interview.startUtc,
    scheduledEnd: new Date(start + interview.durationMinutes * 60_000).toISOString(),
    interviewers: interviewersOf(interview, account),
    candidateName: interview.candidate.name,
  };
}

/**
 * Whether `now` is still the meeting `read` was about (same code, same planned time): what Meet
 * answered while the interview was moved or given a new link is about another meeting.
 */
export function sameMeeting(
  now: InterviewForAttendance | undefined,
  read: Pick<InterviewForAttendance, 'meetingCode' | 'scheduledStart' | 'scheduledEnd'>,
): boolean {
  return (
    now !== undefined &&
    now.meetingCode === read.meetingCode &&
    now.scheduledStart === read.scheduledStart &&
    now.scheduledEnd === read.scheduledEnd
  );
}

/** Where a Meet job finds an interview and the connected account. */
export interface SubjectSource {
  interview: (id: string) => Interview | undefined;
  identity: () => AccountIdentity | undefined;
}

/**
 * The meeting interview `id` is now, as both Meet jobs (attendance, Meet's artifacts) read it before
 * and after asking Meet: undefined when it has none (gone, no Meet link, a candidate's copy) or, with
 * `scheduledOnly`, when it is no longer scheduled.
 */
export function meetingNow(
  source: SubjectSource,
  id: string,
  { scheduledOnly = false }: { scheduledOnly?: boolean } = {},
): InterviewForAttendance | undefined {
  const interview = source.interview(id);
  if (!interview || (scheduledOnly && interview.status !== 'scheduled')) return undefined;
  return attendanceSubject(interview, source.identity());
}
