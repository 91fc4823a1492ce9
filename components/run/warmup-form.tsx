'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import type { WorkshopState, You } from '@/lib/domain/workshop';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';
import { useCommand } from './use-command';
import { ZeroToTen } from './zero-to-ten';
import { WarmupResultsView } from './warmup-results';

/** A participant's two warm-up questions; the results once the facilitator closes them. */
export function WarmupForm({ state, you }: { state: WorkshopState; you: You }) {
  const t = useTranslations('warmup');
  const { run, error } = useCommand();
  const [workplace, setWorkplace] = useState<number | null>(you.warmup?.workplace ?? null);
  const [customers, setCustomers] = useState<number | null>(you.warmup?.customers ?? null);
  const [saved, setSaved] = useState(false);

  if (state.control.warmupClosed) return <WarmupResultsView results={state.warmup.results} />;
  if (you.role === 'facilitator' || you.role === 'observer') return <p>{t('waiting')}</p>;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (workplace === null || customers === null) return;
    setSaved(await run('warmup:answer', { workplace, customers }));
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-5">
      <ZeroToTenField
        name="workplace"
        legend={t('q1')}
        value={workplace}
        onChange={(v) => {
          setWorkplace(v);
          setSaved(false);
        }}
      />
      <ZeroToTenField
        name="customers"
        legend={t('q2')}
        value={customers}
        onChange={(v) => {
          setCustomers(v);
          setSaved(false);
        }}
      />
      <ErrorMessage code={error} />
      <Button
        type="submit"
        disabled={workplace === null || customers === null}
        className="self-start"
      >
        {t('save')}
      </Button>
      <p aria-live="polite" className="text-sm">
        {saved ||
        (you.warmup && workplace === you.warmup.workplace && customers === you.warmup.customers)
          ? t('saved')
          : ''}
      </p>
      <p className="text-sm text-stone-700">{t('waiting')}</p>
    </form>
  );
}

function ZeroToTenField(props: {
  name: string;
  legend: string;
  value: number | null;
  onChange: (v: number) => void;
}) {
  const t = useTranslations('warmup');
  return <ZeroToTen {...props} low={t('low')} high={t('high')} />;
}
