import { LANES, type Lane } from '../board/lanes';
import { stepNotes } from './board-notes';
import type { ExportNote, WorkshopExport } from './model';
import type { Block, Section } from './summary';
import { handoffSection } from './summary-handoffs';
import { promisesSection } from './summary-promises';
import { type ExportWords, fill, numberFormats } from './words';

/** How many of each ranked thing the summary lists. */
const SUMMARY_TOP_NOTES = 5;
const SUMMARY_TOP_IDEAS = 10;

/** What the section builders share: the export, its words and formatters. */
export interface SummaryContext {
  exp: WorkshopExport;
  words: ExportWords;
  n: ReturnType<typeof numberFormats>;
  /** "3. Invoice" for a step id; the id itself for a step no longer on the path. */
  stepName: (id: string) => string;
  role: (role: string) => string;
  /** A mean valence, or the "unrated" mark. */
  mean: (v: number | null | undefined) => string;
}

function orNothing(ctx: SummaryContext, items: string[]): Block {
  return items.length > 0
    ? { kind: 'list', items }
    : { kind: 'paragraph', text: ctx.words.t.nothing };
}

/**
 * Perception gaps, target gaps, broken expectations, hand-offs, moments of truth: each in
 * the order of its ranking in the JSON (`analysis.rankings`), worst first.
 */
export function analysisSections(ctx: SummaryContext): Section[] {
  const { exp, n, stepName, role, mean } = ctx;
  const { t } = ctx.words;
  const { analysis } = exp;
  const { rankings } = analysis;
  const perception = rankings.perceptionGaps.map((g) =>
    fill(t.perceptionItem, {
      step: stepName(g.stepId),
      high: g.high ? role(g.high.role) : '',
      highMean: mean(g.high?.mean),
      low: g.low ? role(g.low.role) : '',
      lowMean: mean(g.low?.mean),
      gap: n.amount(g.gap ?? 0),
    }),
  );
  const targets = rankings.targetGaps.map((g) =>
    fill(t.targetGapItem, {
      step: stepName(g.stepId),
      target: mean(g.target),
      felt: mean(g.felt),
      gap: n.amount(g.gap ?? 0),
    }),
  );
  const broken = rankings.brokenExpectations.map((e) => {
    const item = fill(t.expectationItem, {
      step: stepName(e.stepId),
      share: n.percent(e.worse ?? 0),
    });
    return e.brokenPromise ? fill(t.brokenPromise, { item }) : item;
  });
  const moments = rankings.momentsOfTruth.map((m) =>
    fill(t.momentItem, { step: stepName(m.stepId), score: n.amount(m.score) }),
  );
  return [
    { title: t.perceptionTitle, blocks: [orNothing(ctx, perception)] },
    { title: t.targetGapsTitle, blocks: [orNothing(ctx, targets)] },
    { title: t.expectationsTitle, blocks: [orNothing(ctx, broken)] },
    promisesSection(ctx),
    handoffSection(ctx),
    { title: t.momentsTitle, blocks: [orNothing(ctx, moments)] },
  ];
}

/**
 * Most-grouped first (a group counts its notes); ungrouped notes follow in creation order.
 * Blank notes count nowhere (see `stepNotes`).
 */
export function topNotes(
  exp: WorkshopExport,
  stepId: string,
  lane: Lane,
  words: ExportWords,
): string[] {
  const groups = new Map<string, ExportNote[]>();
  const loose: string[] = [];
  for (const note of stepNotes(exp, stepId, lane)) {
    const group = note.groupId ? exp.groups.find((g) => g.id === note.groupId) : undefined;
    if (group) groups.set(group.id, [...(groups.get(group.id) ?? []), note]);
    else loose.push(note.text.trim());
  }
  const grouped = exp.groups
    .filter((g) => groups.has(g.id))
    .map((g) => ({ title: g.title, count: groups.get(g.id)!.length }))
    .sort((a, b) => b.count - a.count)
    .map((g) => fill(words.t.groupItem, g));
  return [...grouped, ...loose].slice(0, SUMMARY_TOP_NOTES);
}

/** Pains and gains per step, the top-voted ideas, and the actions. */
export function boardSections(ctx: SummaryContext): Section[] {
  const { exp, words, stepName } = ctx;
  const { t } = words;
  const parts = exp.path
    .map((s, i) => {
      const pains = topNotes(exp, s.id, 'pains', words);
      const gains = topNotes(exp, s.id, 'gains', words);
      const blocks: Block[] = [];
      if (pains.length) blocks.push({ kind: 'list', label: words.lanes.pains, items: pains });
      if (gains.length) blocks.push({ kind: 'list', label: words.lanes.gains, items: gains });
      return { title: `${i + 1}. ${s.title}`, blocks };
    })
    .filter((p) => p.blocks.length > 0);

  const ideas = exp.ideas.slice(0, SUMMARY_TOP_IDEAS);
  const ideaTable: Block = {
    kind: 'table',
    head: ['#', t.idea, t.step, t.dots],
    numeric: [true, false, false, true],
    rows: ideas.map((idea, i) => [
      String(i + 1),
      idea.text,
      stepName(idea.stepId),
      String(idea.dots),
    ]),
  };
  const actionTable: Block = {
    kind: 'table',
    head: [t.action, t.owner, t.department, t.due, t.step],
    numeric: [false, false, false, false, false],
    rows: exp.actions.map((a) => [
      a.text,
      a.owner ?? '',
      a.department ?? '',
      a.dueDate ?? '',
      a.stepId ? stepName(a.stepId) : '',
    ]),
  };
  return [
    {
      title: t.painsGainsTitle,
      blocks: parts.length ? [] : [{ kind: 'paragraph', text: t.noNotes }],
      parts,
    },
    {
      title: t.ideasTitle,
      blocks: ideas.length ? [ideaTable] : [{ kind: 'paragraph', text: t.noIdeas }],
    },
    {
      title: t.actionsTitle,
      blocks: exp.actions.length ? [actionTable] : [{ kind: 'paragraph', text: t.noActions }],
    },
    laneSection(ctx),
  ];
}

/**
 * The whole board: per step, every lane with every note that says something, in board
 * order; a grouped note is led by its group's title. The JSON and CSV hold each note, so
 * the documents people read (Markdown, PDF) leave none of them out either.
 */
function laneSection({ exp, words }: SummaryContext): Section {
  const groupTitle = new Map(exp.groups.map((g) => [g.id, g.title]));
  const parts = exp.path
    .map((s, i) => ({
      title: `${i + 1}. ${s.title}`,
      blocks: LANES.flatMap((lane): Block[] => {
        const items = stepNotes(exp, s.id, lane).map((note) => {
          const group = note.groupId ? groupTitle.get(note.groupId) : undefined;
          return group ? `${group}: ${note.text.trim()}` : note.text.trim();
        });
        return items.length ? [{ kind: 'list', label: words.lanes[lane], items }] : [];
      }),
    }))
    .filter((p) => p.blocks.length > 0);
  return {
    title: words.t.boardTitle,
    blocks: parts.length ? [] : [{ kind: 'paragraph', text: words.t.boardEmpty }],
    parts,
  };
}
