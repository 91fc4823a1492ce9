import { describe, expect, it } from 'vitest';
import type { PersonaCard } from '../lib/board/path-doc';
import { ErrorCode } from '../lib/protocol/codes';
import { ok, refused } from './helpers/control';
import { download, exportJson, room } from './helpers/export';
import { closeAfterEach } from './helpers/people';
import { rating } from './helpers/ratings';
import { waitFor } from './helpers/server';

const open = closeAfterEach();

describe('the persona a rating keeps', () => {
  it('is the one dealt to the rater when they rated, from the roster, kept in every export', async () => {
    const r = await room(open);
    // Named: in an anonymous workshop a persona one person holds is not shown (below).
    await ok(r.fac.client, 'settings:anonymous', { anonymous: false });
    const { personas } = await exportJson(r.server, r.workshop);
    const [first, second] = personas as [PersonaCard, PersonaCard, ...PersonaCard[]];
    const [asta, bertta] = r.customers;
    await ok(r.fac.client, 'people:assign', { participantId: asta.id, personaId: first.id });
    await waitFor(() => asta.client.you?.personaId === first.id, 5000, 'the persona');
    await ok(r.fac.client, 'phase:set', { phase: 'walk' });
    const [step] = r.steps as [string];
    await ok(asta.client, 'rating:put', rating(step, { valence: -3, emotion: 'angry', effort: 5 }));
    await ok(bertta.client, 'rating:put', rating(step, { valence: 1, emotion: 'calm', effort: 2 }));

    // The client cannot name a persona of its own choosing: the payload has no such field.
    await refused(
      bertta.client,
      'rating:put',
      { ...rating(step), personaId: first.id },
      ErrorCode.INVALID_PAYLOAD,
    );
    await ok(r.fac.client, 'reveal:step', { stepId: step });
    let exp = await exportJson(r.server, r.workshop);
    const personaOf = (valence: number) =>
      exp.ratings.find((x) => x.valence === valence)?.personaId;
    expect(personaOf(-3)).toBe(first.id);
    expect(personaOf(1)).toBeNull();
    expect(exp.analysis.byPersona.map((s) => [s.personaId, s.count])).toEqual([
      [first.id, 1],
      [null, 1],
    ]);
    expect(exp.analysis.byPersona[0]?.curve[0]?.overall?.mean).toBe(-3);

    // Dealt anew, the rater's next rating keeps the new persona.
    await ok(r.fac.client, 'people:assign', { participantId: asta.id, personaId: second.id });
    await waitFor(() => asta.client.you?.personaId === second.id, 5000, 'the new persona');
    await ok(asta.client, 'rating:put', rating(step, { valence: -2, emotion: 'frustrated' }));
    exp = await exportJson(r.server, r.workshop);
    expect(personaOf(-2)).toBe(second.id);

    // The documents people read show the split by persona too.
    const md = Buffer.from((await download(r.server, r.workshop, 'md')).bytes).toString('utf8');
    expect(md).toContain(second.name);
  });

  it('is left out in an anonymous workshop while fewer than 3 ratings of the step share it', async () => {
    // Found by the review: one holder's persona linked their ratings across steps, and with
    // who had rated each step, named them and what they felt.
    const r = await room(open);
    const { personas } = await exportJson(r.server, r.workshop);
    const [first] = personas as [PersonaCard, ...PersonaCard[]];
    const [asta, bertta] = r.customers;
    await ok(r.fac.client, 'people:assign', { participantId: asta.id, personaId: first.id });
    await waitFor(() => asta.client.you?.personaId === first.id, 5000, 'the persona');
    await ok(r.fac.client, 'phase:set', { phase: 'walk' });
    const [step] = r.steps as [string];
    await ok(asta.client, 'rating:put', rating(step, { valence: -3, emotion: 'angry' }));
    await ok(bertta.client, 'rating:put', rating(step, { valence: 1, emotion: 'calm' }));
    await ok(r.fac.client, 'reveal:step', { stepId: step });
    const exp = await exportJson(r.server, r.workshop);
    expect(exp.ratings.map((x) => x.personaId)).toEqual([null, null]);
    // What the other participants' screens received on the wire.
    const seen = () =>
      bertta.client.heard
        .filter((h) => h.event === 'ratings:revealed')
        .flatMap((h) => (h.args[0] as { ratings: Array<{ personaId: string | null }> }).ratings);
    await waitFor(() => seen().length >= 2, 5000, 'the reveal');
    expect(seen().map((x) => x.personaId)).toEqual(seen().map(() => null));
  });
});
