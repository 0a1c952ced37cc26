import { useEffect } from 'react';
import { desk } from '../bridge/desk';
import { useCall } from '../common/use-call';
import { useReloadOnChange } from '../common/use-reload-on-change';

/**
 * One interview's panel form, read again when main says it changed or the account did, and when
 * `loadedFor` (the interview's status and time) changes.
 */
export function usePanelForm(interviewId: string, loadedFor: string) {
  const loaded = useCall(() => desk.panelForms.get(interviewId));
  const reload = loaded.reload;
  useReloadOnChange(loadedFor, reload);
  useEffect(
    () => desk.on('panelForms:changed', ({ ids }) => void (ids.includes(interviewId) && reload())),
    [interviewId, reload],
  );
  useEffect(() => desk.on('account:changed', () => void reload()), [reload]);
  return loaded;
}
