'use client';

import { useState } from 'react';
import type { ClientEventName, ClientPayload } from '@/lib/protocol/events';
import { useSession } from '@/lib/stores/session-store';

/** Sends control-plane events and keeps the last refusal's error code for display. */
export function useCommand() {
  const send = useSession((s) => s.send);
  const [error, setError] = useState<string | null>(null);
  async function run<E extends ClientEventName>(
    event: E,
    payload: ClientPayload<E>,
  ): Promise<boolean> {
    const result = await send(event, payload);
    setError(result.ok ? null : result.error.code);
    return result.ok;
  }
  return { run, error };
}
