'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { ApiError } from '@/lib/client/api';
import { savedFacilitatorKey, savedToken } from '@/lib/client/credentials';
import { useBrowserValue } from '@/lib/client/use-browser-value';
import { type ExportFormat, SUMMARY_DOWNLOADS } from '@/lib/export/formats';
import type { WorkshopExport } from '@/lib/export/model';
import { useWorkshopLocale } from '@/lib/i18n/client-locale';
import { LocaleSwitcher } from '../locale-switcher';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';
import { RunAgain } from './run-again';
import { SummaryView } from './summary-view';
import { fetchServed } from '@/lib/client/fetch-served';

interface Access {
  key: string | null;
  token: string | null;
}

async function fetchSummary(workshopId: string, access: Access): Promise<WorkshopExport> {
  // Facilitators read the export at any time; participants the summary, from its phase on.
  const url = access.key
    ? `/api/workshops/${workshopId}/export?format=json`
    : `/api/workshops/${workshopId}/summary`;
  const res = await fetchServed(url, {
    headers: { authorization: `Bearer ${access.key ?? access.token}` },
  });
  const body = (await res.json().catch(() => null)) as
    WorkshopExport | { error: { code: string } } | null;
  if (!res.ok || !body || 'error' in body) {
    const code = body && 'error' in body ? body.error.code : 'INTERNAL';
    throw new ApiError(code as never, `HTTP ${res.status}`);
  }
  return body;
}

/** Downloads an export with the key in a header (a plain link could not carry it). */
async function download(workshopId: string, key: string, format: ExportFormat) {
  const res = await fetchServed(`/api/workshops/${workshopId}/export?format=${format}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  if (!res.ok) return;
  const name =
    /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ??
    `summary.${format}`;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function SummaryScreen({ workshopId }: { workshopId: string }) {
  const t = useTranslations('summary');
  // Read as two strings: a snapshot must be the same value between renders, not a new object.
  const storedKey = useBrowserValue<string | null | undefined>(
    () => savedFacilitatorKey(workshopId),
    undefined,
  );
  const storedToken = useBrowserValue<string | null | undefined>(
    () => savedToken(workshopId),
    undefined,
  );
  const access: Access | null =
    storedKey === undefined ? null : { key: storedKey, token: storedToken ?? null };
  const [data, setData] = useState<WorkshopExport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = access?.key ?? null;
  const token = access?.token ?? null;
  useWorkshopLocale(data?.workshop.locale);
  useEffect(() => {
    if (!key && !token) return;
    fetchSummary(workshopId, { key, token }).then(setData, (err: unknown) =>
      setError(err instanceof ApiError ? err.code : 'network'),
    );
  }, [workshopId, key, token]);

  if (access && !key && !token) return <ErrorMessage code="UNAUTHORIZED" />;
  if (error === 'INVALID_TRANSITION') return <p className="text-lg">{t('notYet')}</p>;
  if (error) return <ErrorMessage code={error} />;
  if (!data) return <p aria-live="polite">{t('loading')}</p>;
  return (
    <div className="flex flex-col gap-6">
      <div className="no-print flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => window.print()}>
            {t('print')}
          </Button>
          {key &&
            SUMMARY_DOWNLOADS.map((f) => (
              <Button key={f} variant="secondary" onClick={() => void download(workshopId, key, f)}>
                {t('download')} {t(`formats.${f}`)}
              </Button>
            ))}
        </div>
        <LocaleSwitcher />
      </div>
      <SummaryView data={data} />
      {key && <RunAgain workshopId={workshopId} facilitatorKey={key} />}
    </div>
  );
}
