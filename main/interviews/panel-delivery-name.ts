import type { Interview, RecipientState } from '../../preload/shared/contract/interview-schema';

/**
 * A co-interviewer's delivery state carries their name: from the panel while they are on it, kept
 * from the state before once they are off it (the panel no longer names them, the room still does).
 */
export function withPanelName(
  interview: Interview | undefined,
  address: string,
  state: RecipientState,
): RecipientState {
  if (state.name || !interview) return state;
  const key = address.toLowerCase();
  const name =
    interview.coInterviewers.find((p) => p.email.toLowerCase() === key)?.name ??
    interview.invitations.panel?.[key]?.name;
  return name ? { ...state, name } : state;
}
