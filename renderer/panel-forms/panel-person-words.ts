import type { PanelPerson } from '../../preload/shared/contract/panel-forms-schema';

/** What the room says of one co-interviewer's scorecard: asked, reminded, received, in the room's words. */
export function personStatusWords(person: PanelPerson, time: (iso: string) => string): string {
  switch (person.status) {
    case 'received':
      return `Received ${time(person.receivedAt!)}`;
    case 'reminded':
      return `Reminded ${person.reminders} time${person.reminders === 1 ? '' : 's'}, last ${time(person.remindedAt!)}`;
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
