import { RATED_ROLES, type RatedRole } from '../analytics/curve';
import { targetValence } from '../analytics/gaps';
import {
  hiddenBecause,
  leaderStaffGap,
  type NpsFigure,
  type WarmupResults,
} from '../analytics/warmup';
import { WARMUP_ROLE_MIN_ANSWERS } from '../constants';
import { ROLES } from '../domain/roles';
import type { WorkshopExport } from './model';
import { analysisSections, boardSections, type SummaryContext } from './summary-findings';
import { roundSections } from './summary-rounds';
import { segmentSections } from './summary-segments';
import { type ExportWords, exportWords, fill, formatDate, label, numberFormats } from './words';

/**
 * The summary as plain text in blocks, in the workshop's language: what the Markdown and
 * the PDF both render. Nothing here is markup: renderers escape every string they print.
 */
export type Block =
  | { kind: 'facts'; rows: Array<[string, string]> }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; label?: string; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][]; numeric: boolean[] };

export interface Section {
  title: string;
  blocks: Block[];
  /** Level-3 parts (pains and gains per step). */
  parts?: Array<{ title: string; blocks: Block[] }>;
}

/** The emotion curve's data, for a chart: one value per step, null where unrated. */
export interface CurveData {
  steps: Array<{ number: number; title: string }>;
  lines: Array<{ role: RatedRole; label: string; values: Array<number | null> }>;
  target: Array<number | null>;
}

export interface Summary {
  title: string;
  heading: string;
  words: ExportWords;
  sections: Section[];
  /** Null when nothing has been revealed: there is no curve to draw. */
  curve: CurveData | null;
  /** Where the curve goes: before this section's index. */
  curveBefore: number;
}

function npsLine(words: ExportWords, name: string, f: NpsFigure | null): string {
  if (!f) return `${name}: ${words.t.warmupFew}`;
  const n = numberFormats(words.locale);
  return fill(
    words.t.npsItem,
    {
      ...f,
      label: name,
      score: n.nps(f.score),
      mean: n.amount(f.mean),
    },
    words.locale,
  );
}

/**
 * The warm-up's scores per role, and leaders minus staff when both show; a hidden role
 * says why (the rule is lib/analytics/warmup.ts's).
 */
function warmupByRole({ words, n, role }: SummaryContext, w: WarmupResults): Block[] {
  const { t } = words;
  const why = { none: t.warmupNone, few: t.warmupFew, others: t.warmupOthers };
  const rows = RATED_ROLES.map((r) => {
    const part = w.byRole[r];
    const f = part.figures;
    const hidden = why[hiddenBecause(part) ?? 'none'];
    return f
      ? [role(r), String(part.count), n.nps(f.enps.score), n.nps(f.customerEstimate.score)]
      : [role(r), String(part.count), hidden, '–'];
  });
  const gap = leaderStaffGap(w);
  if (gap) rows.push([t.warmupGap, '', n.nps(gap.enps), n.nps(gap.customerEstimate)]);
  return [
    {
      kind: 'paragraph',
      text: fill(t.warmupByRole, { min: WARMUP_ROLE_MIN_ANSWERS }, words.locale),
    },
    {
      kind: 'table',
      head: [t.warmupRole, t.warmupAnswers, t.warmupEnps, t.warmupEstimate],
      numeric: [false, true, true, true],
      rows,
    },
  ];
}

/** Builds the summary of an export. Pure: the same export gives the same summary. */
export function buildSummary(exp: WorkshopExport): Summary {
  const words = exportWords(exp.workshop.locale);
  const { t } = words;
  const n = numberFormats(words.locale);
  const { analysis, path } = exp;
  const ctx: SummaryContext = {
    exp,
    words,
    n,
    stepName: (id) => {
      const i = path.findIndex((s) => s.id === id);
      return i < 0 ? id : `${i + 1}. ${path[i]!.title}`;
    },
    role: (r) => label(words.roles, r),
    mean: (v) => (v == null ? t.unrated : n.valence(v)),
  };
  const { role, mean } = ctx;

  const people = ROLES.filter((r) => exp.participantsByRole[r])
    .map((r) => `${role(r)} ${exp.participantsByRole[r]}`)
    .join(', ');
  const facts: Section = {
    title: t.factsTitle,
    blocks: [
      {
        kind: 'facts',
        rows: [
          [t.date, formatDate(exp.workshop.createdAt, words.locale)],
          [t.template, exp.workshop.templateId],
          [t.language, label(words.locales, exp.workshop.locale)],
          [t.phase, label(words.phases, exp.workshop.phase)],
          [t.rounds, String(exp.workshop.rounds)],
          [t.ratingsMode, exp.workshop.anonymous ? t.anonymous : t.named],
          [t.participants, people || t.nobody],
          [t.exportedAt, formatDate(exp.exportedAt, words.locale)],
        ],
      },
    ],
  };

  const warmup: Section = {
    title: t.warmupTitle,
    blocks: exp.warmup
      ? [
          {
            kind: 'list',
            items: [
              npsLine(words, t.enps, exp.warmup.enps),
              npsLine(words, t.customerEstimate, exp.warmup.customerEstimate),
            ],
          },
          ...warmupByRole(ctx, exp.warmup),
        ]
      : [{ kind: 'paragraph', text: t.warmupMissing }],
  };

  const rated = analysis.curve.some((p) => p.overall !== null);
  const round = exp.ratings.reduce((max, r) => Math.max(max, r.round), 0);
  const point = (stepId: string) => analysis.curve.find((p) => p.stepId === stepId);
  const stepTable: Block = {
    kind: 'table',
    head: ['#', t.step, t.department, t.target, ...RATED_ROLES.map(role), t.overall],
    numeric: [true, false, false, false, ...RATED_ROLES.map(() => true), true],
    rows: path.map((s, i) => {
      const target = targetValence(s.targetFeeling);
      const feeling = label(words.emotions, s.targetFeeling);
      return [
        String(i + 1),
        s.critical ? `${s.title} (${t.critical})` : s.title,
        s.department,
        target === null ? feeling : `${feeling} ${n.valence(target)}`,
        ...RATED_ROLES.map((r) => mean(point(s.id)?.byRole[r]?.mean)),
        mean(point(s.id)?.overall?.mean),
      ];
    }),
  };
  const steps: Section = {
    title: t.stepsTitle,
    blocks: [
      { kind: 'paragraph', text: rated ? fill(t.analysedRound, { round }) : t.noRatings },
      stepTable,
    ],
  };

  const curve: CurveData | null = rated
    ? {
        steps: path.map((s, i) => ({ number: i + 1, title: s.title })),
        lines: RATED_ROLES.filter((r) => analysis.curve.some((p) => p.byRole[r] !== null)).map(
          (r) => ({
            role: r,
            label: role(r),
            values: path.map((s) => point(s.id)?.byRole[r]?.mean ?? null),
          }),
        ),
        target: path.map((s) => targetValence(s.targetFeeling)),
      }
    : null;

  return {
    title: exp.workshop.title,
    heading: t.heading,
    words,
    sections: [
      facts,
      warmup,
      steps,
      ...analysisSections(ctx),
      ...roundSections(ctx),
      ...segmentSections(ctx),
      ...boardSections(ctx),
    ],
    curve,
    curveBefore: 2,
  };
}
