'use client';

import { useTranslations } from 'next-intl';
import type { MapCell, MapNote } from '@/lib/board/journey-map';

/** Notes a cell shows before "+3 more"; opening the cell shows them all. */
const NOTES_SHOWN = 4;

/** A cell's notes: groups under their titles first, then the rest; the count for screen readers. */
export function CellNotes({ cell, noteClass }: { cell: MapCell<MapNote>; noteClass: string }) {
  const t = useTranslations('map');
  const shown: { group: string | null; note: MapNote }[] = [];
  for (const group of cell.groups)
    for (const note of group.notes) shown.push({ group: group.title, note });
  for (const note of cell.loose) shown.push({ group: null, note });
  const visible = shown.slice(0, NOTES_SHOWN);
  const rest = cell.count - visible.length;
  if (cell.count === 0) return <span className="sr-only">{t('notes', { count: 0 })}</span>;
  return (
    <div className={`flex flex-col gap-1 ${noteClass}`}>
      <span className="sr-only">{t('notes', { count: cell.count })}</span>
      <ul className="flex flex-col gap-1">
        {visible.map(({ group, note }, i) => (
          <li key={note.id}>
            {group !== null && visible[i - 1]?.group !== group && (
              <span className="mb-0.5 block font-semibold wrap-anywhere">{group}</span>
            )}
            <span
              className={`line-clamp-3 block rounded border bg-amber-50 px-1.5 py-1 wrap-anywhere ${
                group !== null ? 'border-dashed border-stone-500' : 'border-amber-200'
              }`}
            >
              {note.text}
            </span>
          </li>
        ))}
      </ul>
      {rest > 0 && (
        <span className="font-semibold text-stone-700">{t('more', { count: rest })}</span>
      )}
    </div>
  );
}
