import { describe, expect, it } from 'vitest';
import { EMOTIONS } from '../domain/emotions';
import {
  delayMs,
  noteFor,
  ratingFor,
  seededRandom,
  simulatedCast,
  votesFor,
  warmupFor,
} from './simulated-choices';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('simulated participants', () => {
  it('are the same room for the same seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    expect(seededRandom(8)()).not.toBe(seededRandom(7)());
  });

  it('bring all three roles even in a small room, and say they are a demo', () => {
    const three = simulatedCast('en', 3);
    expect(three.map((p) => p.role).sort()).toEqual(['customer', 'leader', 'staff']);
    expect(simulatedCast('fi', 20)).toHaveLength(7);
    for (const p of simulatedCast('fi', 7)) expect(p.name).toMatch(/\(demo\)$/);
  });

  it('rate with a valid feeling whose valence matches, and leaders rosier than customers at critical hand-offs', () => {
    const random = seededRandom(1);
    const hurting = { critical: true, handoff: true };
    const leaders: number[] = [];
    const customers: number[] = [];
    for (let i = 0; i < 200; i++) {
      const l = ratingFor(random, 'leader', hurting);
      const c = ratingFor(random, 'customer', hurting);
      for (const r of [l, c]) {
        expect(EMOTIONS[r.emotion]).toBe(r.valence);
        expect(['worse', 'as', 'better']).toContain(r.expectation);
      }
      leaders.push(l.valence);
      customers.push(c.valence);
    }
    expect(mean(leaders) - mean(customers)).toBeGreaterThan(1.5);
    const easy = Array.from(
      { length: 200 },
      () => ratingFor(random, 'customer', { critical: false, handoff: false }).valence,
    );
    expect(mean(easy)).toBeGreaterThan(mean(customers) + 1);
  });

  it('answer the warm-up within 0–10', () => {
    const random = seededRandom(3);
    for (let i = 0; i < 100; i++) {
      for (const role of ['leader', 'staff', 'customer'] as const) {
        const { workplace, customers } = warmupFor(random, role);
        for (const n of [workplace, customers]) {
          expect(Number.isInteger(n) && n >= 0 && n <= 10).toBe(true);
        }
      }
    }
  });

  it('spend exactly their budget, never more than the per-idea limit', () => {
    const random = seededRandom(5);
    for (let i = 0; i < 100; i++) {
      const dots = votesFor(random, ['a', 'b', 'c'], 5, 3);
      expect([...dots.values()].reduce((x, y) => x + y, 0)).toBe(5);
      for (const n of dots.values()) expect(n).toBeLessThanOrEqual(3);
    }
    // Fewer places than dots: as many as the limit allows, and no endless loop.
    const one = votesFor(random, ['only'], 5, 3);
    expect(one.get('only')).toBe(3);
    expect(votesFor(random, [], 5, 3).size).toBe(0);
  });

  it('write notes in the workshop language and pause like people do', () => {
    const random = seededRandom(9);
    expect(noteFor(random, 'fi', 'ideas')).toMatch(/[a-zäö]/);
    expect(noteFor(random, 'en', 'pains')).not.toBe('');
    for (let i = 0; i < 50; i++) {
      const d = delayMs(random);
      expect(d).toBeGreaterThanOrEqual(500);
      expect(d).toBeLessThanOrEqual(4000);
    }
  });
});
