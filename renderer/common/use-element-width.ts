import { useCallback, useRef, useState } from 'react';

/** The rendered width of an element in CSS pixels, kept current as it resizes (0 until measured). Pass the ref callback as `ref`. */
export function useElementWidth<T extends HTMLElement>(): [(element: T | null) => void, number] {
  const [width, setWidth] = useState(0);
  const observer = useRef<ResizeObserver | undefined>(undefined);
  const ref = useCallback((element: T | null) => {
    observer.current?.disconnect();
    if (!element) return;
    setWidth(element.getBoundingClientRect().width);
    observer.current = new ResizeObserver(([entry]) => void (entry && setWidth(entry.contentRect.width)));
    observer.current.observe(element);
  }, []);
  return [ref, width];
}
