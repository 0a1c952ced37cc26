import { useEffect, useState } from 'react';

/** The screens the shell can show; the hash keeps the place across reloads in web mode. */
export type Route =
  | { screen: 'welcome' }
  | { screen: 'schedule' }
  | { screen: 'device-check' }
  | { screen: 'analytics' }
  | { screen: 'settings' };

const screens = ['welcome', 'schedule', 'device-check', 'analytics', 'settings'] as const;

/** Parses `#/screen` into a Route; anything unknown falls back to null (the default screen). */
export function parseRoute(hash: string): Route | null {
  const name = hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return (screens as readonly string[]).includes(name) ? ({ screen: name } as Route) : null;
}

/** The URL hash of a route. */
export function routeHref(route: Route): string {
  return `#/${route.screen}`;
}

/** Tracks the current route in the URL hash. */
export function useHashRoute(): [Route | null, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [route, (next) => void (window.location.hash = routeHref(next))];
}
