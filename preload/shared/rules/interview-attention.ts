import type { CalendarChange, Interview } from '../contract/interview-schema';

/** Where an interview's Meet link stands: there, being created by Google Calendar, or missing. */
export function meetLinkState(interview: Interview): 'ready' | 'creating' | 'missing' {
  if (interview.meetLink) return 'ready';
  // A Calendar event still on its way to Google gets its Meet link with it: nothing to do but wait.
  if (interview.status === 'scheduled' && interview.google?.state === 'pending') return 'creating';
  return 'missing';
}

/** The attention a move or cancel made in Google Calendar needs until people are told (or said to know). */
function untoldChangeReason(change: CalendarChange): string {
  // After restoring a copy nobody knows whether the change was emailed (it may be the app's own).
  if (change.afterRestore)
    return 'Google Calendar differs from the restored copy: check whether people were told (in the room)';
  return change.kind === 'cancelled'
    ? 'Cancelled in Google Calendar: nobody emailed yet (Send cancellation in the room)'
    : 'Moved in Google Calendar: nobody emailed yet (Send update in the room)';
}

/**
 * Why an interview needs the recruiter's attention (the "Needs attention" badge), said with what to
 * do about it, or undefined. A Meet link Google is still creating needs no attention.
 */
export function attentionReason(interview: Interview): string | undefined {
  const change = interview.google?.calendarChange;
  // A cancel made in Calendar and not emailed still needs doing: "Cancelled" alone reads as if everyone knows.
  if (interview.status === 'cancelled') return change ? untoldChangeReason(change) : undefined;
  const failed = (['candidate', 'recruiter'] as const).find((r) => interview.invitations[r].state === 'failed');
  if (failed) return `Invitation to the ${failed} failed`;
  if (interview.google?.state === 'failed') return 'Google Calendar update failed';
  if (change) return untoldChangeReason(change);
  if (interview.google?.attendeeDeclined) return 'The candidate declined';
  const link = meetLinkState(interview);
  if (link === 'creating') return undefined;
  if (interview.google?.state === 'pending') return 'Waiting for Google';
  if (link === 'missing') return 'No Meet link yet: paste one so the invitation can go out and everyone can join';
  return undefined;
}

/**
 * The room's notice when the link is missing because Google Calendar holds a video link that is not
 * Meet (someone replaced it there), or undefined for any other cause.
 */
export function unusableLinkNotice(interview: Interview): string | undefined {
  if (interview.meetLink || !interview.google?.unusableMeetLink) return undefined;
  return 'Google Calendar has a video link for this interview that is not a Google Meet link, so Interview Desk will not open it or send it to anyone. Check the event in Google Calendar, or paste a Meet link below.';
}

/** What to do about a missing Meet link, in the room's words; the cause is said once (by the notice, when there is one). */
export function missingLinkAdvice(interview: Interview): string {
  const todo =
    'Create one at meet.google.com (New meeting → Create a meeting for later), paste it below and choose Save link: the invitation then goes out with it.';
  if (unusableLinkNotice(interview)) return `To replace it, ${todo.charAt(0).toLowerCase()}${todo.slice(1)}`;
  const why = interview.google
    ? 'Google Calendar did not create a Meet link for this interview.'
    : 'This interview was saved without Google, so it has no Meet link.';
  return `${why} ${todo}`;
}
