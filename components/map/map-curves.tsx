'use client';

import { useTranslations } from 'next-intl';
import type { RatedRole } from '@/lib/analytics/curve';
import { linePath, markerPath, type MarkerShape } from '@/lib/analytics/line-path';
import type { JourneyMap, MapCurve } from '@/lib/board/journey-map';
import { valenceY } from '@/lib/export/map-marks';
import { useValenceFormat } from '../charts/format';
import { ROLE_STYLE } from '@/lib/domain/role-style';
import { TARGET_STYLE } from '../charts/palette';

/** A curve's look, as on every chart: each role its colour and marker, the target dashed black. */
function lineStyle(key: MapCurve['key']): {
  colour: string;
  shape: MarkerShape;
  dash?: string;
} {
  return key === 'target' ? TARGET_STYLE : ROLE_STYLE[key as RatedRole];
}

/** Pixel geometry of the map's curve band, shared by the band and its scale. */
export interface BandGeometry {
  colWidth: number;
  height: number;
  inset: number;
  stroke: number;
  marker: number;
  font: number;
}

/**
 * The emotion curves across the map's columns, in pixels that match the columns exactly
 * (never scaled), so each point sits over its step. Hand-offs are dashed rules.
 */
export function MapCurves({ map, g }: { map: JourneyMap; g: BandGeometry }) {
  const t = useTranslations('map');
  const tr = useTranslations('roles');
  const ta = useTranslations('analytics');
  const fmt = useValenceFormat();
  const n = map.columns.length;
  const width = n * g.colWidth;
  const x = (i: number) => g.colWidth * (i + 0.5);
  const y = (v: number) => valenceY(v, 0, g.height, g.inset);
  const name = (key: MapCurve['key']) => (key === 'target' ? ta('target') : tr(key));
  const summary = [
    t('curves'),
    ...map.curves.map((c) =>
      t('curveLine', {
        line: name(c.key),
        values: c.values
          .map((v, i) => `${i + 1}. ${v === null ? t('unrated') : fmt.level(v)}`)
          .join(', '),
      }),
    ),
  ].join('. ');
  return (
    <svg
      role="img"
      aria-label={summary}
      width={width}
      height={g.height}
      viewBox={`0 0 ${width} ${g.height}`}
      className="block"
      data-testid="map-curves"
    >
      {[3, 2, 1, 0, -1, -2, -3].map((v) => (
        <line
          key={v}
          x1={0}
          x2={width}
          y1={y(v)}
          y2={y(v)}
          stroke={v === 0 ? '#78716c' : '#e7e5e4'}
          strokeWidth={v === 0 ? 1.5 : 1}
        />
      ))}
      {map.columns.map((c) =>
        c.handoffToNext && c.index + 1 < n ? (
          <line
            key={c.stepId}
            x1={g.colWidth * (c.index + 1)}
            x2={g.colWidth * (c.index + 1)}
            y1={0}
            y2={g.height}
            stroke="#57534e"
            strokeWidth={1.5}
            strokeDasharray="4 3"
          />
        ) : null,
      )}
      {map.curves.map((curve) => {
        const style = lineStyle(curve.key);
        return (
          <g key={curve.key} data-line={curve.key}>
            <path
              d={linePath(curve.values.map((v, i) => (v === null ? null : { x: x(i), y: y(v) })))}
              fill="none"
              stroke={style.colour}
              strokeWidth={curve.key === 'target' ? g.stroke * 0.7 : g.stroke}
              strokeDasharray={style.dash}
              strokeLinejoin="round"
            />
            {curve.values.map((v, i) =>
              v === null ? null : (
                <path
                  key={i}
                  d={markerPath(style.shape, x(i), y(v), g.marker)}
                  fill={style.colour}
                  stroke="#ffffff"
                  strokeWidth={1}
                >
                  <title>
                    {ta('point', { line: name(curve.key), number: i + 1, mean: fmt.level(v) })}
                  </title>
                </path>
              ),
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** The −3…+3 scale beside the band, in the sticky lane-name column. */
export function MapScale({ g, width }: { g: BandGeometry; width: number }) {
  const fmt = useValenceFormat();
  return (
    <svg aria-hidden="true" width={width} height={g.height} className="block" fontSize={g.font}>
      {[3, 0, -3].map((v) => (
        <text
          key={v}
          x={width - 6}
          y={valenceY(v, 0, g.height, g.inset)}
          textAnchor="end"
          dominantBaseline="middle"
          fill="#44403c"
        >
          {fmt.level(v)}
        </text>
      ))}
    </svg>
  );
}

/** One legend entry's line and marker. */
export function LegendSwatch({ keyName }: { keyName: MapCurve['key'] }) {
  const s = lineStyle(keyName);
  return (
    <svg aria-hidden="true" viewBox="0 0 28 14" className="h-[0.9em] w-[1.8em] shrink-0">
      <line
        x1="1"
        x2="27"
        y1="7"
        y2="7"
        stroke={s.colour}
        strokeWidth="2"
        strokeDasharray={s.dash}
      />
      <path d={markerPath(s.shape, 14, 7, 4.5)} fill={s.colour} stroke="#ffffff" strokeWidth="1" />
    </svg>
  );
}
