import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../lib/protocol/codes';
import { ok, refused, stepIdsFromDoc } from '../helpers/control';
import { closeAfterEach, gatherCrew, settle } from '../helpers/people';
import { rate, rating, revealsSince } from '../helpers/ratings';
import { waitFor } from '../helpers/server';

const open = closeAfterEach();

/**
 * Review of issue 22 (F1): in an anonymous workshop the progress section lists who has
 * rated the step, and the reveal lists the ratings without names. Both came in the order
 * people rated, so a participant matched them by position and read every name back.
 */
describe('an anonymous workshop: who rated and what was rated cannot be matched', () => {
  it('orders who has rated and the revealed ratings independently of when each rated', async () => {
    const crew = await gatherCrew(open, { customers: 6 });
    const steps = await stepIdsFromDoc(crew, open);
    await ok(crew.fac.client, 'phase:set', { phase: 'walk' });
    const raters = [crew.leader, crew.staff, ...crew.customers];
    // Each rates in turn, with a valence of their own (−3, −2, … in rating order).
    const valences = [-3, -2, -1, 1, 2, 3, 0, -1];
    const emotions = [
      'angry',
      'frustrated',
      'unsure',
      'calm',
      'happy',
      'delighted',
      'neutral',
      'confused',
    ];
    for (const [i, m] of raters.entries()) {
      await rate(m, rating(steps[0]!, { valence: valences[i]!, emotion: emotions[i]! }));
    }
    const attacker = crew.observer.client;
    await waitFor(
      () => (attacker.state?.progress.doneIds.length ?? 0) === raters.length,
      5000,
      'everyone has rated',
    );
    const doneIds = attacker.state!.progress.doneIds;
    const mark = attacker.heard.length;
    await ok(crew.fac.client, 'reveal:step', { stepId: steps[0] });
    await waitFor(() => revealsSince(attacker, mark).length > 0, 5000, 'the reveal');
    const revealed = revealsSince(attacker, mark).at(-1)!.ratings;
    expect(revealed.every((r) => r.name === null)).toBe(true);
    // Matching position by position names nobody (beyond chance: 8 people, two of them at −1).
    const truth = new Map(raters.map((m, i) => [m.joined.participantId, valences[i]]));
    const guessed = doneIds.filter((id, i) => truth.get(id) === revealed[i]?.valence);
    expect(guessed.length).toBeLessThan(raters.length);
    // Nor does the order of who has rated follow the order of rating.
    const ratingOrder = raters.map((m) => m.joined.participantId);
    expect(doneIds).not.toEqual(ratingOrder);
    expect([...doneIds].sort()).toEqual([...ratingOrder].sort());
  });

  it('takes no first rating on a step already revealed, which would arrive beside its rater', async () => {
    const crew = await gatherCrew(open, { customers: 2 });
    const steps = await stepIdsFromDoc(crew, open);
    await ok(crew.fac.client, 'phase:set', { phase: 'walk' });
    await rate(crew.leader, rating(steps[0]!, { valence: 2, emotion: 'happy' }));
    await rate(crew.customers[0]!, rating(steps[0]!, { valence: -2, emotion: 'frustrated' }));
    await ok(crew.fac.client, 'reveal:step', { stepId: steps[0] });
    await settle(crew.fac.client);
    // A latecomer's first rating would be the one new rating and the one new id at once.
    await refused(
      crew.customers[1]!.client,
      'rating:put',
      rating(steps[0]!, { valence: -3, emotion: 'angry' }),
      ErrorCode.INVALID_TRANSITION,
    );
    // Who rated before the reveal may still change their mind (their key stays theirs).
    await rate(crew.leader, rating(steps[0]!, { valence: 1, emotion: 'calm' }));
  });
});
