import { type HandoffEffect, handoffLine, type HandoffWho } from '../analytics/handoff-effects';
import type { Block, Section } from './summary';
import type { SummaryContext } from './summary-findings';
import { fill } from './words';

/** One hand-off: the change in the customer's boots, then the others' (see `handoffLine`). */
function handoffItem(ctx: SummaryContext, h: HandoffEffect): string {
  const { t } = ctx.words;
  const item = (change: string) =>
    fill(t.handoffItem, {
      from: ctx.stepName(h.fromStepId),
      to: ctx.stepName(h.toStepId),
      fromDepartment: h.fromDepartment,
      toDepartment: h.toDepartment,
      change,
    });
  if (h.change === null) return item(t.notRated);
  const name = (who: HandoffWho) =>
    who === 'customerLens' ? t.handoffInBoots : who === 'everyone' ? t.overall : ctx.role(who);
  const change = (who: HandoffWho, value: number | null) =>
    fill(t.handoffChange, { who: name(who), change: ctx.mean(value) });
  const { main, beside } = handoffLine(h, ctx.exp.analysis.customerBoots);
  const first = change(main.who, main.change);
  if (beside.length === 0) return item(first);
  const others = beside.map((b) => change(b.who, b.change)).join(', ');
  return item(fill(t.handoffOthers, { item: first, others }));
}

/**
 * The hand-offs in the order of the JSON's `rankings.worstHandoffs` (the largest fall in
 * the customer's boots first), saying whose fall ranks them; then the others in path order.
 */
export function handoffSection(ctx: SummaryContext): Section {
  const { t } = ctx.words;
  const { analysis } = ctx.exp;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: fill(t.handoffCount, { count: analysis.bounces }, ctx.words.locale),
    },
  ];
  const rated = analysis.curve.some((p) => p.overall !== null);
  if (analysis.handoffs.length > 0 && rated) {
    const basis = {
      proxies: t.handoffByProxies,
      customerLens: t.handoffByLens,
      everyone: t.handoffByEveryone,
    }[analysis.customerBoots];
    const worst = analysis.rankings.worstHandoffs;
    blocks.push(
      { kind: 'paragraph', text: basis },
      worst.length
        ? { kind: 'list', label: t.handoffsWorst, items: worst.map((h) => handoffItem(ctx, h)) }
        : { kind: 'paragraph', text: t.handoffsNoFall },
    );
  }
  const ranked = new Set(analysis.rankings.worstHandoffs.map((h) => h.fromIndex));
  const rest = analysis.handoffs.filter((h) => !ranked.has(h.fromIndex));
  if (rest.length > 0) {
    const items = rest.map((h) => handoffItem(ctx, h));
    blocks.push(rated ? { kind: 'list', label: t.handoffsOther, items } : { kind: 'list', items });
  }
  return { title: t.handoffsTitle, blocks };
}
