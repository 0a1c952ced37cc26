import type { CalendarBusyCheck } from '../../google/find-time/calendar-busy-check';
import type { InterviewCommands } from '../../interviews/interview-commands';
import type { InterviewQueries } from '../../interviews/interview-queries';
import type { NamespaceHandlers } from './namespace-handlers';

/** The schedule: reading, planning, changing and joining interviews. */
export function interviewsHandlers(deps: {
  interviews: InterviewQueries;
  commands: InterviewCommands;
  /** Asked before a save: what Google says about everyone's time then. */
  busyCheck: CalendarBusyCheck;
  join: (id: string, via: 'app' | 'browser') => Promise<{ via: 'app' | 'browser' }>;
}): NamespaceHandlers<'interviews'> {
  const { interviews, commands, busyCheck, join } = deps;
  return {
    'interviews:list': () => interviews.list(),
    'interviews:get': (id) => interviews.get(id),
    'interviews:page': ({ offset, limit, ...window }) => ({
      items: interviews.page(window, offset, limit),
      ...(offset === 0 ? { total: interviews.count(window) } : {}),
    }),
    'interviews:count': (window) => interviews.count(window),
    'interviews:byIds': ({ ids, query }) => interviews.byIds(ids, query),
    'interviews:next': () => interviews.next(),
    'interviews:preview': (input) => interviews.preview(input),
    'interviews:schedule': async (input) => commands.schedule(input, 'recruiter', await busyCheck.forSchedule(input)),
    'interviews:reschedule': async (input) => commands.reschedule(input, await busyCheck.forReschedule(input)),
    'interviews:cancel': (id) => commands.cancel(id),
    'interviews:setMeetLink': ({ id, meetLink }) => commands.setMeetLink(id, meetLink),
    'interviews:join': ({ id, via }) => join(id, via),
    'interviews:sendCalendarChange': (id) => commands.sendCalendarChange(id),
    'interviews:markCalendarChangeTold': (id) => commands.markCalendarChangeTold(id),
    'interviews:setPanel': async ({ id, coInterviewers, acceptConflicts }) =>
      commands.setPanel(id, coInterviewers, {
        acceptConflicts,
        calendars: acceptConflicts ? undefined : await busyCheck.forPanel(id, coInterviewers),
      }),
  };
}
