import type { MailKind } from '../mail-kinds';
import type { PreviousTime } from '../message-content';

/** A message still waiting for one person (not the one being handed over). */
export interface WaitingMessage {
  key: string;
  kind: MailKind;
  previous?: PreviousTime;
}

/**
 * What a new message of `kind` does to one person's waiting messages: the keys it removes, then
 * `add` (queued, with the "was" an update carries), `skip` (nothing new is queued) or
 * `nothing-to-cancel` (the person is left with nothing sent and nothing waiting).
 */
export type SupersedeDecision =
  | { action: 'add'; remove: string[]; previous?: PreviousTime }
  | { action: 'skip'; remove: string[] }
  | { action: 'nothing-to-cancel'; remove: string[] };

/** Decides how a new message of `kind` for one person meets what still waits for them. */
export function supersede(
  waiting: readonly WaitingMessage[],
  kind: MailKind,
  previous?: PreviousTime,
): SupersedeDecision {
  const all = waiting.map((m) => m.key);
  const unsentInvitation = waiting.some((m) => m.kind === 'invitation');
  // Taken off the panel and put back before the notice went out: it is no longer true, so it goes.
  if (kind === 'invitation')
    return { action: 'add', remove: waiting.filter((m) => m.kind === 'cancellation').map((m) => m.key) };
  if (kind === 'update' && unsentInvitation) return { action: 'skip', remove: [] }; // the queued invitation will carry the new time
  // Never sent an invitation: nothing to cancel for this person.
  if (kind === 'cancellation' && unsentInvitation) return { action: 'nothing-to-cancel', remove: all };
  // Supersede: an update or cancellation replaces whatever older message still waits for this person.
  if (kind === 'cancellation') return { action: 'add', remove: all };
  if (kind !== 'update') return { action: 'add', remove: [] };
  // An unsent update already knows what this person was last told: that stays the "was" for
  // everything it speaks of; what only the newer change knows (a link, the panel) is added.
  const unsent = waiting.find((m) => m.kind === 'update' && m.previous)?.previous;
  const told = unsent ? { ...previous, ...unsent } : previous;
  return { action: 'add', remove: all, ...(told ? { previous: told } : {}) };
}
