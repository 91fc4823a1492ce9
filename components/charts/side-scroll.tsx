'use client';

import { useTranslations } from 'next-intl';
import { type ReactNode, useCallback, useState } from 'react';

/**
 * A table wider than a phone, in a region that scrolls sideways: keyboard-reachable, and
 * with a visible cue whenever something lies off-screen, so nothing hides there unseen.
 */
export function SideScroll({ label, children }: { label: string; children: ReactNode }) {
  const t = useTranslations('revealFlow');
  const [overflows, setOverflows] = useState(false);
  const ref = useCallback((el: HTMLDivElement | null) => {
    if (!el || typeof ResizeObserver === 'undefined') return;
    const check = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    const observer = new ResizeObserver(check);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div className="min-w-0">
      {overflows && (
        <p className="mb-1 text-sm text-stone-700" data-testid="swipe-cue">
          {t('swipe')} <span aria-hidden="true">→</span>
        </p>
      )}
      <div
        ref={ref}
        className="max-w-full overflow-x-auto focus-visible:outline focus-visible:outline-2 focus-visible:outline-boot"
        tabIndex={0}
        role="region"
        aria-label={label}
      >
        {children}
      </div>
    </div>
  );
}
