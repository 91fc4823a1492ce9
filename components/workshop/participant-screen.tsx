'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useEffect } from 'react';
import { readPath, type PathStep } from '@/lib/board/path-doc';
import { forgetToken, savedToken } from '@/lib/client/credentials';
import { useBrowserValue } from '@/lib/client/use-browser-value';
import { useDocValue } from '@/lib/client/use-doc-value';
import { useWorkshopDoc } from '@/lib/stores/doc-store';
import { useSession } from '@/lib/stores/session-store';
import { ParticipantStage } from '../run/participant-stage';
import { TimerDisplay } from '../run/timer-display';
import { ErrorMessage } from '../ui/error-message';
import { RevealAnnouncer } from '../run/reveal-announcer';
import { TimerAnnouncer } from '../run/timer-announcer';
import { PhaseBanner } from './phase-banner';
import { PresenceList } from './presence-list';
import { RejoinLink } from './rejoin-link';
import { useConnect } from './use-connect';
import { WorkshopHeader } from './workshop-header';
import { YourBoots } from './your-boots';

const NO_STEPS: PathStep[] = [];

export function ParticipantScreen({ workshopId }: { workshopId: string }) {
  const t = useTranslations();
  // undefined: not read yet (server render); null: this browser has not joined.
  const token = useBrowserValue<string | null | undefined>(() => savedToken(workshopId), undefined);
  useConnect(workshopId, token ?? null);
  const state = useSession((s) => s.state);
  const you = useSession((s) => s.you);
  const refusal = useSession((s) => s.refusal);
  const removed = useSession((s) => s.removed);
  const doc = useWorkshopDoc((s) => s.doc);
  const steps = useDocValue(doc, readPath, NO_STEPS);
  // Refused for good (expired, or not valid here): the join page must not send them back.
  const refused = refusal === 'UNAUTHORIZED' || refusal === 'TOKEN_EXPIRED';
  useEffect(() => {
    if (refused) forgetToken(workshopId);
  }, [refused, workshopId]);

  if (removed) {
    return (
      <main className="mx-auto max-w-xl px-4 py-8">
        <h1 className="mb-2 text-2xl font-bold">{t('removed.heading')}</h1>
        <p className="mb-4">{t('removed.help')}</p>
        <Link href="/" className="text-blue-800 underline">
          {t('workshop.joinWithCode')}
        </Link>
      </main>
    );
  }
  if (token === null || refused) {
    return (
      <main className="mx-auto max-w-xl px-4 py-8">
        {refusal === 'TOKEN_EXPIRED' ? (
          <div className="mb-4">
            <ErrorMessage code={refusal} />
          </div>
        ) : (
          <p className="mb-4 text-lg">{t('workshop.notJoined')}</p>
        )}
        <Link href="/" className="text-blue-800 underline">
          {t('workshop.joinWithCode')}
        </Link>
      </main>
    );
  }
  return (
    <div className="min-h-screen">
      <WorkshopHeader title={state?.info.title ?? '…'} />
      <main className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6">
        <ErrorMessage code={refusal} />
        {!state && !refusal && <p aria-live="polite">{t('workshop.loading')}</p>}
        {state && (
          <div className="grid grid-cols-1 gap-6 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
            <div className="flex min-w-0 flex-col gap-6">
              <PhaseBanner control={state.control} />
              <RevealAnnouncer control={state.control} steps={steps} />
              <TimerAnnouncer timer={state.control.timer} />
              {state.control.timer.status !== 'idle' && (
                <div className="rounded-xl bg-white p-4 shadow-sm">
                  <TimerDisplay timer={state.control.timer} />
                </div>
              )}
              {you && <ParticipantStage state={state} you={you} steps={steps} doc={doc} />}
            </div>
            <aside className="flex flex-col gap-6">
              {you && <YourBoots you={you} doc={doc} />}
              <div className="rounded-xl bg-white p-6 shadow-sm">
                <PresenceList
                  participants={state.participants}
                  youId={you?.participantId ?? null}
                />
              </div>
              {token && <RejoinLink workshopId={workshopId} token={token} />}
            </aside>
          </div>
        )}
      </main>
    </div>
  );
}
