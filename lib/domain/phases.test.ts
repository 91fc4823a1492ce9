import { describe, expect, it } from 'vitest';
import { canEnterPhase, nextPhase, normalisePhases, PHASES, previousPhase } from './phases';

describe('normalisePhases', () => {
  it('puts the wanted phases in canonical order whatever order they came in', () => {
    expect(normalisePhases(['vote', 'walk', 'lobby', 'warmup', 'summary'])).toEqual([
      'lobby',
      'warmup',
      'walk',
      'vote',
      'summary',
    ]);
  });

  it('always includes lobby and summary, even when they were left out', () => {
    expect(normalisePhases(['walk'])).toEqual(['lobby', 'walk', 'summary']);
    expect(normalisePhases([])).toEqual(['lobby', 'summary']);
  });

  it('drops repeated phases', () => {
    expect(normalisePhases(['walk', 'walk', 'reveal', 'walk'])).toEqual([
      'lobby',
      'walk',
      'reveal',
      'summary',
    ]);
  });

  it('keeps every phase when all are wanted', () => {
    expect(normalisePhases([...PHASES].reverse())).toEqual([...PHASES]);
  });
});

describe('nextPhase and previousPhase', () => {
  const enabled = normalisePhases(['warmup', 'walk', 'reveal']);

  it('moves to the neighbouring enabled phase, skipping disabled ones', () => {
    expect(nextPhase(enabled, 'warmup')).toBe('walk');
    expect(previousPhase(enabled, 'walk')).toBe('warmup');
    expect(nextPhase(enabled, 'reveal')).toBe('summary');
  });

  it('returns null past the last phase and before the first', () => {
    expect(nextPhase(enabled, 'summary')).toBeNull();
    expect(previousPhase(enabled, 'lobby')).toBeNull();
  });

  it('returns null from a phase that is not enabled', () => {
    expect(nextPhase(enabled, 'vote')).toBeNull();
    expect(previousPhase(enabled, 'vote')).toBeNull();
  });

  it('walks the whole canonical list from lobby to summary and back', () => {
    const forward: string[] = ['lobby'];
    for (let p = nextPhase(PHASES, 'lobby'); p; p = nextPhase(PHASES, p)) forward.push(p);
    expect(forward).toEqual([...PHASES]);
    const back: string[] = ['summary'];
    for (let p = previousPhase(PHASES, 'summary'); p; p = previousPhase(PHASES, p)) back.push(p);
    expect(back).toEqual([...PHASES].reverse());
  });
});

describe('canEnterPhase', () => {
  const enabled = normalisePhases(['walk', 'vote']);

  it('allows any enabled phase, forward or back', () => {
    expect(canEnterPhase(enabled, 'summary')).toBe(true);
    expect(canEnterPhase(enabled, 'lobby')).toBe(true);
    expect(canEnterPhase(enabled, 'vote')).toBe(true);
  });

  it('refuses a phase that was left out of the workshop', () => {
    expect(canEnterPhase(enabled, 'reveal')).toBe(false);
    expect(canEnterPhase(enabled, 'warmup')).toBe(false);
  });
});
