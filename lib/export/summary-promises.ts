import { RATED_ROLES } from '../analytics/curve';
import type { Block, Section } from './summary';
import type { SummaryContext } from './summary-findings';
import { fill } from './words';

/**
 * "Promises broken": per role, the steps that felt worse than the step before had led the
 * role to expect, most broken first (lib/analytics/promises.ts). Says so when nobody said
 * what they expected next, so an empty list is not read as every promise kept.
 */
export function promisesSection(ctx: SummaryContext): Section {
  const { exp, n, stepName, role } = ctx;
  const { t } = ctx.words;
  const { promises } = exp.analysis;
  if (promises.gaps.length === 0) {
    return { title: t.promisesTitle, blocks: [{ kind: 'paragraph', text: t.promisesNone }] };
  }
  const lists = RATED_ROLES.flatMap((r): Block[] => {
    const items = promises.broken[r].map((g) =>
      fill(t.promiseItem, {
        step: stepName(g.stepId),
        expected: n.valence(g.expected),
        felt: n.valence(g.felt),
        gap: n.valence(g.gap),
      }),
    );
    return items.length ? [{ kind: 'list', label: role(r), items }] : [];
  });
  return {
    title: t.promisesTitle,
    blocks: [
      { kind: 'paragraph', text: t.promisesHow },
      ...(lists.length ? lists : [{ kind: 'paragraph' as const, text: t.nothing }]),
    ],
  };
}
