'use client';

import { useTranslations } from 'next-intl';
import type * as Y from 'yjs';
import { readPersonas, readSituations } from '@/lib/board/path-doc';
import { useDocValue } from '@/lib/client/use-doc-value';
import type { You } from '@/lib/domain/workshop';

const NONE: never[] = [];

/** Whose boots this person walks in: lens, and the persona and situation card dealt to them. */
export function YourBoots({ you, doc }: { you: You; doc: Y.Doc | null }) {
  const t = useTranslations();
  const personas = useDocValue(doc, readPersonas, NONE);
  const cards = useDocValue(doc, readSituations, NONE);
  const persona = personas.find((p) => p.id === you.personaId);
  const card = cards.find((c) => c.id === you.cardId);
  return (
    <section
      aria-labelledby="boots-heading"
      className="flex flex-col gap-3 rounded-xl bg-white p-6 shadow-sm"
      data-testid="your-boots"
    >
      <h2 id="boots-heading" className="text-lg font-semibold">
        {t('boots.heading')}
      </h2>
      <p data-testid="your-lens">{t('boots.lens', { lens: t(`lenses.${you.lens}`) })}</p>
      {persona && (
        <div data-testid="your-persona">
          <h3 className="text-sm font-semibold uppercase tracking-wide text-stone-600">
            {t('boots.persona')}
          </h3>
          <p className="font-medium">{persona.name}</p>
          <p className="text-sm">{persona.description}</p>
        </div>
      )}
      {card && (
        <div data-testid="your-card" className="rounded-md border-2 border-dashed border-boot p-3">
          <h3 className="text-sm font-semibold uppercase tracking-wide text-stone-600">
            {t('boots.card')}
          </h3>
          <p className="font-medium">{card.title}</p>
          <p className="text-sm">{card.description}</p>
        </div>
      )}
      {!persona && !card && <p className="text-sm text-stone-700">{t('boots.noneYet')}</p>}
    </section>
  );
}
