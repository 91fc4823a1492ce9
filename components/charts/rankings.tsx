'use client';

import { useTranslations } from 'next-intl';
import { useId, type ReactNode } from 'react';
import { targetValence } from '@/lib/analytics/gaps';
import {
  type CustomerBoots,
  type HandoffEffect,
  handoffLine,
  type HandoffWho,
} from '@/lib/analytics/handoff-effects';
import type { JourneyAnalysis } from '@/lib/analytics/journey';
import type { AnalyticsStep } from '@/lib/analytics/types';
import { EMOTIONS, type Emotion } from '@/lib/domain/emotions';
import { useValenceFormat } from './format';

export interface RankingsProps {
  /** The path the analysis was made of, in order: for step numbers, titles and targets. */
  steps: readonly Pick<AnalyticsStep, 'id' | 'title' | 'targetFeeling'>[];
  analysis: JourneyAnalysis;
  /** Heading level of each list's title. Default 3. */
  headingLevel?: 2 | 3 | 4;
}

/** What the facilitator should talk about: each ranking, largest first, naming its step. */
export function Rankings({ steps, analysis, headingLevel = 3 }: RankingsProps) {
  const t = useTranslations('analytics');
  const tr = useTranslations('roles');
  const te = useTranslations('emotions');
  const fmt = useValenceFormat();
  const { rankings } = analysis;
  const stepName = (index: number) =>
    `${t('stepNumber', { number: index + 1 })} · ${steps[index]?.title ?? ''}`;
  const emotion = (name: string) => (Object.hasOwn(EMOTIONS, name) ? te(name as Emotion) : name);
  const roleMean = (index: number, role: 'leader' | 'customer') =>
    analysis.curve[index]?.byRole[role]?.mean ?? 0;
  const handoffChange = (h: HandoffEffect) => {
    const name = (who: HandoffWho) =>
      who === 'customerLens' ? t('handoffInBoots') : who === 'everyone' ? t('overall') : tr(who);
    const change = (who: HandoffWho, v: number | null) =>
      t('handoffChange', { who: name(who), change: v === null ? t('noRatings') : fmt.level(v) });
    const { main, beside } = handoffLine(h, analysis.customerBoots);
    const first = change(main.who, main.change);
    if (beside.length === 0) return first;
    const others = beside.map((b) => change(b.who, b.change)).join(', ');
    return t('handoffOthers', { item: first, others });
  };

  return (
    <div className="grid gap-6 md:grid-cols-2" data-testid="rankings">
      <Ranking id="perception" title={t('perceptionTitle')} level={headingLevel}>
        {rankings.perceptionGaps.map((p) => (
          <Item key={p.stepId} step={stepName(p.index)}>
            {p.high &&
              p.low &&
              t('perceptionItem', {
                high: tr(p.high.role),
                highMean: fmt.level(p.high.mean),
                low: tr(p.low.role),
                lowMean: fmt.level(p.low.mean),
                gap: fmt.size(p.gap ?? 0),
              })}
          </Item>
        ))}
      </Ranking>
      <Ranking id="leaders" title={t('leadersTitle')} level={headingLevel}>
        {rankings.leadersVsCustomers.map((p) => (
          <Item key={p.stepId} step={stepName(p.index)}>
            {t('leadersItem', {
              leader: fmt.level(roleMean(p.index, 'leader')),
              customer: fmt.level(roleMean(p.index, 'customer')),
              gap: fmt.level(p.leadersVsCustomers ?? 0),
            })}
          </Item>
        ))}
      </Ranking>
      <Ranking id="target" title={t('targetTitle')} level={headingLevel}>
        {rankings.targetGaps.map((g) => {
          const feeling = steps[g.index]?.targetFeeling ?? '';
          return (
            <Item key={g.stepId} step={stepName(g.index)}>
              {t('targetItem', {
                emotion: emotion(feeling),
                target: fmt.level(targetValence(feeling) ?? 0),
                felt: fmt.level(g.felt ?? 0),
                gap: fmt.size(g.gap ?? 0),
              })}
            </Item>
          );
        })}
      </Ranking>
      <Ranking
        id="handoffs"
        title={t('handoffTitle')}
        level={headingLevel}
        note={[
          t('bounces', { count: analysis.bounces }),
          ...(analysis.curve.some((p) => p.overall) ? [t(BASIS[analysis.customerBoots])] : []),
        ]}
      >
        {rankings.worstHandoffs.map((h) => (
          <Item key={h.fromStepId} step={`${stepName(h.fromIndex)} → ${stepName(h.fromIndex + 1)}`}>
            {t('handoffItem', {
              from: h.fromDepartment,
              to: h.toDepartment,
              change: handoffChange(h),
            })}
          </Item>
        ))}
      </Ranking>
      <Ranking id="moments" title={t('momentsTitle')} level={headingLevel}>
        {rankings.momentsOfTruth.map((m) => (
          <Item key={m.stepId} step={stepName(m.index)}>
            {t('momentsItem', { score: fmt.size(m.score) })}
            {m.critical && (
              <>
                {' · '}
                <span aria-hidden="true">★ </span>
                {t('critical')}
              </>
            )}
          </Item>
        ))}
      </Ranking>
    </div>
  );
}

/** Whose fall ranks the hand-offs, in words: the screen says when it had to fall back. */
const BASIS = {
  proxies: 'handoffByProxies',
  customerLens: 'handoffByLens',
  everyone: 'handoffByEveryone',
} as const satisfies Record<CustomerBoots, string>;

function Ranking({
  id,
  title,
  level,
  note,
  children,
}: {
  id: string;
  title: string;
  level: 2 | 3 | 4;
  /** Lines said under the title, before the list. */
  note?: string[];
  children: ReactNode[];
}) {
  const t = useTranslations('analytics');
  const Heading = `h${level}` as const;
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} data-ranking={id}>
      <Heading id={headingId} className="mb-1 font-semibold">
        {title}
      </Heading>
      {note?.map((line) => (
        <p key={line} className="mb-1 text-sm text-stone-600">
          {line}
        </p>
      ))}
      {children.length === 0 ? (
        <p className="text-stone-600">{t('nothingYet')}</p>
      ) : (
        <ol className="list-decimal space-y-2 pl-6">{children}</ol>
      )}
    </section>
  );
}

function Item({ step, children }: { step: string; children: ReactNode }) {
  return (
    <li>
      <span className="font-medium">{step}</span>
      <span className="block text-[0.9em]">{children}</span>
    </li>
  );
}
