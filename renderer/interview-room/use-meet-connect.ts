import { useState } from 'react';
import type { DeskError } from '../../preload/shared/contract/result';
import { desk } from '../bridge/desk';
import { useFocusAfter, type FocusTarget } from '../common/use-focus-after';
import { askForNotifications } from '../app/browser-notifications';

/**
 * Connect Google Meet (attendance's call: one permission reads attendance and transcripts), as the
 * Attendance panel and the transcript section both offer it: the error in words, then a reload and
 * focus on `target`, since the button is gone and what replaces it depends on Meet.
 */
export function useMeetConnect(reload: () => Promise<unknown>, target: FocusTarget) {
  const [error, setError] = useState<DeskError | undefined>();
  const [connecting, setConnecting] = useState(false);
  const focusAfter = useFocusAfter();
  const connect = async () => {
    setConnecting(true);
    // A candidate waiting is then told in web mode too: the browser asks now, at this press.
    askForNotifications();
    const result = await desk.attendance.connect();
    setConnecting(false);
    if (result.ok) {
      setError(undefined);
      await reload();
      focusAfter(target);
    } else setError(result.error);
  };
  return { connect, connecting, error };
}
