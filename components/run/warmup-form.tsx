'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import type { WorkshopState, You } from '@/lib/domain/workshop';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';
import { useCommand } from './use-command';
import { ZeroToTen } from './zero-to-ten';
import { WarmupResultsView } from './warmup-results';

/**
 * A participant's two warm-up questions; the results once the facilitator closes them.
 * A tap on a number saves the answers once both are picked, and the saved answers are
 * what counts as done (lib/domain/progress.ts): there is no "I'm done" to forget.
 */
export function WarmupForm({ state, you }: { state: WorkshopState; you: You }) {
  const t = useTranslations('warmup');
  const { run, error } = useCommand();
  const [workplace, setWorkplace] = useState<number | null>(you.warmup?.workplace ?? null);
  const [customers, setCustomers] = useState<number | null>(you.warmup?.customers ?? null);
  const [saved, setSaved] = useState(false);
  // The save on its way: the same answers asked again (the button) wait for it.
  const [inFlight, setInFlight] = useState<{ key: string; saving: Promise<boolean> } | null>(null);

  if (state.control.warmupClosed) return <WarmupResultsView results={state.warmup.results} />;
  if (you.role === 'facilitator' || you.role === 'observer') return <p>{t('waiting')}</p>;

  const stored =
    saved ||
    (you.warmup !== null &&
      workplace === you.warmup.workplace &&
      customers === you.warmup.customers);

  function save(answer = { workplace, customers }): Promise<boolean> {
    const { workplace: w, customers: c } = answer;
    if (w === null || c === null) return Promise.resolve(false);
    const key = `${w}/${c}`;
    if (inFlight?.key === key) return inFlight.saving;
    const saving = run('warmup:answer', { workplace: w, customers: c }).then((ok) => {
      setInFlight((now) => (now?.key === key ? null : now));
      setSaved(ok);
      return ok;
    });
    setInFlight({ key, saving });
    return saving;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    await save();
  }

  const half = (workplace === null) !== (customers === null);
  return (
    <form onSubmit={submit} className="flex flex-col gap-5">
      <ZeroToTenField
        name="workplace"
        legend={t('q1')}
        value={workplace}
        onChange={(v) => {
          setWorkplace(v);
          setSaved(false);
          // A tap saves, as a rating does, once both are picked: the facilitator's count
          // rises as answers arrive, and nothing picked waits for a button.
          void save({ workplace: v, customers });
        }}
      />
      <ZeroToTenField
        name="customers"
        legend={t('q2')}
        value={customers}
        onChange={(v) => {
          setCustomers(v);
          setSaved(false);
          void save({ workplace, customers: v });
        }}
      />
      <ErrorMessage code={error} />
      {/* Taps save: the button is there only when answers are not stored (a save failed,
          say offline), so nobody wonders whether they had to press it. */}
      {!stored && !inFlight && workplace !== null && customers !== null && (
        <Button type="submit" className="self-start">
          {t('save')}
        </Button>
      )}
      <p aria-live="polite" className="text-sm" data-testid="warmup-status">
        {stored
          ? t('saved')
          : half
            ? t('incomplete')
            : workplace !== null && customers !== null
              ? t('unsaved')
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
