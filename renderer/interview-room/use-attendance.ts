import { useEffect } from 'react';
import type { AttendanceView } from '../../preload/shared/contract/attendance-schema';
import { desk } from '../bridge/desk';
import { useCall } from '../common/use-call';

/** One interview's attendance from Google Meet, read again when main says it changed or the account did. */
export function useAttendance(interviewId: string) {
  const loaded = useCall(() => desk.attendance.get(interviewId));
  const reload = loaded.reload;
  useEffect(
    () => desk.on('attendance:changed', ({ ids }) => void (ids.includes(interviewId) && reload())),
    [interviewId, reload],
  );
  useEffect(() => desk.on('account:changed', () => void reload()), [reload]);
  return loaded;
}

/** Whether Google Meet shows the call still going: someone is in a conference that has no end time yet. */
export function meetCallRunning(view: AttendanceView | undefined): boolean {
  return view?.report?.people.some((p) => p.inCallNow) ?? false;
}
