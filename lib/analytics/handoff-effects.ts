import { LENSES, type Lens } from '../domain/roles';
import { groupByStep, RATED_ROLES, type RatedRole, stats } from './curve';
import { handoffs, type Handoff } from './handoffs';
import type { AnalyticsRating, AnalyticsStep } from './types';

/**
 * Whose fall ranks the hand-offs: those walking in the customer's boots. A hand-off is
 * where the customer is bounced between silos, so it is measured by the people nearest to
 * the customer's own voice who rated, chosen once for the whole analysis (so every
 * hand-off is ranked by the same people):
 * - `proxies`: customer proxies rating through the customer's lens;
 * - `customerLens`: no proxy did, so anyone rating through the customer's lens (leaders
 *   or staff imagining the customer);
 * - `everyone`: nobody rated through the customer's lens.
 * A leader in the customer's lens is not a customer proxy: with proxies in the room,
 * leaders and staff are what is shown beside the customer's fall, never part of it.
 */
const CUSTOMER_BOOTS = ['proxies', 'customerLens', 'everyone'] as const;
export type CustomerBoots = (typeof CUSTOMER_BOOTS)[number];

/** What the hand-off analysis reads of a rating. */
export type HandoffRating = Pick<AnalyticsRating, 'stepId' | 'role' | 'lens' | 'valence'>;

const IN_BOOTS: Record<CustomerBoots, (r: HandoffRating) => boolean> = {
  proxies: (r) => r.role === 'customer' && r.lens === 'customer',
  customerLens: (r) => r.lens === 'customer',
  everyone: () => true,
};

export interface HandoffEffect extends Handoff {
  /** Everyone's mean before and after the hand-off; null when that side is unrated. */
  fromMean: number | null;
  toMean: number | null;
  /** Everyone's mean after − before; negative when the hand-off hurt. Null if either side is unrated. */
  change: number | null;
  /**
   * The change felt in the customer's boots (`HandoffEffects.customerBoots` says whose):
   * their mean after − their mean before. What ranks the hand-off. Null unless they rated
   * both sides.
   */
  customerChange: number | null;
  /** Each rated role's mean after − before; null where the role did not rate both sides. */
  byRole: Record<RatedRole, number | null>;
  /** The same through each lens, whatever the role. */
  byLens: Record<Lens, number | null>;
}

export interface HandoffEffects {
  handoffs: HandoffEffect[];
  /** How many times the path bounces the customer between departments. */
  bounces: number;
  /** Whose change is `customerChange`. */
  customerBoots: CustomerBoots;
}

/** Who walks in the customer's boots among these counted ratings (see `CustomerBoots`). */
function customerBoots(counted: readonly HandoffRating[]): CustomerBoots {
  return CUSTOMER_BOOTS.find((boots) => counted.some(IN_BOOTS[boots])) ?? 'everyone';
}

/**
 * The change in mean valence across each hand-off: for everyone, for those in the
 * customer's boots, per role and per lens. Means of whoever rated each side (ratings carry
 * no rater), all rounds given pooled; the journey passes one round.
 */
export function handoffEffects(
  steps: readonly Pick<AnalyticsStep, 'id' | 'department'>[],
  ratings: readonly HandoffRating[],
): HandoffEffects {
  const groups = groupByStep(steps, ratings);
  const boots = customerBoots([...groups.values()].flat());
  const change = (h: Handoff, keep: (r: HandoffRating) => boolean) => {
    const mean = (index: number) =>
      stats((groups.get(steps[index]?.id ?? '') ?? []).filter(keep).map((r) => r.valence))?.mean ??
      null;
    const from = mean(h.fromIndex);
    const to = mean(h.fromIndex + 1);
    return { from, to, change: from !== null && to !== null ? to - from : null };
  };
  const effects = handoffs(steps).map((h): HandoffEffect => {
    const everyone = change(h, () => true);
    return {
      ...h,
      fromMean: everyone.from,
      toMean: everyone.to,
      change: everyone.change,
      customerChange: change(h, IN_BOOTS[boots]).change,
      byRole: Object.fromEntries(
        RATED_ROLES.map((role) => [role, change(h, (r) => r.role === role).change]),
      ) as Record<RatedRole, number | null>,
      byLens: Object.fromEntries(
        LENSES.map((lens) => [lens, change(h, (r) => r.lens === lens).change]),
      ) as Record<Lens, number | null>,
    };
  });
  return { handoffs: effects, bounces: effects.length, customerBoots: boots };
}

/** Whose change a figure is: a role, those in the customer's lens, or everyone. */
export type HandoffWho = RatedRole | 'customerLens' | 'everyone';

/** What a hand-off's line says, for the screens and the exports alike. */
export interface HandoffLine {
  /** The change in the customer's boots (null: they did not rate both sides). */
  main: { who: HandoffWho; change: number | null };
  /**
   * Beside it, each role's change that is not the main figure again (the proxies' when they
   * are the main one), then everyone's unless it is the main one; only what was rated on
   * both sides. So "the leaders did not notice the fall the customers felt" shows.
   */
  beside: Array<{ who: HandoffWho; change: number }>;
}

export function handoffLine(h: HandoffEffect, boots: CustomerBoots): HandoffLine {
  const main: HandoffWho = boots === 'proxies' ? 'customer' : boots;
  const beside: HandoffLine['beside'] = [];
  for (const role of RATED_ROLES) {
    const change = h.byRole[role];
    if (role !== main && change !== null) beside.push({ who: role, change });
  }
  if (main !== 'everyone' && h.change !== null) beside.push({ who: 'everyone', change: h.change });
  return { main: { who: main, change: h.customerChange }, beside };
}
