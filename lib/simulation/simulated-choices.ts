/**
 * What the simulated participants of a practice workshop do: pure, seeded choices, so a
 * facilitator trying every phase alone sees plausible, varied results (leaders rosier
 * than customer proxies, critical steps and hand-offs hurting most), and tests can
 * predict them.
 */
import { z } from 'zod';
import demoTexts from '../../seeds/simulation.json';
import { EMOTIONS, type Emotion } from '../domain/emotions';
import type { Expectation } from '../analytics/types';
import { LOCALES, type Locale, type Role } from '../domain/roles';

/** A small seeded generator (mulberry32): the same seed gives the same room. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

function pick<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

export interface SimulatedPerson {
  name: string;
  role: Exclude<Role, 'facilitator' | 'observer'>;
}

const Text = z.string().trim().min(1).max(200);
const NoteLane = z.array(Text).min(1);

/** One language's words for the simulated participants. */
const DemoTexts = z.strictObject({
  /**
   * Seven people, marked in their names ("(demo)") so nobody mistakes them for real
   * people in any list or export; `simulatedCast` takes them in a fixed order.
   */
  cast: z
    .array(z.strictObject({ name: Text, role: z.enum(['leader', 'staff', 'customer']) }))
    .length(7),
  /** The notes they write, per lane. */
  notes: z.strictObject({ pains: NoteLane, gains: NoteLane, ideas: NoteLane }),
});

/**
 * seeds/simulation.json: the words in every language of `LOCALES` (checked when this
 * module loads), so a new language is its texts there and no code here.
 */
const DEMO = z
  .strictObject(
    Object.fromEntries(LOCALES.map((l) => [l, DemoTexts])) as { [L in Locale]: typeof DemoTexts },
  )
  .parse(demoTexts);

/** The first `count` of the cast (at most 7): leaders, staff and customer proxies mixed. */
export function simulatedCast(locale: Locale, count: number): SimulatedPerson[] {
  const cast = DEMO[locale].cast;
  // Interleave the roles so that a small room still has all three.
  const order = [0, 2, 4, 1, 3, 5, 6];
  return order.slice(0, Math.max(0, Math.min(count, cast.length))).map((i) => cast[i]!);
}

/** How a step looks to the rater: what makes it hurt. */
export interface StepFacts {
  critical: boolean;
  /** The customer is handed from one department to another at this step. */
  handoff: boolean;
}

const MOOD: Record<SimulatedPerson['role'], number> = { leader: 1.2, staff: 0, customer: -0.8 };

export interface SimulatedRating {
  valence: number;
  emotion: Emotion;
  expectation: Expectation;
}

/**
 * A feeling for a step: leaders see the path as designed, customer proxies feel its
 * critical steps and hand-offs; everyone varies by a point or so.
 */
export function ratingFor(
  random: Random,
  role: SimulatedPerson['role'],
  step: StepFacts,
): SimulatedRating {
  const pain = (step.critical ? 1 : 0) + (step.handoff ? 1 : 0);
  const felt = MOOD[role] - (role === 'leader' ? 0.3 : 1) * pain + (random() * 2.4 - 1.2);
  const valence = Math.max(-3, Math.min(3, Math.round(felt)));
  const emotions = (Object.keys(EMOTIONS) as Emotion[]).filter((e) => EMOTIONS[e] === valence);
  const emotion: Emotion = pick(random, emotions.length > 0 ? emotions : ['neutral' as const]);
  const surprise = felt - MOOD[role] + (random() - 0.5);
  const expectation: Expectation = surprise < -0.8 ? 'worse' : surprise > 0.8 ? 'better' : 'as';
  return { valence: EMOTIONS[emotion], emotion, expectation };
}

/** Warm-up answers (0–10): leaders like their workplace and think customers do too. */
export function warmupFor(
  random: Random,
  role: SimulatedPerson['role'],
): { workplace: number; customers: number } {
  const base = role === 'leader' ? 8 : role === 'staff' ? 6 : 7;
  const jitter = () => Math.round(random() * 4 - 2);
  const clamp = (n: number) => Math.max(0, Math.min(10, n));
  return { workplace: clamp(base + jitter()), customers: clamp(base - 1 + jitter()) };
}

/** A note a simulated participant writes in `lane`. */
export function noteFor(random: Random, locale: Locale, lane: 'pains' | 'gains' | 'ideas'): string {
  return pick(random, DEMO[locale].notes[lane]);
}

/**
 * How to spend a budget of dots over the ideas: a few favourites, at most `maxPerIdea`
 * on one. Returns dots per idea id (only ideas that get any).
 */
export function votesFor(
  random: Random,
  ideaIds: readonly string[],
  budget: number,
  maxPerIdea: number,
): Map<string, number> {
  const dots = new Map<string, number>();
  if (ideaIds.length === 0) return dots;
  let left = budget;
  for (let guard = 0; left > 0 && guard < budget * 10; guard += 1) {
    // Earlier ideas are a little likelier: the room's favourites emerge.
    const id = ideaIds[Math.min(ideaIds.length - 1, Math.floor(random() ** 1.5 * ideaIds.length))]!;
    const now = dots.get(id) ?? 0;
    if (now >= maxPerIdea) continue;
    dots.set(id, now + 1);
    left -= 1;
  }
  return dots;
}

/** A human-looking pause before acting, in milliseconds (0.5–4 s by default). */
export function delayMs(random: Random, min = 500, max = 4000): number {
  return Math.round(min + random() * (max - min));
}
