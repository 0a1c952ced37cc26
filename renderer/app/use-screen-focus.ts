import { useEffect, useRef, useState } from 'react';

const waitLimitMs = 5000;

/**
 * Focus follows navigation: when the screen changes (its key is the route), focus moves to the new
 * screen's <h1> (made focusable with tabIndex=-1) and its name is returned for a polite live region,
 * so keyboard and screen-reader users land on, and hear, the new screen instead of <body>. A screen
 * that loads its data first gets its heading later: a MutationObserver waits for it (bounded).
 * The first screen after start-up is left alone (the page's own start is the right place there).
 */
export function useScreenFocus(screenKey: string, containerId: string): string {
  const [announcement, setAnnouncement] = useState('');
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const container = document.getElementById(containerId);
    if (!container) return;
    const focusHeading = () => {
      const heading = container.querySelector('h1');
      if (!heading) return false;
      heading.tabIndex = -1;
      heading.focus();
      setAnnouncement(heading.textContent ?? '');
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => void (focusHeading() && observer.disconnect()));
    observer.observe(container, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), waitLimitMs);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [screenKey, containerId]);
  return announcement;
}
