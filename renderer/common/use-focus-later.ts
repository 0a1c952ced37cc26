import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Focus for after an action that removes or replaces the focused control (a form that goes away, a
 * button that disappears): `request()` focuses the ref's element once React has rendered it, so focus
 * lands on the result instead of falling to <body>. The element needs tabIndex={-1} unless it is a control.
 */
export function useFocusLater<T extends HTMLElement>(): [RefObject<T | null>, () => void] {
  const ref = useRef<T>(null);
  const [requests, setRequests] = useState(0);
  useEffect(() => {
    if (requests > 0) ref.current?.focus();
  }, [requests]);
  return [ref, () => setRequests((n) => n + 1)];
}
