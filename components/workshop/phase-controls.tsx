'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { Phase } from '@/lib/domain/phases';
import type { ControlState } from '@/lib/domain/workshop';
import { useSession } from '@/lib/stores/session-store';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';

export function PhaseControls({ control }: { control: ControlState }) {
  const t = useTranslations();
  const send = useSession((s) => s.send);
  const [error, setError] = useState<string | null>(null);
  const index = control.enabledPhases.indexOf(control.phase);

  async function run(request: Promise<{ ok: boolean; error?: { code: string } }>) {
    const result = await request;
    setError(result.ok ? null : (result.error?.code ?? 'INTERNAL'));
  }

  return (
    <section
      aria-labelledby="phase-controls-heading"
      className="flex flex-col gap-3 rounded-xl bg-white p-6 shadow-sm"
    >
      <h2 id="phase-controls-heading" className="text-lg font-semibold">
        {t('workshop.phase')}
      </h2>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          disabled={index <= 0}
          onClick={() => run(send('phase:prev', {}))}
        >
          ← {t('facilitator.previous')}
        </Button>
        <Button
          disabled={index >= control.enabledPhases.length - 1}
          onClick={() => run(send('phase:next', {}))}
        >
          {t('facilitator.next')} →
        </Button>
      </div>
      <label className="flex items-center gap-2 text-sm">
        {t('facilitator.goTo')}
        <select
          className="rounded border border-stone-400 bg-white px-2 py-1"
          value={control.phase}
          onChange={(e) => run(send('phase:set', { phase: e.target.value as Phase }))}
        >
          {control.enabledPhases.map((p) => (
            <option key={p} value={p}>
              {t(`phases.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <ErrorMessage code={error} />
    </section>
  );
}
