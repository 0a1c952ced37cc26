import { useCallback, useEffect, useState } from 'react';

/** How long an action's result may take to appear (an answer from main, a form that opens). */
const waitLimitMs = 5000;

/** Finds, once React has rendered the action's outcome, the element focus belongs on. */
export type FocusTarget = () => HTMLElement | null | undefined;

/**
 * Focuses what `find` returns as soon as it is on the page, waiting (bounded) for it to appear.
 * An element that is not a control is made focusable (tabIndex -1) so that it can hold focus.
 * Returns a function that stops waiting.
 */
export function focusWhenShown(find: FocusTarget, limitMs = waitLimitMs): () => void {
  const attempt = () => {
    const target = find();
    if (!target?.isConnected) return false;
    if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.tabIndex = -1;
    target.focus();
    return true;
  };
  if (attempt()) return () => undefined;
  const observer = new MutationObserver(() => void (attempt() && stop()));
  const timer = setTimeout(() => stop(), limitMs);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(document.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['hidden', 'disabled'],
  });
  return stop;
}

/**
 * The app's one way to place focus after an action adds or removes controls: `focusAfter(find)`
 * waits until React has rendered the action's outcome, then focuses the new field, the result, or
 * the control that now stands where the removed one was — so focus never falls to <body> and never
 * stays on a button while what it made appears elsewhere.
 */
export function useFocusAfter(): (find: FocusTarget) => void {
  const [request, setRequest] = useState<{ find: FocusTarget } | undefined>();
  useEffect(() => (request ? focusWhenShown(request.find) : undefined), [request]);
  return useCallback((find: FocusTarget) => setRequest({ find }), []);
}
