/**
 * What the simulated participants of a practice workshop do: pure, seeded choices, so a
 * facilitator trying every phase alone sees plausible, varied results (leaders rosier
 * than customer proxies, critical steps and hand-offs hurting most), and tests can
 * predict them.
 */
import { EMOTIONS, type Emotion } from '../domain/emotions';
import type { Expectation } from '../analytics/types';
import type { Locale, Role } from '../domain/roles';

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

/** Marked in their names, so nobody mistakes them for real people in any list or export. */
const CAST: Record<Locale, SimulatedPerson[]> = {
  fi: [
    { name: 'Leena (demo)', role: 'leader' },
    { name: 'Markku (demo)', role: 'leader' },
    { name: 'Sanna (demo)', role: 'staff' },
    { name: 'Jari (demo)', role: 'staff' },
    { name: 'Aino (demo)', role: 'customer' },
    { name: 'Pekka (demo)', role: 'customer' },
    { name: 'Ritva (demo)', role: 'customer' },
  ],
  en: [
    { name: 'Laura (demo)', role: 'leader' },
    { name: 'Mark (demo)', role: 'leader' },
    { name: 'Sara (demo)', role: 'staff' },
    { name: 'Jack (demo)', role: 'staff' },
    { name: 'Anna (demo)', role: 'customer' },
    { name: 'Peter (demo)', role: 'customer' },
    { name: 'Rita (demo)', role: 'customer' },
  ],
};

/** The first `count` of the cast (at most 7): leaders, staff and customer proxies mixed. */
export function simulatedCast(locale: Locale, count: number): SimulatedPerson[] {
  const cast = CAST[locale];
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

const NOTES: Record<Locale, Record<'pains' | 'gains' | 'ideas', string[]>> = {
  fi: {
    pains: [
      'En tiennyt, kuka asiaani hoitaa',
      'Jouduin kertomaan saman asian uudelleen',
      'Odotin vastausta liian kauan',
      'Viesti oli täynnä sisäistä kieltä',
    ],
    gains: ['Sain nopeasti vastauksen', 'Minut tunnistettiin heti', 'Hinta oli selvä etukäteen'],
    ideas: [
      'Yksi yhteyshenkilö koko polulle',
      'Kerrotaan odotusaika etukäteen',
      'Selkokielinen vahvistusviesti',
      'Tiedot siirtyvät osastolta toiselle asiakkaan puolesta',
    ],
  },
  en: {
    pains: [
      'I did not know who was handling my case',
      'I had to explain the same thing again',
      'I waited too long for an answer',
      'The message was full of internal jargon',
    ],
    gains: [
      'I got an answer quickly',
      'They knew who I was at once',
      'The price was clear up front',
    ],
    ideas: [
      'One contact person for the whole path',
      'Tell the waiting time up front',
      'A confirmation message in plain language',
      'Pass the details between departments for the customer',
    ],
  },
};

/** A note a simulated participant writes in `lane`. */
export function noteFor(random: Random, locale: Locale, lane: 'pains' | 'gains' | 'ideas'): string {
  return pick(random, NOTES[locale][lane]);
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
