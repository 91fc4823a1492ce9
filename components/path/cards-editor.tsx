'use client';

import { useTranslations } from 'next-intl';
import type * as Y from 'yjs';
import { CARD_DESCRIPTION_MAX_CHARS, CARD_NAME_MAX_CHARS } from '@/lib/board/board-shape';
import { appendCard, deleteCard, newDocId, setCardField } from '@/lib/board/path-doc';
import { useDocValue } from '@/lib/client/use-doc-value';
import { Button } from '../ui/button';
import { Field, inputClass } from '../ui/field';

type Card = Record<string, string>;
const NONE: Card[] = [];

interface Props {
  doc: Y.Doc;
  /** The Y.Array's name in the document: 'personas' or 'situations'. */
  arrayName: 'personas' | 'situations';
  /** The card's headline field: personas have a name, situations a title. */
  nameField: 'name' | 'title';
}

/** Edits the workshop's personas or its situation deck, live in the shared document. */
export function CardsEditor({ doc, arrayName, nameField }: Props) {
  const t = useTranslations('cards');
  const list = doc.getArray<Y.Map<string>>(arrayName);
  const cards = useDocValue(doc, () => list.toArray().map((m) => m.toJSON() as Card), NONE);
  const heading = arrayName === 'personas' ? t('personas') : t('situations');

  function add() {
    const id = newDocId(arrayName === 'personas' ? 'persona' : 'card');
    appendCard(list, {
      id,
      [nameField]: arrayName === 'personas' ? t('newPersona') : t('newSituation'),
      description: '',
    });
    requestAnimationFrame(() => document.getElementById(`${id}-${nameField}`)?.focus());
  }

  return (
    <section aria-labelledby={`${arrayName}-heading`} className="flex flex-col gap-3">
      <h2 id={`${arrayName}-heading`} className="text-lg font-semibold">
        {heading}
      </h2>
      {cards.length === 0 && <p>{t('none')}</p>}
      <ul className="grid gap-3 md:grid-cols-2">
        {cards.map((card) => (
          <li
            key={card.id}
            className="flex flex-col gap-2 rounded-lg border border-stone-300 bg-white p-3"
          >
            <Field
              id={`${card.id}-${nameField}`}
              label={nameField === 'name' ? t('name') : t('title')}
            >
              <input
                id={`${card.id}-${nameField}`}
                className={inputClass}
                maxLength={CARD_NAME_MAX_CHARS}
                value={card[nameField] ?? ''}
                onChange={(e) => setCardField(list, card.id ?? '', nameField, e.target.value)}
              />
            </Field>
            <Field id={`${card.id}-description`} label={t('description')}>
              <textarea
                id={`${card.id}-description`}
                className={inputClass}
                rows={2}
                maxLength={CARD_DESCRIPTION_MAX_CHARS}
                value={card.description ?? ''}
                onChange={(e) => setCardField(list, card.id ?? '', 'description', e.target.value)}
              />
            </Field>
            <Button
              variant="secondary"
              className="self-end"
              onClick={() => deleteCard(list, card.id ?? '')}
              aria-label={`${t('delete')}: ${card[nameField] ?? ''}`}
            >
              {t('delete')}
            </Button>
          </li>
        ))}
      </ul>
      <Button onClick={add} className="self-start">
        + {arrayName === 'personas' ? t('addPersona') : t('addSituation')}
      </Button>
    </section>
  );
}
