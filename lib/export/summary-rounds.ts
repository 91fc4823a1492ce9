import { RATED_ROLES } from '../analytics/curve';
import type { RoundAnalysis } from '../analytics/rounds';
import { LENSES } from '../domain/roles';
import type { Block, Section } from './summary';
import { analysisSections, type SummaryContext } from './summary-findings';
import { fill } from './words';

/** "Round 1 (Customer's boots)": the round and the lenses its ratings were given through. */
function roundLabel(ctx: SummaryContext, round: RoundAnalysis): string {
  const { words } = ctx;
  const lenses = LENSES.filter((l) => round.lenses[l] > 0)
    .map((l) => words.lenses[l])
    .join(', ');
  return fill(words.t.roundFindingsTitle, { round: round.round, lenses });
}

/**
 * The findings of each earlier round, one section per round (the sections before them are
 * the latest round's), so a later round does not hide what an earlier one found. Each
 * finding list of `analysisSections` becomes a part of the round's section.
 */
function earlierRounds(ctx: SummaryContext, rounds: readonly RoundAnalysis[]): Section[] {
  const { words } = ctx;
  const latest = rounds.at(-1)!;
  return rounds.slice(0, -1).map((round) => {
    const own: SummaryContext = { ...ctx, exp: { ...ctx.exp, analysis: round.analysis } };
    const count = round.analysis.byRound.reduce((sum, r) => sum + r.count, 0);
    return {
      title: roundLabel(ctx, round),
      blocks: [
        {
          kind: 'paragraph',
          text: fill(
            words.t.roundFindingsNote,
            { round: round.round, count, latest: latest.round },
            words.locale,
          ),
        },
      ],
      parts: analysisSections(own).map((s) => ({ title: s.title, blocks: s.blocks })),
    };
  });
}

/** Per role, a table: the role's mean feeling at each step in each round, and the change. */
function changesSection(ctx: SummaryContext, rounds: readonly RoundAnalysis[]): Section {
  const { exp, words, n, role, mean } = ctx;
  const { t } = words;
  const changes = exp.roundChanges ?? [];
  const first = rounds[0]!.round;
  const latest = rounds.at(-1)!.round;
  const tables = RATED_ROLES.flatMap((r): Block[] => {
    const mine = changes.filter((c) => c.role === r);
    if (mine.length === 0) return [];
    return [
      { kind: 'paragraph', text: role(r) },
      {
        kind: 'table',
        head: [
          '#',
          t.step,
          ...rounds.map((x) => fill(t.roundHead, { round: x.round })),
          t.compareChange,
        ],
        numeric: [true, false, ...rounds.map(() => true), true],
        rows: mine.map((c) => [
          String(c.index + 1),
          exp.path[c.index]?.title ?? c.stepId,
          ...c.means.map((m) => mean(m.mean)),
          c.change === null ? t.unrated : n.valence(c.change),
        ]),
      },
    ];
  });
  return {
    title: t.roundChangesTitle,
    blocks: [
      { kind: 'paragraph', text: fill(t.roundChangesNote, { first, latest }) },
      ...(tables.length ? tables : [{ kind: 'paragraph' as const, text: t.nothing }]),
    ],
  };
}

/**
 * With more than one round: each earlier round's findings, then what changed between the
 * rounds by role. With one round (or an export made before rounds were kept): nothing.
 */
export function roundSections(ctx: SummaryContext): Section[] {
  const rounds = ctx.exp.rounds ?? [];
  if (rounds.length < 2) return [];
  return [...earlierRounds(ctx, rounds), changesSection(ctx, rounds)];
}
