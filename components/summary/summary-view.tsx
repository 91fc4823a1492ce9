'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { hasPainsOrGains, stepNotes } from '@/lib/export/board-notes';
import { exportJourneyMap } from '@/lib/export/map-export';
import type { WorkshopExport } from '@/lib/export/model';
import { Breakdowns } from '../charts/breakdowns';
import { EmotionCurve } from '../charts/emotion-curve';
import { PromisesBroken } from '../charts/promises-broken';
import { Rankings } from '../charts/rankings';
import { JourneyMap } from '../map/journey-map';
import { MapDownloads } from '../map/map-downloads';
import { WarmupResultsView } from '../run/warmup-results';
import { RoundFindings } from './round-findings';

const TOP_NOTES = 3;

/** The workshop on one page, for the screen and for print (A4, see globals.css). */
export function SummaryView({ data }: { data: WorkshopExport }) {
  const t = useTranslations();
  const format = useFormatter();
  const { workshop, path, analysis } = data;
  const byLane = (stepId: string, lane: 'pains' | 'gains') =>
    stepNotes(data, stepId, lane).slice(0, TOP_NOTES);
  const steps = path;
  return (
    <article className="summary flex flex-col gap-8" data-testid="summary">
      <header>
        <h1 className="text-3xl font-bold">{t('summary.title', { title: workshop.title })}</h1>
      </header>
      <Section id="facts" title={t('summary.facts')} className="break-inside-avoid">
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
          <dt className="font-medium">{t('summary.date')}</dt>
          <dd>{format.dateTime(new Date(workshop.createdAt), { dateStyle: 'long' })}</dd>
          <dt className="font-medium">{t('summary.participants')}</dt>
          <dd data-testid="summary-participants">
            {Object.entries(data.participantsByRole)
              .map(([role, n]) => `${t(`roles.${role}`)} ${n}`)
              .join(', ') || '–'}
          </dd>
          <dt className="font-medium">{t('summary.rounds')}</dt>
          <dd>{workshop.rounds}</dd>
          <dt className="font-medium">{t('summary.phase')}</dt>
          <dd>{t(`phases.${workshop.phase}`)}</dd>
          <dt className="font-medium">{t('summary.anonymity')}</dt>
          <dd>{workshop.anonymous ? t('summary.anonymous') : t('summary.named')}</dd>
        </dl>
      </Section>
      <Section id="warmup" title={t('summary.warmup')} className="break-inside-avoid">
        <WarmupResultsView results={data.warmup} />
      </Section>
      <Section id="curve" title={t('summary.curve')} className="break-inside-avoid">
        <EmotionCurve
          steps={steps}
          curve={analysis.curve}
          handoffs={analysis.handoffs.map((h) => h.fromIndex)}
        />
      </Section>
      {/* Too wide for an A4 sheet: print takes the PDF's A3 map page instead. */}
      <Section id="map" title={t('map.heading')} className="no-print">
        <div className="flex flex-col gap-3">
          <MapDownloads data={data} />
          <JourneyMap map={exportJourneyMap(data)} readOnly />
        </div>
      </Section>
      <Section id="gaps" title={t('summary.gaps')}>
        <Rankings steps={steps} analysis={analysis} />
        <div className="mt-4">
          <PromisesBroken steps={steps} analysis={analysis} />
        </div>
        <div className="mt-4">
          <Breakdowns
            steps={steps}
            analysis={analysis}
            byRound={analysis.byRound}
            cardTitles={Object.fromEntries(data.situations.map((c) => [c.id, c.title]))}
            personaNames={Object.fromEntries(data.personas.map((p) => [p.id, p.name]))}
          />
        </div>
      </Section>
      {(data.rounds?.length ?? 0) > 1 && (
        <Section id="rounds" title={t('summary.roundsTitle')}>
          <RoundFindings
            steps={steps}
            rounds={data.rounds ?? []}
            changes={data.roundChanges ?? []}
            shown={data.rounds?.at(-1)?.round ?? 0}
          />
        </Section>
      )}
      <Section id="pains" title={t('summary.pains')}>
        {!hasPainsOrGains(data) && <p>{t('summary.none')}</p>}
        <ol className="flex flex-col gap-3">
          {steps.map((step, i) => {
            if (byLane(step.id, 'pains').length + byLane(step.id, 'gains').length === 0)
              return null;
            return (
              <li key={step.id} className="break-inside-avoid">
                <h3 className="font-semibold">
                  {i + 1}. {step.title}
                </h3>
                {(['pains', 'gains'] as const).map((lane) => {
                  const notes = byLane(step.id, lane);
                  if (notes.length === 0) return null;
                  return (
                    <p key={lane} className="wrap-anywhere">
                      <span className="font-medium">{t(`summary.${lane}Label`)}: </span>
                      {notes.map((n) => n.text).join(' · ')}
                    </p>
                  );
                })}
              </li>
            );
          })}
        </ol>
      </Section>
      <Section id="ideas" title={t('summary.ideas')} className="break-inside-avoid">
        {data.ideas.length === 0 ? (
          <p>{t('summary.none')}</p>
        ) : (
          <ol className="list-decimal pl-6" data-testid="summary-ideas">
            {data.ideas.map((idea) => (
              <li key={idea.noteId} className="wrap-anywhere">
                {idea.text} — {t('summary.dots', { count: idea.dots })}
              </li>
            ))}
          </ol>
        )}
      </Section>
      <Section id="actions" title={t('summary.actions')} className="break-inside-avoid">
        {data.actions.length === 0 ? (
          <p>{t('summary.none')}</p>
        ) : (
          <table className="w-full border-collapse text-left text-sm" data-testid="summary-actions">
            <thead>
              <tr className="border-b border-stone-400">
                <th scope="col" className="py-1 pr-2">
                  {t('summary.actions')}
                </th>
                <th scope="col" className="py-1 pr-2">
                  {t('summary.owner')}
                </th>
                <th scope="col" className="py-1 pr-2">
                  {t('summary.department')}
                </th>
                <th scope="col" className="py-1">
                  {t('summary.due')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.actions.map((a) => (
                <tr key={a.id} className="border-b border-stone-200">
                  <td className="py-1 pr-2 wrap-anywhere">{a.text}</td>
                  <td className="py-1 pr-2 wrap-anywhere">{a.owner ?? '–'}</td>
                  <td className="py-1 pr-2 wrap-anywhere">{a.department ?? '–'}</td>
                  <td className="py-1">{a.dueDate ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </article>
  );
}

/** One headed part of the summary; the heading names the section for screen readers. */
function Section({
  id,
  title,
  className = '',
  children,
}: {
  id: string;
  title: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`summary-${id}`} className={className}>
      <h2 id={`summary-${id}`} className="mb-2 text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
