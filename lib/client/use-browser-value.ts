'use client';

import { useSyncExternalStore } from 'react';

const noSubscription = () => () => undefined;

/**
 * A value only the browser knows (localStorage, the URL fragment), read without a
 * setState-in-effect round trip. On the server, and in the first client render, it is
 * `serverValue`.
 */
export function useBrowserValue<T>(read: () => T, serverValue: T): T {
  return useSyncExternalStore(noSubscription, read, () => serverValue);
}
