import { useCallback, useEffect, useState } from 'react';
import { holdLeave, noteEntry } from '../common/leave-guard';

/** The screens the shell can show; the hash keeps the place across reloads in web mode. */
export type Route =
  | { screen: 'welcome' }
  | { screen: 'schedule' }
  | { screen: 'new-interview' }
  | { screen: 'interview'; id: string }
  | { screen: 'debrief'; id: string; scope: 'interview' | 'candidate' }
  | { screen: 'device-check' }
  | { screen: 'analytics' }
  | { screen: 'settings' }
  | { screen: 'join-preview'; link: string };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Parses `#/screen[/id]` into a Route; anything unknown falls back to null (the default screen). */
export function parseRoute(hash: string): Route | null {
  const parts = hash.replace(/^#\/?/, '').split('/');
  const [name, arg] = parts;
  switch (name) {
    case 'welcome':
    case 'schedule':
    case 'device-check':
    case 'analytics':
    case 'settings':
      if (name === 'schedule' && arg === 'new') return { screen: 'new-interview' };
      return { screen: name };
    case 'interview':
      return arg && uuid.test(arg) ? { screen: 'interview', id: arg } : null;
    case 'debrief':
      // `#/debrief/<id>` is the interview's; `#/debrief/<id>/candidate` every interview with its candidate.
      if (!arg || !uuid.test(arg) || parts.length > 3 || (parts[2] !== undefined && parts[2] !== 'candidate'))
        return null;
      return { screen: 'debrief', id: arg, scope: parts[2] ? 'candidate' : 'interview' };
    case 'join':
      // The invitation link travels encoded; main parses it again before showing or saving anything.
      return arg && parts.length === 2 ? joinRoute(arg) : null;
    default:
      return null;
  }
}

function joinRoute(encoded: string): Route | null {
  try {
    const link = decodeURIComponent(encoded);
    return link.length <= 4096 ? { screen: 'join-preview', link } : null;
  } catch {
    return null;
  }
}

/** The URL hash of a route. */
export function routeHref(route: Route): string {
  if (route.screen === 'interview') return `#/interview/${route.id}`;
  if (route.screen === 'debrief') return `#/debrief/${route.id}${route.scope === 'candidate' ? '/candidate' : ''}`;
  if (route.screen === 'join-preview') return `#/join/${encodeURIComponent(route.link)}`;
  if (route.screen === 'new-interview') return '#/schedule/new';
  return `#/${route.screen}`;
}

/** Tracks the current route in the URL hash. */
export function useHashRoute(): [Route | null, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    // Unsaved edits on show hold the move until the person says to discard them.
    noteEntry();
    const onChange = (event: HashChangeEvent) => {
      if (holdLeave(new URL(event.oldURL).hash, new URL(event.newURL).hash)) return;
      noteEntry();
      setRoute(parseRoute(window.location.hash));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: Route) => void (window.location.hash = routeHref(next)), []);
  return [route, navigate];
}

/** Navigates without the hook (for deep components). */
export function navigateTo(route: Route): void {
  window.location.hash = routeHref(route);
}
