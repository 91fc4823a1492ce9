import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../lib/protocol/codes';
import { ok, reconnect, refused, restart, stepIdsFromDoc } from './helpers/control';
import { closeAfterEach, gatherCrew, type Member, settle } from './helpers/people';
import {
  allHeard,
  everyoneHearsReveal,
  lastMine,
  rate,
  rating,
  revealsSince,
} from './helpers/ratings';
import { tempDataDir, waitFor } from './helpers/server';

const open = closeAfterEach();

/**
 * The feeling a rater expects at the next step is part of their rating: theirs alone until
 * the step is revealed, like the rest of it (docs/protocol.md, "rating:put").
 */
describe('the feeling expected at the next step', () => {
  it('is stored, sent back to the rater only, and revealed with the step', async () => {
    const dataDir = tempDataDir();
    const crew = await gatherCrew(open, { customers: 2, dataDir });
    const steps = await stepIdsFromDoc(crew, open);
    await ok(crew.fac.client, 'phase:set', { phase: 'walk' });
    const [c1, c2] = crew.customers as [Member, Member];
    const s1 = steps[0]!;
    const expecting = rating(s1, { valence: 1, emotion: 'calm', expectedNext: 'anxious' });
    await rate(c1, expecting);
    await rate(c2, rating(s1, { valence: -1, emotion: 'unsure' }));
    const everyone = crew.everyone.map((m) => m.client);
    await waitFor(
      () => everyone.every((c) => c.state?.ratingCounts[`1:${s1}`] === 2),
      5000,
      'everyone to count two ratings',
    );
    await settle(...everyone);

    // Before the reveal: the rater hears it back in ratings:mine, nobody else hears it.
    expect(lastMine(c1.client)).toEqual([{ ...expecting, round: 1 }]);
    expect(lastMine(c2.client)?.[0]).not.toHaveProperty('expectedNext');
    for (const m of crew.everyone.filter((x) => x !== c1)) {
      expect(allHeard(m.client), m.name).not.toContain('expectedNext');
      expect(allHeard(m.client), m.name).not.toContain('anxious');
    }

    // Stored: after a restart the rater gets it back, still nobody else.
    const server = await restart(crew, dataDir, open);
    const back = await reconnect(server, c1.joined.token, open);
    const other = await reconnect(server, c2.joined.token, open);
    const fac = await reconnect(server, crew.fac.joined.token, open);
    await waitFor(() => lastMine(back) !== undefined, 5000, 'the rater’s own ratings');
    expect(lastMine(back)).toEqual([{ ...expecting, round: 1 }]);
    await settle(other, fac);
    expect(allHeard(other)).not.toContain('anxious');

    // Revealed: everyone hears it with the rating.
    const marks = [back, other, fac].map((c) => c.heard.length);
    await ok(fac, 'reveal:step', { stepId: s1 });
    const heard = await everyoneHearsReveal(
      [back, other, fac],
      marks,
      (u) => u.ratings.length === 2,
      'the reveal',
    );
    for (const update of heard) {
      const shown = update.ratings.find((r) => r.emotion === 'calm');
      expect(shown?.expectedNext).toBe('anxious');
      expect(update.ratings.find((r) => r.emotion === 'unsure')).not.toHaveProperty('expectedNext');
    }
    expect(revealsSince(other).length).toBeGreaterThan(0);
  });

  it('is refused on the last step and when it is not a feeling of the palette', async () => {
    const crew = await gatherCrew(open, { customers: 1 });
    const steps = await stepIdsFromDoc(crew, open);
    await ok(crew.fac.client, 'phase:set', { phase: 'walk' });
    await ok(crew.fac.client, 'walk:pace', { pace: 'free' });
    const [c1] = crew.customers as [Member];
    const last = steps.at(-1)!;
    await refused(
      c1.client,
      'rating:put',
      rating(last, { expectedNext: 'happy' }),
      ErrorCode.INVALID_PAYLOAD,
    );
    await refused(
      c1.client,
      'rating:put',
      rating(steps[0]!, { expectedNext: 'ecstatic' as never }),
      ErrorCode.INVALID_PAYLOAD,
    );
    await rate(c1, rating(last));
    expect(lastMine(c1.client)).toEqual([{ ...rating(last), round: 1 }]);
  });
});
