'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import type { JourneyMap as MapModel } from '@/lib/board/journey-map';
import type { Lane } from '@/lib/board/lanes';
import { CellNotes } from './cell-notes';
import { colEdge, type MapSize, SIZES, STICKY } from './grid-style';
import { MapHead } from './map-head';
import { MapLegend } from './map-legend';
import { useRovingCell } from './use-roving-cell';
import { useScrollCue } from './use-scroll-cue';

export interface JourneyMapProps {
  map: MapModel;
  /** 'huge' on the projector: wider columns and larger type. Default 'normal'. */
  size?: MapSize;
  /** Cells only read, never open (the projector, a printed summary). Default false. */
  readOnly?: boolean;
  /** A cell was opened (Enter, Space or a click): that step's lane. */
  onOpenCell?: (stepId: string, lane: Lane) => void;
}

/**
 * The journey map as an ARIA grid: steps as columns under their stages, the emotion
 * curves across the top (map-head.tsx), lanes as rows of notes. One cell is in the tab
 * order at a time (roving tabindex, use-roving-cell.ts). On a narrow screen it scrolls
 * sideways under fixed lane names, with a visible cue.
 */
export function JourneyMap({
  map,
  size = 'normal',
  readOnly = false,
  onOpenCell,
}: JourneyMapProps) {
  const t = useTranslations('map');
  const tl = useTranslations('lanes');
  const g = SIZES[size];
  const n = map.columns.length;
  const help = useId();
  const open = readOnly ? undefined : onOpenCell;
  const cellProps = useRovingCell(
    map.rows.length,
    n,
    open &&
      ((row, col) => {
        const cell = map.rows[row]?.cells[col];
        if (cell) open(cell.stepId, cell.lane);
      }),
  );
  const { scroller, showCue } = useScrollCue<HTMLDivElement>();

  return (
    <div className={`flex min-w-0 flex-col gap-2 ${g.text}`} data-testid="journey-map">
      <p id={help} className="text-xs text-stone-700">
        {open ? t('keys') : t('keysReadOnly')}
      </p>
      {showCue && (
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
            style={{ width: g.lane + n * g.band.colWidth }}
          >
            <colgroup>
              <col style={{ width: g.lane }} />
              {map.columns.map((c) => (
                <col key={c.stepId} style={{ width: g.band.colWidth }} />
              ))}
            </colgroup>
            <MapHead map={map} g={g} />
            <tbody>
              {map.rows.map((row, r) => (
                <tr key={row.lane} data-lane={row.lane}>
                  <th
                    scope="row"
                    className={`${STICKY} border-t border-stone-300 px-1.5 py-2 text-left align-top font-semibold wrap-anywhere ${g.laneName}`}
                  >
                    {tl(row.lane)}
                  </th>
                  {row.cells.map((cell, c) => (
                    <td
                      key={cell.stepId}
                      role="gridcell"
                      {...cellProps(r, c)}
                      onClick={open ? () => open(cell.stepId, cell.lane) : undefined}
                      className={`border-t border-stone-300 p-1.5 align-top outline-none focus-visible:bg-sky-50 focus-visible:ring-3 focus-visible:ring-sky-700 focus-visible:ring-inset ${colEdge(map, c)} ${open ? 'cursor-pointer hover:bg-stone-50' : ''}`}
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
        {showCue && (
          // A shadow on the right edge: there is more of the map that way.
          <div
            aria-hidden="true"
            className="pointer-events-none absolute top-0 right-0 bottom-0 w-8 rounded-r-lg bg-gradient-to-l from-stone-900/25 to-transparent"
          />
        )}
      </div>
      <MapLegend map={map} />
    </div>
  );
}
