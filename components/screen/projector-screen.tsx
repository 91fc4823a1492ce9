'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { readPath, type PathStep } from '@/lib/board/path-doc';
import { ApiError, api } from '@/lib/client/api';
import { saveFacilitatorKey, savedFacilitatorKey } from '@/lib/client/credentials';
import { useBrowserValue } from '@/lib/client/use-browser-value';
import { useDocValue } from '@/lib/client/use-doc-value';
import { useWorkshopDoc } from '@/lib/stores/doc-store';
import { useSession } from '@/lib/stores/session-store';
import { useConnect } from '../workshop/use-connect';
import { ErrorMessage } from '../ui/error-message';
import { ProjectorView } from './projector-view';

const NO_STEPS: PathStep[] = [];

/** The wall display's connection: the facilitator key opens a read-only screen token. */
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
    // The key opens a screen token; it is not kept in this page's address bar. Kept in
    // the browser instead (as the facilitator's page does): read again after the address
    // bar lost it, the page would otherwise say it has no key.
    if (new URLSearchParams(window.location.hash.slice(1)).get('key') === key) {
      saveFacilitatorKey(workshopId, key);
    }
    if (window.location.hash) window.history.replaceState(null, '', window.location.pathname);
    api.openScreen(workshopId, key).then(
      (r) => setToken(r.token),
      (err: unknown) => setError(err instanceof ApiError ? err.code : 'network'),
    );
  }, [key, workshopId]);
  useConnect(workshopId, token);
  const state = useSession((s) => s.state);
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

  const joinUrl = `${window.location.origin}/join/${state.info.joinCode}`;
  return <ProjectorView state={state} steps={steps} doc={doc} joinUrl={joinUrl} />;
}
