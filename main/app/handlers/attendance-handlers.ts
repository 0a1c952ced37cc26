import type { AttendanceService } from '../../attendance/attendance-service';
import type { InterviewService } from '../../interviews/interview-service';
import type { NamespaceHandlers } from './namespace-handlers';

/** Who came to an interview, as Google Meet recorded it, and who is waiting now. */
export function attendanceHandlers(deps: { attendance: AttendanceService; interviews: Pick<InterviewService, 'get'> }): NamespaceHandlers<'attendance'> {
  const { attendance, interviews } = deps;
  return {
    // Read through the schedule first: an unknown id is "no longer exists", in the schedule's words.
    'attendance:get': (id) => attendance.view(interviews.get(id).id),
    'attendance:connect': () => attendance.connect(),
    'attendance:waitingNow': () => attendance.waitingNow(),
  };
}
