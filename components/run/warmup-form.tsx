'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, type ReactNode, useState } from 'react';
import type { WorkshopState, You } from '@/lib/domain/workshop';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';
import type { DoneGuard } from './ready-button';
import { useCommand } from './use-command';
import { ZeroToTen } from './zero-to-ten';
import { WarmupResultsView } from './warmup-results';

/**
 * A participant's two warm-up questions; the results once the facilitator closes them.
 * `ready` renders "I'm done", which saves both answers first (a pick is never lost to a
 * missed "Save") and says so when only one is picked.
 */
export function WarmupForm({
  state,
  you,
  ready = () => null,
}: {
  state: WorkshopState;
  you: You;
  ready?: (guard?: DoneGuard) => ReactNode;
}) {
  const t = useTranslations('warmup');
  const { run, error } = useCommand();
  const [workplace, setWorkplace] = useState<number | null>(you.warmup?.workplace ?? null);
  const [customers, setCustomers] = useState<number | null>(you.warmup?.customers ?? null);
  const [saved, setSaved] = useState(false);

  if (state.control.warmupClosed) {
    return (
      <>
        <WarmupResultsView results={state.warmup.results} />
        {ready()}
      </>
    );
  }
  if (you.role === 'facilitator' || you.role === 'observer') {
    return (
      <>
        <p>{t('waiting')}</p>
        {ready()}
      </>
    );
  }

  const stored =
    saved ||
    (you.warmup !== null &&
      workplace === you.warmup.workplace &&
      customers === you.warmup.customers);

  async function save(): Promise<boolean> {
    if (workplace === null || customers === null) return false;
    const ok = await run('warmup:answer', { workplace, customers });
    setSaved(ok);
    return ok;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    await save();
  }

  const empty = workplace === null && customers === null;
  const guard: DoneGuard = {
    missing: (workplace === null) !== (customers === null) ? t('incomplete') : null,
    empty,
    save: () => (stored || empty ? Promise.resolve(true) : save()),
  };

  return (
    <>
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
        <p aria-live="polite" className="text-sm" data-testid="warmup-status">
          {stored ? t('saved') : workplace !== null && customers !== null ? t('unsaved') : ''}
        </p>
        <p className="text-sm text-stone-700">{t('waiting')}</p>
      </form>
      {ready(guard)}
    </>
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
