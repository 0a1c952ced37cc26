/**
 * What the room and the debrief say of one co-interviewer's scorecard request: asked, reminded,
 * received, or why not asked. One source of words for the panel section, the debrief and its text.
 */
import type { PanelFormsConnection, PanelPerson } from '../contract/panel-forms-schema';

/** "reminded once, Mon 7 Dec, 09:00 EST" or "reminded 3 times, last …". */
function remindedWords(person: PanelPerson, time: (iso: string) => string): string {
  const when = person.remindedAt ? time(person.remindedAt) : '';
  if (person.reminders <= 1) return `reminded once${when ? `, ${when}` : ''}`;
  return `reminded ${person.reminders} times${when ? `, last ${when}` : ''}`;
}

/** What the room says of one co-interviewer's scorecard: asked, reminded, received, in the room's words. */
export function personStatusWords(person: PanelPerson, time: (iso: string) => string): string {
  switch (person.status) {
    case 'received':
      return `Received ${time(person.receivedAt!)}`;
    case 'reminded': {
      // When they were first asked stays in view beside the reminders.
      const reminded = remindedWords(person, time);
      return person.askedAt
        ? `Asked ${time(person.askedAt)} · ${reminded}`
        : reminded[0]!.toUpperCase() + reminded.slice(1);
    }
    case 'asked':
      return `Asked ${time(person.askedAt!)}`;
    case 'skipped':
      return 'Not asked: did not join the meeting';
    case 'failed':
      return 'The email did not go and is not tried again on its own';
    case 'waiting':
      return person.nextAt ? `To be asked ${time(person.nextAt)}` : 'Not asked';
  }
}

const notConnectedWords: Record<Exclude<PanelFormsConnection, 'connected'>, string> = {
  not_connected: 'Google Forms not connected',
  needs_reconnect: 'reconnect your Google account',
  no_account: 'no Google account connected',
};

/**
 * The debrief's words for a co-interviewer with no scorecard yet: whether they were asked at all
 * ("Not asked yet (Google Forms not connected)"), or asked and not answered.
 */
export function awaitedScorecardWords(
  person: PanelPerson,
  connection: PanelFormsConnection,
  time: (iso: string) => string,
): string {
  switch (person.status) {
    case 'waiting': {
      if (connection !== 'connected') return `Not asked yet (${notConnectedWords[connection]})`;
      return person.nextAt ? `Not asked yet: to be asked ${time(person.nextAt)}` : 'Not asked yet';
    }
    case 'asked':
      return `Asked ${time(person.askedAt!)}, no answer yet`;
    case 'reminded':
      return person.askedAt
        ? `Asked ${time(person.askedAt)}, no answer yet · ${remindedWords(person, time)}`
        : `No answer yet · ${remindedWords(person, time)}`;
    default:
      return personStatusWords(person, time);
  }
}
