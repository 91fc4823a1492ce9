'use client';

import { type RefCallback, useCallback, useState } from 'react';

/**
 * The content width of an element, in CSS pixels, kept current as it resizes; null until
 * measured (server render, and browsers or tests without ResizeObserver).
 */
export function useWidth<T extends HTMLElement>(): [RefCallback<T>, number | null] {
  const [width, setWidth] = useState<number | null>(null);
  const ref = useCallback((el: T | null) => {
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
