'use client';

import { useTranslations } from 'next-intl';
import { useSession } from '@/lib/stores/session-store';
import type { PartProps } from './part-props';

/** Actions shown at once: the latest, as they are written; the count says how many in all. */
const ACTIONS_SHOWN = 6;

/** Actions: the list as the room writes it, newest at the bottom where the eye follows. */
export function ActionsPart({ steps }: PartProps) {
  const t = useTranslations();
  const actions = useSession((s) => s.actions);
  const stepTitle = (stepId: string | null) => steps.find((s) => s.id === stepId)?.title;
  if (actions.length === 0) return <p className="text-4xl">{t('actions.empty')}</p>;
  const shown = actions.slice(-ACTIONS_SHOWN);
  return (
    <section className="flex flex-col gap-5">
      <p className="text-4xl font-bold" aria-live="polite">
        {t('projector.actions', { count: actions.length })}
      </p>
      {actions.length > shown.length && (
        <p className="text-2xl text-stone-700">
          {t('projector.earlier', { count: actions.length - shown.length })}
        </p>
      )}
      <ol className="flex flex-col gap-4">
        {shown.map((a) => (
          <li
            key={a.id}
            className="rounded-md border-l-8 border-boot bg-stone-50 px-5 py-3"
            data-testid="projector-action"
          >
            <p className="text-3xl font-medium wrap-anywhere">{a.text}</p>
            <p className="text-xl text-stone-700 wrap-anywhere">
              {[
                a.owner && `${t('actions.owner')}: ${a.owner}`,
                a.department && `${t('actions.department')}: ${a.department}`,
                a.dueDate && `${t('actions.due')}: ${a.dueDate}`,
                stepTitle(a.stepId) && `${t('actions.step')}: ${stepTitle(a.stepId)}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
