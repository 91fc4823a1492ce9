'use client';

import { useTranslations } from 'next-intl';
import { rolesPresent, type CurvePoint, type RatedRole } from '@/lib/analytics/curve';
import { targetValence } from '@/lib/analytics/gaps';
import { markerPath, runsPath } from '@/lib/analytics/line-path';
import type { AnalyticsStep } from '@/lib/analytics/types';
import { curveGeometry } from '@/lib/charts/curve-geometry';
import { type CurveSize, curveLayout, UNMEASURED_WIDTH_PX } from './curve-layout';
import { CurveLegend, type LegendLine } from './curve-legend';
import { CurveStepLabel } from './curve-step-label';
import { CurveTable } from './curve-table';
import { useValenceFormat } from './format';
import { ROLE_STYLE } from '@/lib/domain/role-style';
import { TARGET_STYLE } from './palette';
import { useWidth } from './use-width';

export type ChartStep = Pick<AnalyticsStep, 'id' | 'title' | 'critical' | 'targetFeeling'>;

export interface EmotionCurveProps {
  /** The path, in order. */
  steps: readonly ChartStep[];
  /** The curve of those steps (matched by step id). */
  curve: readonly CurvePoint[];
  /** `fromIndex` of each hand-off: a marker is drawn between that step and the next. */
  handoffs?: readonly number[];
  /** 'huge' for the projector: bigger type, lines and markers. Default 'normal'. */
  size?: CurveSize;
  /** Draw for this width, in px, instead of measuring the container (tests, fixed layouts). */
  width?: number;
}

interface Line extends LegendLine {
  /** Nudged sideways, so that roles feeling the same at a step do not hide each other. */
  dodge: boolean;
  values: (number | null)[];
}

/** An emotion curve per role across the steps, with the target, hand-offs and critical steps. */
export function EmotionCurve({
  steps,
  curve,
  handoffs = [],
  size = 'normal',
  width: fixedWidth,
}: EmotionCurveProps) {
  const t = useTranslations('analytics');
  const tf = useTranslations('revealFlow');
  const tr = useTranslations('roles');
  const fmt = useValenceFormat();
  const [measure, measured] = useWidth<HTMLDivElement>();
  const g = curveLayout(fixedWidth ?? measured ?? UNMEASURED_WIDTH_PX[size], steps.length, size);
  const { width, height } = g;

  const byId = new Map(curve.map((p) => [p.stepId, p]));
  const points = steps.map((s) => byId.get(s.id));
  const roles = rolesPresent(curve);
  const targets = steps.map((s) => targetValence(s.targetFeeling));
  const roleMean = (role: RatedRole, i: number) => points[i]?.byRole[role]?.mean ?? null;

  const lines: Line[] = [
    ...roles.map((role) => ({
      key: role,
      label: tr(role),
      ...ROLE_STYLE[role],
      dodge: true,
      values: steps.map((_, i) => roleMean(role, i)),
    })),
    { key: 'target', label: t('target'), ...TARGET_STYLE, dodge: false, values: targets },
  ];
  // The layout's `right` is a margin; the geometry's is where the grid lines end.
  const geo = curveGeometry({ ...g, right: width - g.right }, steps.length, lines, handoffs);

  const low = points.reduce<{ i: number; mean: number } | null>((acc, p, i) => {
    const mean = p?.overall?.mean;
    return mean !== undefined && (acc === null || mean < acc.mean) ? { i, mean } : acc;
  }, null);
  const summary = low
    ? t('curveSummary', {
        steps: steps.length,
        roles: roles.map((r) => tr(r)).join(', '),
        number: low.i + 1,
        title: steps[low.i]?.title ?? '',
        mean: fmt.level(low.mean),
      })
    : t('curveEmpty', { steps: steps.length });

  return (
    <figure className={size === 'huge' ? 'text-2xl' : 'text-sm'} data-testid="emotion-curve">
      {g.scrolls && (
        <p className="mb-1 text-sm text-stone-700" data-testid="swipe-cue">
          {tf('swipe')} <span aria-hidden="true">→</span>
        </p>
      )}
      {/* Measured for the chart's width; scrolls sideways only when the steps cannot fit. */}
      <div
        ref={measure}
        className="w-full min-w-0 overflow-x-auto"
        {...(g.scrolls ? { tabIndex: 0, role: 'region', 'aria-label': t('curveTitle') } : {})}
      >
        <svg
          role="img"
          aria-label={summary}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          // Drawn at its own size (a viewBox unit is a pixel) so the type stays readable. On
          // the projector it may shrink to fit the screen's height: nobody scrolls a projector.
          className={
            size === 'huge' ? 'h-auto max-h-[max(18rem,calc(100vh-24rem))] max-w-full' : 'block'
          }
          fontSize={g.font}
        >
          {geo.ticks.map(({ value: v, y, zero }) => (
            <g key={v}>
              <line
                x1={geo.grid.x1}
                x2={geo.grid.x2}
                y1={y}
                y2={y}
                stroke={zero ? '#1c2330' : '#d6d3d1'}
                strokeWidth={zero ? g.stroke / 1.5 : 1}
              />
              <text
                x={geo.tickLabelX}
                y={y}
                textAnchor="end"
                dominantBaseline="middle"
                fill="#44403c"
              >
                {fmt.level(v)}
              </text>
            </g>
          ))}
          {geo.handoffs.map(({ from, x }) => (
            <g key={`handoff-${from}`} data-handoff={from}>
              <title>{t('handoffBetween', { from: from + 1, to: from + 2 })}</title>
              <line
                x1={x}
                x2={x}
                y1={g.top}
                y2={geo.plotBottom}
                stroke="#57534e"
                strokeWidth={g.stroke / 2}
                strokeDasharray="2 4"
              />
              <text x={x} y={geo.markY} textAnchor="middle">
                ⇄
              </text>
            </g>
          ))}
          {geo.columns.map(({ index: i, x }) => {
            const s = steps[i]!;
            return (
              <g key={s.id}>
                <CurveStepLabel layout={g} x={x} y={geo.stepLabelY} index={i} title={s.title} />
                {s.critical && (
                  <text x={x} y={geo.markY} textAnchor="middle" data-critical={i}>
                    <title>{t('critical')}</title>★
                  </text>
                )}
              </g>
            );
          })}
          {lines.map((line, k) => (
            <g key={line.key}>
              <path
                d={runsPath(geo.series[k]!.runs)}
                data-line={line.key}
                fill="none"
                stroke={line.colour}
                strokeWidth={g.stroke}
                strokeDasharray={line.dash}
                strokeLinejoin="round"
              />
              {geo.series[k]!.points.map(({ index: i, value: v, x, y }) => (
                <path
                  key={i}
                  d={markerPath(line.shape, x, y, g.r)}
                  fill={line.colour}
                  stroke="#ffffff"
                  strokeWidth={1}
                >
                  <title>
                    {t('point', { line: line.label, number: i + 1, mean: fmt.level(v) })}
                  </title>
                </path>
              ))}
            </g>
          ))}
        </svg>
      </div>
      <figcaption>
        <CurveLegend
          lines={lines}
          critical={steps.some((s) => s.critical)}
          handoffs={geo.handoffs.length > 0}
        />
      </figcaption>
      <CurveTable
        steps={steps}
        roles={roles}
        roleMean={roleMean}
        overall={(i) => points[i]?.overall?.mean}
        targets={targets}
      />
    </figure>
  );
}
