'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { saveFacilitatorKey } from '@/lib/client/credentials';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';
import { fetchServed } from '@/lib/client/fetch-served';

/** "Run again": a new workshop on the same path, opened with the same key, for comparison. */
export function RunAgain({
  workshopId,
  facilitatorKey,
}: {
  workshopId: string;
  facilitatorKey: string;
}) {
  const t = useTranslations('runs');
  const [carry, setCarry] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start() {
    setBusy(true);
    setError(null);
    const res = await fetchServed(`/api/workshops/${workshopId}/rerun`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${facilitatorKey}` },
      body: JSON.stringify({ carryActions: carry }),
    }).catch(() => null);
    const body = (await res?.json().catch(() => null)) as
      { id: string; facilitatorUrl: string } | { error: { code: string } } | null;
    if (!res?.ok || !body || 'error' in body) {
      setError(body && 'error' in body ? body.error.code : 'network');
      setBusy(false);
      return;
    }
    saveFacilitatorKey(body.id, facilitatorKey);
    window.location.assign(body.facilitatorUrl);
  }

  return (
    <section
      aria-labelledby="run-again-heading"
      className="no-print flex flex-col gap-3 rounded-xl bg-white p-4 shadow-sm"
    >
      <h2 id="run-again-heading" className="text-lg font-semibold">
        {t('again')}
      </h2>
      <p className="text-sm">{t('againHelp')}</p>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={carry} onChange={(e) => setCarry(e.target.checked)} />
        {t('carry')}
      </label>
      <div className="flex flex-wrap gap-3">
        <Button onClick={start} disabled={busy}>
          {t('start')}
        </Button>
        <a href={`/w/${workshopId}/compare`} className="self-center text-blue-800 underline">
          {t('compare')}
        </a>
      </div>
      <ErrorMessage code={error} />
    </section>
  );
}
