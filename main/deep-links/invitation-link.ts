import { meetLinkPattern, type Interview } from '../../preload/shared/contract/interview-schema';

/** Whom an invitation link is for: the candidate joins, a co-interviewer sits on the panel. */
export type InvitationRole = 'candidate' | 'panelist';

const hosts: Record<InvitationRole, string> = { candidate: 'join', panelist: 'panel' };

/**
 * The "If you have Interview Desk" link of an invitation, for the person who reads it: the
 * candidate's `join` link, or a co-interviewer's `panel` link that also names the candidate. Built
 * from validated parts only (the Meet code checked against the Meet pattern, the start instant, the
 * length, the title), URL-encoded; `parseDeepLink` reads both back.
 */
export function invitationLink(
  interview: Pick<Interview, 'meetLink' | 'startUtc' | 'durationMinutes' | 'jobTitle' | 'candidate'>,
  role: InvitationRole,
): string {
  const params = new URLSearchParams();
  if (interview.meetLink && meetLinkPattern.test(interview.meetLink))
    params.set('meet', interview.meetLink.slice('https://meet.google.com/'.length));
  params.set('start', interview.startUtc);
  params.set('duration', String(interview.durationMinutes));
  params.set('title', `${interview.jobTitle} interview`.slice(0, 200));
  if (role === 'panelist') params.set('candidate', interview.candidate.name.slice(0, 100));
  return `interview-desk://${hosts[role]}?${params.toString()}`;
}
