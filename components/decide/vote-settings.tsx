'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { VoteSettings } from '@/lib/domain/votes';
import { useCommand } from '../run/use-command';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';
import { inputClass } from '../ui/field';

/** The facilitator sets the budget, the cap per idea and whether totals hide; closes voting. */
export function VoteSettingsPanel({ settings }: { settings: VoteSettings }) {
  const t = useTranslations('vote');
  const { run, error } = useCommand();
  const [budget, setBudget] = useState(settings.budget);
  const [maxPerIdea, setMax] = useState(settings.maxPerIdea);
  const [hidden, setHidden] = useState(settings.hidden);
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm">
          {t('budget')}
          <input
            type="number"
            min={1}
            max={20}
            className={`${inputClass} w-24`}
            value={budget}
            onChange={(e) => setBudget(Number(e.target.value))}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t('maxPerIdea')}
          <input
            type="number"
            min={1}
            max={budget}
            className={`${inputClass} w-24`}
            value={maxPerIdea}
            onChange={(e) => setMax(Number(e.target.value))}
          />
        </label>
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input type="checkbox" checked={hidden} onChange={(e) => setHidden(e.target.checked)} />
          {t('hideTotals')}
        </label>
        <Button
          variant="secondary"
          onClick={() => run('votes:configure', { budget, maxPerIdea, hidden })}
        >
          {t('save')}
        </Button>
      </div>
      {settings.closed ? (
        <Button variant="secondary" className="self-start" onClick={() => run('votes:reopen', {})}>
          {t('reopen')}
        </Button>
      ) : (
        <Button className="self-start" onClick={() => run('votes:close', {})}>
          {t('close')}
        </Button>
      )}
      <ErrorMessage code={error} />
    </div>
  );
}
