'use client';

import { useTranslations } from 'next-intl';
import type { RevealedRating } from '@/lib/domain/ratings';
import { useSession } from '@/lib/stores/session-store';

const signed = (v: number) => (v > 0 ? `+${v}` : v === 0 ? '0' : `−${-v}`);

/** One revealed step's ratings, lowest first: "a customer proxy felt −2 (Frustrated), …". */
export function StepRatings({ stepId, round }: { stepId: string; round: number }) {
  const t = useTranslations();
  const revealed = useSession((s) => s.revealed);
  const ratings = Object.values(revealed)
    .filter((r) => r.stepId === stepId && r.round === round)
    .sort((a, b) => a.valence - b.valence || a.role.localeCompare(b.role));
  const who = (r: RevealedRating) =>
    r.name ?? t('reveal.aRole', { role: t(`roles.${r.role}`).toLowerCase() });
  if (ratings.length === 0) return <p>{t('reveal.noRatings')}</p>;
  return (
    <ul className="flex flex-col gap-2" data-testid="step-ratings">
      {ratings.map((r) => (
        <li
          key={r.key}
          className="rounded-md border border-stone-300 bg-white p-3"
          data-valence={r.valence}
        >
          <p>
            {t('reveal.felt', {
              who: who(r),
              valence: signed(r.valence),
              emotion: t(`emotions.${r.emotion}`),
              expectation: t(`rate.${r.expectation}`).toLowerCase(),
            })}
          </p>
          {r.note && <p className="mt-1 text-sm italic wrap-anywhere">“{r.note}”</p>}
        </li>
      ))}
    </ul>
  );
}
