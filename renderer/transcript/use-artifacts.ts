import { useEffect } from 'react';
import { desk } from '../bridge/desk';
import { useCall } from '../common/use-call';

/**
 * One interview's Meet transcript and links, read again when main says they changed, or the account or
 * the Meet permission (attendance's, which the transcript shares) did.
 */
export function useArtifacts(interviewId: string) {
  const loaded = useCall(() => desk.artifacts.get(interviewId));
  const reload = loaded.reload;
  useEffect(
    () => desk.on('artifacts:changed', ({ ids }) => void (ids.includes(interviewId) && reload())),
    [interviewId, reload],
  );
  useEffect(
    () => desk.on('attendance:changed', ({ ids }) => void (ids.includes(interviewId) && reload())),
    [interviewId, reload],
  );
  useEffect(() => desk.on('account:changed', () => void reload()), [reload]);
  return loaded;
}
