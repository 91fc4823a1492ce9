'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';
import { fetchServed } from '@/lib/client/fetch-served';

/**
 * Lets a facilitator practise alone: fills the room with simulated participants who
 * answer, rate, write and vote as the phases go by. Offered in the lobby only.
 */
export function SimulatedPeople({
  workshopId,
  facilitatorKey,
}: {
  workshopId: string;
  facilitatorKey: string;
}) {
  const t = useTranslations('simulated');
  const [added, setAdded] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function add() {
    setBusy(true);
    setError(null);
    try {
      const res = await fetchServed(`/api/workshops/${workshopId}/simulated`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${facilitatorKey}` },
        body: '{}',
      });
      const body = (await res.json()) as {
        participants?: unknown[];
        error?: { code: string };
      };
      if (res.ok) setAdded(body.participants?.length ?? 0);
      else setError(body.error?.code ?? 'INTERNAL');
    } catch {
      setError('INTERNAL');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="simulated-heading" className="flex flex-col gap-2">
      <h2 id="simulated-heading" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      <p className="text-sm">{t('help')}</p>
      {added === null ? (
        <Button
          variant="secondary"
          className="self-start"
          disabled={busy}
          onClick={() => void add()}
        >
          {t('add')}
        </Button>
      ) : (
        <p role="status" data-testid="simulated-added">
          {t('added', { count: added })}
        </p>
      )}
      {error === 'INVALID_TRANSITION' ? (
        <p role="status">{t('already')}</p>
      ) : (
        <ErrorMessage code={error} />
      )}
    </section>
  );
}
