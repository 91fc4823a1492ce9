import { type CurvePoint, RATED_ROLES } from '../analytics/curve';
import type { EffortStats } from '../analytics/effort';
import type { Block, Section } from './summary';
import type { SummaryContext } from './summary-findings';
import { fill } from './words';

/**
 * At most this many segments side by side in one table: more would not fit an A4 page's
 * width, so a longer split continues in another table below.
 */
const SEGMENTS_PER_TABLE = 4;

interface Segment {
  label: string;
  count: number;
  curve: CurvePoint[];
}

/** One row per step, one column per segment: the segment's mean feeling at the step. */
function segmentTables(ctx: SummaryContext, segments: Segment[]): Block[] {
  const { exp, words, mean } = ctx;
  const { t } = words;
  const tables: Block[] = [];
  for (let from = 0; from < segments.length; from += SEGMENTS_PER_TABLE) {
    const part = segments.slice(from, from + SEGMENTS_PER_TABLE);
    tables.push({
      kind: 'table',
      head: ['#', t.step, ...part.map((s) => fill(t.segmentHead, { label: s.label, n: s.count }))],
      numeric: [true, false, ...part.map(() => true)],
      rows: exp.path.map((step, i) => [
        String(i + 1),
        step.title,
        ...part.map((s) => mean(s.curve.find((p) => p.stepId === step.id)?.overall?.mean)),
      ]),
    });
  }
  return tables;
}

function split(ctx: SummaryContext, title: string, segments: Segment[]): Section {
  const { t } = ctx.words;
  return {
    title,
    blocks: segments.length
      ? [{ kind: 'paragraph', text: t.segmentNote }, ...segmentTables(ctx, segments)]
      : [{ kind: 'paragraph', text: t.noRatings }],
  };
}

/**
 * The curve split by situation card and by persona (the screens show the same), then
 * the effort per step and role and the steps where effort was high and feeling low.
 */
export function segmentSections(ctx: SummaryContext): Section[] {
  const { exp, words, n, role, stepName } = ctx;
  const { t } = words;
  const { analysis } = exp;
  const cardTitle = new Map(exp.situations.map((c) => [c.id, c.title]));
  const personaName = new Map(exp.personas.map((p) => [p.id, p.name]));
  const byCard = analysis.byCard.map((s) => ({
    ...s,
    label: s.cardId === null ? t.noCard : (cardTitle.get(s.cardId) ?? s.cardId),
  }));
  const byPersona = analysis.byPersona.map((s) => ({
    ...s,
    label: s.personaId === null ? t.noPersona : (personaName.get(s.personaId) ?? s.personaId),
  }));

  const effort = (e: EffortStats | null | undefined) =>
    e ? fill(t.effortCell, { mean: n.amount(e.mean), high: n.percent(e.highShare) }) : t.unrated;
  const { steps, path } = analysis.effort;
  const answered = steps.some((p) => p.overall !== null);
  const effortTable: Block = {
    kind: 'table',
    head: ['#', t.step, ...RATED_ROLES.map(role), t.overall],
    numeric: [true, false, ...RATED_ROLES.map(() => true), true],
    rows: [
      ...exp.path.map((s, i) => {
        const p = steps.find((x) => x.stepId === s.id);
        return [
          String(i + 1),
          s.title,
          ...RATED_ROLES.map((r) => effort(p?.byRole[r])),
          effort(p?.overall),
        ];
      }),
      ['', t.wholePath, ...RATED_ROLES.map((r) => effort(path.byRole[r])), effort(path.overall)],
    ],
  };
  const ranked = analysis.rankings.highEffortLowFeeling.map((h) =>
    fill(t.effortHotspotItem, {
      step: stepName(h.stepId),
      effort: n.amount(h.effort),
      feeling: n.valence(h.feeling),
      score: n.amount(h.score),
    }),
  );
  return [
    split(ctx, t.byCardTitle, byCard),
    split(ctx, t.byPersonaTitle, byPersona),
    {
      title: t.effortTitle,
      blocks: answered
        ? [{ kind: 'paragraph', text: t.effortNote }, effortTable]
        : [{ kind: 'paragraph', text: t.noEffort }],
    },
    {
      title: t.effortHotspotsTitle,
      blocks: [
        { kind: 'paragraph', text: t.effortHotspotsNote },
        ranked.length ? { kind: 'list', items: ranked } : { kind: 'paragraph', text: t.nothing },
      ],
    },
  ];
}
