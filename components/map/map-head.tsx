'use client';

import { useTranslations } from 'next-intl';
import type { JourneyMap, MapColumn } from '@/lib/board/journey-map';
import { ChannelLabel } from '../path/channel-label';
import { colEdge, type GridSizes, STAGE_BG, STICKY } from './grid-style';
import { MapCurves, MapScale } from './map-curves';

/**
 * The map's column headers: the stages over their steps, each step's header, and the
 * curves band across all steps with its scale under the lane names.
 */
export function MapHead({ map, g }: { map: JourneyMap; g: GridSizes }) {
  const t = useTranslations('map');
  const ts = useTranslations('stages');
  const n = map.columns.length;
  return (
    <thead>
      <tr>
        <td className={STICKY} />
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
          className={`${STICKY} px-2 py-1 text-left align-bottom text-xs text-stone-700`}
        >
          {t('lane')}
        </th>
        {map.columns.map((c) => (
          <StepHeader key={c.stepId} map={map} column={c} />
        ))}
      </tr>
      <tr>
        <th scope="row" className={`${STICKY} border-t border-stone-300 p-0 text-left align-top`}>
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
  );
}

/** A step's header: number and title, channel, critical mark, owner, and the hand-off after it. */
function StepHeader({ map, column: c }: { map: JourneyMap; column: MapColumn }) {
  const t = useTranslations('map');
  const ta = useTranslations('analytics');
  const n = map.columns.length;
  return (
    <th
      scope="col"
      className={`relative px-2 py-2 text-left align-top font-normal ${colEdge(map, c.index)}`}
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
  );
}
