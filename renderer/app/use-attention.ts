import { useEffect, useRef } from 'react';
import { notifyInBrowser } from './browser-notifications';

/** Something that needs the person now: a candidate waiting, a reminder. */
export interface AttentionItem {
  key: string;
  /** Worded when it is told (a wait's minutes count from then). */
  title: (now: number) => string;
  body: string;
  onOpen: () => void;
  /** Counted in the title but never notified: it was told already (a window reopened after it). */
  quiet?: boolean;
}

const baseTitle = document.title || 'Interview Desk';

/**
 * What a person notices without looking at the page: the tab's (or window's) title carries a count
 * while something needs them ("(1) Interview Desk"), and each new item is one browser notification in
 * web mode (the desktop app's notifications are native, from main).
 */
export function useAttention(items: AttentionItem[]): void {
  const told = useRef(new Set<string>());
  const count = items.length;
  useEffect(() => {
    document.title = count > 0 ? `(${count}) ${baseTitle}` : baseTitle;
  }, [count]);
  useEffect(() => {
    for (const item of items) {
      if (told.current.has(item.key)) continue;
      told.current.add(item.key);
      if (item.quiet) continue;
      notifyInBrowser({ title: item.title(Date.now()), body: item.body, tag: item.key, onClick: item.onOpen });
    }
  }, [items]);
}
