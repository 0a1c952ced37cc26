import type { Notice } from '../../preload/shared/contract/ipc-contract';
import type { EventHub } from '../shared/event-hub';

/** Messages for the person that outlive the moment they happen (e.g. a store recovered at start-up). */
export interface NoticeBoard {
  post(notice: Notice): void;
  list(): Notice[];
  dismiss(id: string): void;
}

/** Creates the notice board; posting also pushes `app:notice` to open windows. */
export function createNoticeBoard(events: EventHub, initial: Notice[] = []): NoticeBoard {
  const notices = new Map(initial.map((n) => [n.id, n]));
  return {
    post(notice) {
      notices.set(notice.id, notice);
      events.emit('app:notice', notice);
    },
    list: () => [...notices.values()],
    dismiss: (id) => void notices.delete(id),
  };
}
