import { useEffect, useRef, useState } from 'react';

/**
 * Whether a sideways scroller has more to the right: the cue shows while some of its
 * content is off to the right, and goes once it has been seen.
 */
export function useScrollCue<E extends HTMLElement>() {
  const scroller = useRef<E>(null);
  const [scroll, setScroll] = useState({ overflows: false, atEnd: true });

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () =>
      setScroll({
        overflows: el.scrollWidth > el.clientWidth + 1,
        atEnd: el.scrollLeft + el.clientWidth >= el.scrollWidth - 1,
      });
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(el);
    return () => {
      el.removeEventListener('scroll', measure);
      observer?.disconnect();
    };
  }, []);

  return { scroller, showCue: scroll.overflows && !scroll.atEnd };
}
