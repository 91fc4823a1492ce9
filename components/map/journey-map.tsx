'use client';

import { useTranslations } from 'next-intl';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { JourneyMap as MapModel, MapCell, MapNote } from '@/lib/board/journey-map';
import type { Lane } from '@/lib/board/lanes';
import { ChannelLabel } from '../path/channel-label';
import { type BandGeometry, LegendSwatch, MapCurves, MapScale } from './map-curves';

/** Notes a cell shows before "+3 more"; opening the cell shows them all. */
const NOTES_SHOWN = 4;

/** Column widths in px, fixed so the curves above line up with the columns below. */
const SIZES = {
  normal: {
    lane: 124,
    band: { colWidth: 176, height: 150, inset: 14, stroke: 2.5, marker: 5, font: 12 },
    text: 'text-sm',
    laneName: 'text-[13px]',
    note: 'text-xs',
  },
  huge: {
    lane: 200,
    band: { colWidth: 240, height: 240, inset: 20, stroke: 4.5, marker: 9, font: 20 },
    text: 'text-xl',
    laneName: 'text-xl',
    note: 'text-lg',
  },
} as const satisfies Record<
  string,
  { lane: number; band: BandGeometry; text: string; laneName: string; note: string }
>;

export interface JourneyMapProps {
  map: MapModel;
  /** 'huge' on the projector: wider columns and larger type. Default 'normal'. */
  size?: 'normal' | 'huge';
  /** Cells only read, never open (the projector, a printed summary). Default false. */
  readOnly?: boolean;
  /** A cell was opened (Enter, Space or a click): that step's lane. */
  onOpenCell?: (stepId: string, lane: Lane) => void;
}

/**
 * The journey map as an ARIA grid: steps as columns under their stages, the emotion
 * curves across the top, lanes as rows of notes. One cell is in the tab order at a time
 * (roving tabindex); the arrow keys, Home, End and Ctrl+Home/End move between cells.
 * On a narrow screen it scrolls sideways under fixed lane names, with a visible cue.
 */
