'use client';

import { useTranslations } from 'next-intl';
import { NOTE_TEXT_MAX_CHARS } from '@/lib/board/board-doc';
import { charsLeftToShow } from '@/lib/board/note-length';

/**
 * How many characters a note box has left, once it nears the limit. The box names this
 * line as its description (`describedBy`), so a screen reader reads it with the box.
 */
export function useCharsLeft(text: string, id: string) {
  const t = useTranslations('board');
  const left = charsLeftToShow(text);
  return {
    describedBy: left === null ? undefined : id,
    line:
      left === null ? null : (
        <p
          id={id}
          className={`text-xs ${left === 0 ? 'font-semibold text-red-800' : 'text-stone-700'}`}
        >
          {t('charsLeft', { count: left, max: NOTE_TEXT_MAX_CHARS })}
        </p>
      ),
  };
}
