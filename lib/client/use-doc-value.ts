'use client';

import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/**
 * A value read from a Y.Doc that re-renders the component on every document change.
 * `read` runs once per change, not once per render.
 */
export function useDocValue<T>(doc: Y.Doc | null, read: (doc: Y.Doc) => T, empty: T): T {
  const version = useRef(0);
  const cache = useRef<{ doc: Y.Doc; version: number; value: T } | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => undefined;
      const handler = () => {
        version.current++;
        onChange();
      };
      doc.on('update', handler);
      return () => doc.off('update', handler);
    },
    [doc],
  );
  const snapshot = () => {
    if (!doc) return empty;
    const c = cache.current;
    if (c && c.doc === doc && c.version === version.current) return c.value;
    const value = read(doc);
    cache.current = { doc, version: version.current, value };
    return value;
  };
  return useSyncExternalStore(subscribe, snapshot, () => empty);
}
