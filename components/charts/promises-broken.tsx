'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { RATED_ROLES, type RatedRole } from '@/lib/analytics/curve';
import type { JourneyAnalysis } from '@/lib/analytics/journey';
import type { PromiseGap } from '@/lib/analytics/promises';
import type { AnalyticsStep } from '@/lib/analytics/types';
import { useValenceFormat } from './format';

/**
 * "Promises broken", per role: the steps that felt worse than the step before had led the
 * role to expect, most broken first (lib/analytics/promises.ts). Says so when nobody said
 * what they expected next, so an empty list is not read as every promise kept.
 */
export function PromisesBroken({
  steps,
  analysis,
  headingLevel = 3,
}: {
  steps: readonly Pick<AnalyticsStep, 'id' | 'title'>[];
  analysis: Pick<JourneyAnalysis, 'promises'>;
  headingLevel?: 2 | 3 | 4;
}) {
  const t = useTranslations('analytics');
  const heading = useId();
  const Heading = `h${headingLevel}` as const;
  const { gaps, broken } = analysis.promises;
  const roles = RATED_ROLES.filter((r) => broken[r].length > 0);
  return (
    <section aria-labelledby={heading} data-testid="promises-broken">
      <Heading id={heading} className="mb-1 font-semibold">
        {t('promisesTitle')}
      </Heading>
      {gaps.length === 0 ? (
        <p className="text-stone-600">{t('promisesNone')}</p>
      ) : (
        <>
          <p className="mb-2 text-sm text-stone-700">{t('promisesHelp')}</p>
          {roles.length === 0 && <p className="text-stone-600">{t('nothingYet')}</p>}
          <div className="grid gap-4 md:grid-cols-3">
            {roles.map((role) => (
              <RoleList key={role} role={role} items={broken[role]} steps={steps} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function RoleList({
  role,
  items,
  steps,
}: {
  role: RatedRole;
  items: PromiseGap[];
  steps: readonly Pick<AnalyticsStep, 'id' | 'title'>[];
}) {
  const t = useTranslations('analytics');
  const tr = useTranslations('roles');
  const fmt = useValenceFormat();
  const label = useId();
  return (
    <div role="group" aria-labelledby={label}>
      <p id={label} className="font-medium">
        {tr(role)}
      </p>
      <ol className="list-decimal space-y-1 pl-6">
        {items.map((g) => (
          <li key={g.stepId}>
            <span className="font-medium">
              {t('stepNumber', { number: g.index + 1 })} · {steps[g.index]?.title ?? ''}
            </span>
            <span className="block text-[0.9em]">
              {t('promiseItem', {
                expected: fmt.level(g.expected),
                felt: fmt.level(g.felt),
                gap: fmt.level(g.gap),
              })}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
