import type { CalendarSync } from '../../google/calendar/calendar-sync';
import type { NamespaceHandlers } from './namespace-handlers';

/** Syncing with Google Calendar now, and retrying one interview's Calendar change. */
export function googleHandlers(calendar: CalendarSync): NamespaceHandlers<'google'> {
  return {
    'google:syncNow': async () => {
      await calendar.drain();
      return { changed: (await calendar.sync()).changed };
    },
    'google:retry': (id) => calendar.retry(id),
  };
}