export function JourneyMap({
  map,
  size = 'normal',
  readOnly = false,
  onOpenCell,
}: JourneyMapProps) {
  const t = useTranslations('map');
  const tl = useTranslations('lanes');
  const ts = useTranslations('stages');
  const tr = useTranslations('roles');
  const ta = useTranslations('analytics');
  const g = SIZES[size];
  const n = map.columns.length;
  const rows = map.rows.length;
  const help = useId();
  const [active, setActive] = useState({ row: 0, col: 0 });
  const cells = useRef(new Map<string, HTMLTableCellElement>());
  const scroller = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ overflows: false, atEnd: true });
  const at = { row: Math.min(active.row, rows - 1), col: Math.min(active.col, n - 1) };
  const open = readOnly ? undefined : onOpenCell;

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    // The cue shows while some steps are off to the right; it goes once they are seen.
    const measure = () =>
      setScroll({
        overflows: el.scrollWidth > el.clientWidth + 1,
        atEnd: el.scrollLeft + el.clientWidth >= el.scrollWidth - 1,
      });
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(el);
    return () => {
      el.removeEventListener('scroll', measure);
      observer?.disconnect();
    };
  }, []);

  function move(row: number, col: number) {
    const next = {
      row: Math.max(0, Math.min(rows - 1, row)),
      col: Math.max(0, Math.min(n - 1, col)),
    };
    setActive(next);
    const el = cells.current.get(`${next.row}:${next.col}`);
    // The whole cell into view, clear of the fixed lane names (scroll-padding), not just a corner.
    el?.focus({ preventScroll: true });
    el?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }

  function onKeyDown(e: KeyboardEvent, row: number, col: number) {
    const ctrl = e.ctrlKey || e.metaKey;
    const moves: Record<string, () => void> = {
      ArrowRight: () => move(row, col + 1),
      ArrowLeft: () => move(row, col - 1),
      ArrowDown: () => move(row + 1, col),
      ArrowUp: () => move(row - 1, col),
      Home: () => (ctrl ? move(0, 0) : move(row, 0)),
      End: () => (ctrl ? move(rows - 1, n - 1) : move(row, n - 1)),
    };
    if (moves[e.key]) {
      e.preventDefault();
      moves[e.key]!();
    } else if ((e.key === 'Enter' || e.key === ' ') && open) {
      e.preventDefault();
      const cell = map.rows[row]?.cells[col];
      if (cell) open(cell.stepId, cell.lane);
    }
  }

  const tableWidth = g.lane + n * g.band.colWidth;
  const sticky = 'sticky left-0 z-10 bg-white';
  const handoffBefore = (i: number) => i > 0 && map.columns[i - 1]?.handoffToNext;
  const colEdge = (i: number) =>
    handoffBefore(i)
      ? 'border-l-2 border-dashed border-l-stone-600'
      : 'border-l border-l-stone-200';

  return (
    <div className={`flex min-w-0 flex-col gap-2 ${g.text}`} data-testid="journey-map">
      <p id={help} className="text-xs text-stone-700">
        {open ? t('keys') : t('keysReadOnly')}
      </p>
      {scroll.overflows && !scroll.atEnd && (
        <p className="text-sm font-medium text-stone-800" data-testid="map-swipe-cue">
          {t('swipe')} <span aria-hidden="true">→</span>
        </p>
      )}
      <div className="relative min-w-0">
        <div
          ref={scroller}
          // `relative`: the cells' sr-only texts (absolutely placed) must be clipped here too;
          // otherwise they escape to the page and widen a phone's page to the map's width.
          className="relative overflow-x-auto rounded-lg border border-stone-300 bg-white"
          // Scrolled into view by the keyboard, a cell stays clear of the fixed lane names.
          style={{ scrollPaddingLeft: g.lane }}
        >
          <table
            role="grid"
            aria-label={t('gridLabel')}
            aria-describedby={help}
            aria-readonly={readOnly || !onOpenCell || undefined}
            className="table-fixed border-separate border-spacing-0"
            style={{ width: tableWidth }}
          >
            <colgroup>
              <col style={{ width: g.lane }} />
              {map.columns.map((c) => (
                <col key={c.stepId} style={{ width: g.band.colWidth }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <td className={sticky} />
                {map.stages.map((s) => (
                  <th
                    key={s.start}
                    scope="colgroup"
                    colSpan={s.span}
                    className={`border-b-2 border-white px-2 py-1 text-left font-semibold ${STAGE_BG[s.stage]}`}
                  >
                    {ts(s.stage)}
                  </th>
                ))}
              </tr>
              <tr>
                <th
                  scope="col"
                  className={`${sticky} px-2 py-1 text-left align-bottom text-xs text-stone-700`}
                >
                  {t('lane')}
                </th>
                {map.columns.map((c) => (
                  <th
                    key={c.stepId}
                    scope="col"
                    className={`relative px-2 py-2 text-left align-top font-normal ${colEdge(c.index)}`}
                    data-step-id={c.stepId}
                  >
                    <span className="block font-semibold wrap-anywhere">
                      {ta('stepName', { number: c.index + 1, title: c.title })}
                    </span>
                    <span className="mt-1 flex flex-wrap items-center gap-1">
                      <ChannelLabel channel={c.channel} />
                      {c.critical && (
                        <span
                          className="inline-flex items-center gap-0.5 rounded-full bg-stone-900 px-2 text-xs font-semibold text-white"
                          data-critical
                        >
                          <span aria-hidden="true">★</span> {t('critical')}
                        </span>
                      )}
                    </span>
                    {c.department && (
                      <span className="mt-1 block text-xs text-stone-700 wrap-anywhere">
                        {t('owner', { department: c.department })}
                      </span>
                    )}
                    {c.handoffToNext && c.index + 1 < n && (
                      <span
                        className="absolute -right-3.5 -bottom-3.5 z-[5] flex h-7 w-7 items-center justify-center rounded-full border-2 border-stone-600 bg-white text-sm font-bold"
                        data-handoff={c.index}
                        title={t('handoff', {
                          from: c.handoffToNext.fromDepartment,
                          to: c.handoffToNext.toDepartment,
                        })}
                      >
                        <span aria-hidden="true">⇄</span>
                        <span className="sr-only">
                          {t('handoff', {
                            from: c.handoffToNext.fromDepartment,
                            to: c.handoffToNext.toDepartment,
                          })}
                        </span>
                      </span>
                    )}
                  </th>
                ))}
              </tr>
              <tr>
                <th
                  scope="row"
                  className={`${sticky} border-t border-stone-300 p-0 text-left align-top`}
                >
                  {/* The name at the left, the scale (+3, 0, −3) at the right edge: apart
                      however long the name is in the workshop's language. */}
                  <span className="relative block" style={{ height: g.band.height }}>
                    <span className="absolute inset-0">
                      <MapScale g={g.band} width={g.lane} />
                    </span>
                    <span
                      className="absolute left-0 px-1.5 text-[0.85em] font-semibold"
                      style={{ top: 4, right: g.band.font * 2.5 }}
                    >
                      {t('curves')}
                    </span>
                  </span>
                </th>
                <td colSpan={n} className="border-t border-stone-300 p-0 align-top">
                  {map.curves.length > 0 ? (
                    <MapCurves map={map} g={g.band} />
                  ) : (
                    <p className="px-3 py-6 text-stone-700" style={{ maxWidth: '40rem' }}>
                      {t('curvesLater')}
                    </p>
                  )}
                </td>
              </tr>
            </thead>
            <tbody>
              {map.rows.map((row, r) => (
                <tr key={row.lane} data-lane={row.lane}>
                  <th
                    scope="row"
                    className={`${sticky} border-t border-stone-300 px-1.5 py-2 text-left align-top font-semibold wrap-anywhere ${g.laneName}`}
                  >
                    {tl(row.lane)}
                  </th>
                  {row.cells.map((cell, c) => (
                    <td
                      key={cell.stepId}
                      role="gridcell"
                      ref={(el) => {
                        if (el) cells.current.set(`${r}:${c}`, el);
                        else cells.current.delete(`${r}:${c}`);
                      }}
                      tabIndex={r === at.row && c === at.col ? 0 : -1}
                      onKeyDown={(e) => onKeyDown(e, r, c)}
                      onFocus={() => setActive({ row: r, col: c })}
                      onClick={open ? () => open(cell.stepId, cell.lane) : undefined}
                      className={`border-t border-stone-300 p-1.5 align-top outline-none focus-visible:bg-sky-50 focus-visible:ring-3 focus-visible:ring-sky-700 focus-visible:ring-inset ${colEdge(c)} ${open ? 'cursor-pointer hover:bg-stone-50' : ''}`}
                      data-cell={`${row.lane}:${cell.stepId}`}
                    >
                      <CellNotes cell={cell} noteClass={g.note} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {scroll.overflows && !scroll.atEnd && (
          // A shadow on the right edge: there is more of the map that way.
          <div
            aria-hidden="true"
            className="pointer-events-none absolute top-0 right-0 bottom-0 w-8 rounded-r-lg bg-gradient-to-l from-stone-900/25 to-transparent"
          />
        )}
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={ta('legend')}>
        {map.curves.map((c) => (
          <li key={c.key} className="flex items-center gap-1">
            <LegendSwatch keyName={c.key} />
            {c.key === 'target' ? ta('target') : tr(c.key)}
          </li>
        ))}
        {map.columns.some((c) => c.critical) && (
          <li className="flex items-center gap-1">
            <span aria-hidden="true">★</span> {ta('critical')}
          </li>
        )}
        {map.columns.some((c) => c.handoffToNext) && (
          <li className="flex items-center gap-1">
            <span aria-hidden="true">⇄</span> {ta('handoff')}
          </li>
        )}
      </ul>
    </div>
  );
}

const STAGE_BG: Record<string, string> = {
  before: 'bg-sky-50',
  during: 'bg-emerald-50',
  after: 'bg-orange-50',
};

/** A cell's notes: groups under their titles first, then the rest; the count for screen readers. */
function CellNotes({ cell, noteClass }: { cell: MapCell<MapNote>; noteClass: string }) {
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
