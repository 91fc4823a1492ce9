import { describe, expect, it } from 'vitest';
import { ok } from '../helpers/control';
import { closeAfterEach } from '../helpers/people';
import { waitFor } from '../helpers/server';
import { IDEAS, votingRoom } from '../helpers/votes';

const open = closeAfterEach();

/**
 * Review of issue 22 (F3): while the totals are hidden, the author of an idea moved it out
 * of the ideas lane, made the server read the board again, and read in the progress count
 * whose dots had dropped: who had voted for their idea, and how many dots.
 */
describe('hidden votes: the dots-spent count tells nothing about any one idea', () => {
  it('does not change when an idea leaves the ideas lane while the totals are hidden', async () => {
    const room = await votingRoom(open);
    const { crew, voters, board } = room;
    await board.add(IDEAS);
    await ok(crew.fac.client, 'phase:set', { phase: 'vote' });
    const [bea, cal] = voters;
    await ok(bea.client, 'vote:set', { ideaId: IDEAS[0], dots: 2 });
    await ok(bea.client, 'vote:set', { ideaId: IDEAS[1], dots: 1 });
    await ok(cal.client, 'vote:set', { ideaId: IDEAS[1], dots: 3 });
    const watcher = crew.observer.client;
    const spentOf = () => watcher.state?.progress.dotsSpent ?? {};
    await waitFor(() => spentOf()[cal.joined.participantId] === 3, 5000, 'three dots from Cal');
    const before = { ...spentOf() };
    expect(before[bea.joined.participantId]).toBe(3);

    // The probe: the idea goes, and a harmless vote makes the server read the board again.
    await board.remove(IDEAS[0]);
    await ok(voters[2].client, 'vote:set', { ideaId: IDEAS[2], dots: 0 });
    await ok(crew.fac.client, 'votes:configure', { budget: 5, maxPerIdea: 3, hidden: true });
    await ok(voters[2].client, 'vote:set', { ideaId: IDEAS[3], dots: 1 });
    await waitFor(
      () => spentOf()[voters[2].joined.participantId] === 1,
      5000,
      'the third voter’s dot',
    );
    expect(spentOf()[bea.joined.participantId]).toBe(before[bea.joined.participantId]);
    expect(spentOf()[cal.joined.participantId]).toBe(before[cal.joined.participantId]);
  });
});
