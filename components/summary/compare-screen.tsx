'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { savedFacilitatorKey } from '@/lib/client/credentials';
import { useBrowserValue } from '@/lib/client/use-browser-value';
import { compareRuns } from '@/lib/export/compare';
import type { WorkshopExport } from '@/lib/export/model';
import { useWorkshopLocale } from '@/lib/i18n/client-locale';
import { EmotionCurve } from '../charts/emotion-curve';
import { useValenceFormat } from '../charts/format';
import { LocaleSwitcher } from '../locale-switcher';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';
import { fetchServed } from '@/lib/client/fetch-served';

/** Runs of one path side by side: a curve each, and the change per step from first to last. */
export function CompareScreen({ workshopId }: { workshopId: string }) {
  const t = useTranslations('runs');
  const format = useFormatter();
  const fmt = useValenceFormat();
  const key = useBrowserValue<string | null | undefined>(
    () => savedFacilitatorKey(workshopId),
    undefined,
  );
  const [runs, setRuns] = useState<WorkshopExport[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useWorkshopLocale(runs?.at(-1)?.workshop.locale);
  useEffect(() => {
    if (!key) return;
    fetchServed(`/api/workshops/${workshopId}/runs?format=json`, {
      headers: { authorization: `Bearer ${key}` },
    })
      .then(async (res) => {
        const body = (await res.json()) as { runs: WorkshopExport[] } | { error: { code: string } };
        if ('error' in body) setError(body.error.code);
        else setRuns(body.runs);
      })
      .catch(() => setError('network'));
  }, [key, workshopId]);

  if (key === null) return <ErrorMessage code="UNAUTHORIZED" />;
  if (error) return <ErrorMessage code={error} />;
  if (!runs) return null;
  const latest = runs.at(-1);
  if (!latest) return null;
  // Steps matched by id across runs; the change runs from the first run that rated a step.
  const comparison = compareRuns(runs);
  const label = (run: WorkshopExport, i: number) =>
    t('run', {
      n: i + 1,
      date: format.dateTime(new Date(run.workshop.createdAt), { dateStyle: 'medium' }),
    });

  async function downloadMarkdown() {
    const res = await fetchServed(`/api/workshops/${workshopId}/runs?format=md`, {
      headers: { authorization: `Bearer ${key}` },
    });
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = 'runs.md';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  return (
    <div className="flex flex-col gap-6" data-testid="compare">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">{t('heading', { title: latest.workshop.title })}</h1>
        <LocaleSwitcher />
      </div>
      {runs.length < 2 && <p>{t('notEnough')}</p>}
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm" data-testid="compare-table">
          <caption className="mb-2 text-left font-semibold">{t('mean')}</caption>
          <thead>
            <tr className="border-b border-stone-400">
              <th scope="col" className="p-1 text-left">
                {t('step')}
              </th>
              {runs.map((run, i) => (
                <th key={run.workshop.id} scope="col" className="p-1">
                  {label(run, i)}
                </th>
              ))}
              {runs.length > 1 && (
                <th scope="col" className="p-1">
                  {t('change')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {comparison.steps.map((step, i) => (
              <tr key={step.stepId} className="border-b border-stone-200">
                <th scope="row" className="p-1 text-left font-normal">
                  {i + 1}. {step.title}
                </th>
                {step.runs.map((m, r) => (
                  <td key={runs[r]?.workshop.id ?? r} className="p-1 text-center tabular-nums">
                    {m?.overall == null ? '–' : fmt.level(m.overall)}
                  </td>
                ))}
                {runs.length > 1 && (
                  <td className="p-1 text-center font-medium tabular-nums">
                    {step.change.overall === null ? '–' : fmt.level(step.change.overall)}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        {runs.map((run, i) => (
          <section
            key={run.workshop.id}
            aria-label={label(run, i)}
            className="rounded-xl bg-white p-4 shadow-sm"
          >
            <h2 className="mb-2 font-semibold">{label(run, i)}</h2>
            <EmotionCurve
              steps={run.path}
              curve={run.analysis.curve}
              handoffs={run.analysis.handoffs.map((h) => h.fromIndex)}
            />
          </section>
        ))}
      </div>
      <Button variant="secondary" className="self-start" onClick={() => void downloadMarkdown()}>
        {t('download')}
      </Button>
    </div>
  );
}
