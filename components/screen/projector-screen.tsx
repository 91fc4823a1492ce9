'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { readPath, type PathStep } from '@/lib/board/path-doc';
import { ApiError, api } from '@/lib/client/api';
import { savedFacilitatorKey } from '@/lib/client/credentials';
import { useBrowserValue } from '@/lib/client/use-browser-value';
import { useDocValue } from '@/lib/client/use-doc-value';
import { useWorkshopDoc } from '@/lib/stores/doc-store';
import { useSession } from '@/lib/stores/session-store';
import { ReadinessPanel } from '../run/readiness-panel';
import { RevealView } from '../run/reveal-view';
import { StepCard } from '../run/step-card';
import { TargetList } from '../run/target-list';
import { TimerDisplay } from '../run/timer-display';
import { WarmupResultsView } from '../run/warmup-results';
import { ConnectionBadge } from '../workshop/connection-badge';
import { useConnect } from '../workshop/use-connect';
import { ErrorMessage } from '../ui/error-message';
import { QrCode } from '../ui/qr-code';

const NO_STEPS: PathStep[] = [];

/** The wall display: big type, nothing private, names hidden when the workshop is anonymous. */
export function ProjectorScreen({ workshopId }: { workshopId: string }) {
  const t = useTranslations();
  const key = useBrowserValue<string | null | undefined>(
    () =>
      new URLSearchParams(window.location.hash.slice(1)).get('key') ??
      savedFacilitatorKey(workshopId),
    undefined,
  );
  const [token, setToken] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!key) return;
    // The key opens a screen token; it is not kept in this page's address bar.
    if (window.location.hash) window.history.replaceState(null, '', window.location.pathname);
    api.openScreen(workshopId, key).then(
      (r) => setToken(r.token),
      (err: unknown) => setError(err instanceof ApiError ? err.code : 'network'),
    );
  }, [key, workshopId]);
  useConnect(workshopId, token);
  const state = useSession((s) => s.state);
  const status = useSession((s) => s.status);
  const refusal = useSession((s) => s.refusal);
  useEffect(() => {
    if (refusal !== 'TOKEN_EXPIRED' || !key) return;
    // A screen left on past its token's day (SCREEN_TOKEN_LIFETIME_MS): the key opens a new one.
    api.openScreen(workshopId, key).then(
      (r) => setToken(r.token),
      (err: unknown) => setError(err instanceof ApiError ? err.code : 'network'),
    );
  }, [refusal, key, workshopId]);
  const doc = useWorkshopDoc((s) => s.doc);
  const steps = useDocValue(doc, readPath, NO_STEPS);

  if (key === null) return <p className="p-8 text-2xl">{t('screen.noKey')}</p>;
  if (error)
    return (
      <div className="p-8 text-2xl">
        <ErrorMessage code={error} />
      </div>
    );
  if (!state) return <p className="p-8 text-2xl">{t('workshop.loading')}</p>;

  const { control } = state;
  const index = steps.findIndex((s) => s.id === control.stepId);
  const step = steps[index];
  const joinUrl = `${window.location.origin}/join/${state.info.joinCode}`;
  return (
    <main className="flex min-h-screen flex-col gap-8 bg-white p-10" data-testid="projector">
      <header className="flex flex-wrap items-start justify-between gap-6">
        <div>
          <p className="text-2xl text-stone-700">{state.info.title}</p>
          <h1
            className="text-6xl font-bold"
            data-testid="phase-name"
            data-phase={control.phase}
            aria-live="polite"
          >
            {t(`phases.${control.phase}`)}
          </h1>
        </div>
        <div className="flex flex-col items-end gap-2">
          {control.timer.status !== 'idle' && <TimerDisplay timer={control.timer} size="huge" />}
          <ConnectionBadge status={status} />
        </div>
      </header>

      {control.phase === 'lobby' && (
        <section className="flex flex-wrap items-center gap-12">
          <QrCode url={joinUrl} sizePx={360} />
          <div className="flex flex-col gap-4">
            <p className="text-3xl">
              {t('screen.joinAt', { url: joinUrl.replace(/^https?:\/\//, '') })}
            </p>
            <p className="text-3xl">{t('screen.code')}</p>
            <p className="font-mono text-9xl font-bold tracking-widest" data-testid="join-code">
              {state.info.joinCode}
            </p>
            <p className="text-3xl">
              {t('workshop.present', {
                online: state.participants.filter((p) => p.online && p.role !== 'facilitator')
                  .length,
                total: state.participants.filter((p) => p.role !== 'facilitator').length,
              })}
            </p>
          </div>
        </section>
      )}

      {control.phase === 'warmup' &&
        (control.warmupClosed ? (
          <div className="text-2xl">
            <WarmupResultsView results={state.warmup.results} />
          </div>
        ) : (
          <p className="text-4xl">
            {t('warmup.q1')}
            <br />
            {t('warmup.q2')}
          </p>
        ))}

      {control.phase === 'target' && (
        <div className="text-2xl">
          <TargetList steps={steps} doc={null} editable={false} />
        </div>
      )}

      {control.phase === 'walk' && step && (
        <StepCard step={step} index={index} total={steps.length} size="huge" />
      )}

      {['reveal', 'reflect', 'ideate', 'vote', 'actions', 'summary'].includes(control.phase) && (
        <RevealView steps={steps} round={control.round} size="huge" />
      )}

      {control.phase !== 'lobby' && (
        <ReadinessPanel
          control={control}
          participants={state.participants}
          showNames={!control.anonymous}
          size="huge"
        />
      )}
    </main>
  );
}
