import type { AttendanceService } from '../../attendance/attendance-service';
import type { InterviewQueries } from '../../interviews/interview-queries';
import type { NamespaceHandlers } from './namespace-handlers';

/** Who came to an interview, as Google Meet recorded it, and who is waiting now. */
export function attendanceHandlers(deps: {
  attendance: AttendanceService;
  interviews: InterviewQueries;
}): NamespaceHandlers<'attendance'> {
  const { attendance, interviews } = deps;
  return {
    // Read through the schedule first: an unknown id is "no longer exists", in the schedule's words.
    'attendance:get': (id) => attendance.view(interviews.get(id).id),
    'attendance:connect': () => attendance.connect(),
    'attendance:waitingNow': () => attendance.waitingNow(),
  };
}
