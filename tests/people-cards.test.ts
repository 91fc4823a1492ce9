import { describe, expect, it } from 'vitest';
import { readPersonas, readSituations } from '../lib/board/path-doc';
import type { Assignment } from '../lib/domain/workshop';
import { type Crew, closeAfterEach, gatherCrew, type Member, settle } from './helpers/people';
import { waitFor, yjsClient } from './helpers/server';

const open = closeAfterEach();

/** The personas and situation cards in the workshop's document, as a client reads them. */
async function deckOf(crew: Crew): Promise<{ personaIds: string[]; cardIds: string[] }> {
  const y = yjsClient(crew.server, crew.workshop.id, crew.fac.joined.token);
  open.push({ close: () => y.provider.destroy() });
  await waitFor(() => y.provider.synced, 5000, 'document sync');
  return {
    personaIds: readPersonas(y.doc).map((p) => p.id),
    cardIds: readSituations(y.doc).map((c) => c.id),
  };
}

function latestAssignments(m: Member): Record<string, Assignment> | undefined {
  const all = m.client.heard.filter((h) => h.event === 'facilitator:assignments');
  return all.at(-1)?.args[0] as Record<string, Assignment> | undefined;
}

/**
 * Everything a non-facilitator heard must be free of other people's personas and cards:
 * no object but their own `session:you` carries those fields, and no other person's id
 * appears anywhere in what they heard.
 */
function expectNoLeaks(m: Member, crew: Crew): void {
  const own = m.joined.participantId;
  const foreign = new Set<string>();
  for (const other of crew.everyone) {
    if (other === m) continue;
    const you = other.client.you;
    if (you?.cardId) foreign.add(you.cardId);
    if (you?.personaId) foreign.add(you.personaId);
  }
  for (const mine of [m.client.you?.cardId, m.client.you?.personaId])
    if (mine) foreign.delete(mine);
  for (const { event, args } of m.client.heard) {
    expect(event, m.name).not.toBe('facilitator:assignments');
    const text = JSON.stringify(args);
    if (event === 'session:you') {
      expect((args[0] as { participantId: string }).participantId, m.name).toBe(own);
    } else {
      expect(text, `${m.name} heard ${event}`).not.toMatch(/personaId|cardId/);
    }
    for (const id of foreign)
      expect(text, `${m.name} heard ${id} in ${event}`).not.toContain(`"${id}"`);
  }
}

describe('dealing situation cards at random', () => {
  it('gives every customer proxy their own card, tells the facilitator, and nobody else', async () => {
    const crew = await gatherCrew(open, { customers: 3 });
    const deck = await deckOf(crew);
    expect(deck.cardIds.length).toBeGreaterThanOrEqual(crew.customers.length);

    expect(
      await crew.fac.client.request('people:deal', { what: 'cards', onlyUnassigned: false }),
    ).toEqual({ ok: true });
    await waitFor(() => crew.customers.every((c) => c.client.you?.cardId), 5000, 'dealt cards');

    const dealt = crew.customers.map((c) => c.client.you?.cardId);
    for (const card of dealt) expect(deck.cardIds).toContain(card);
    expect(new Set(dealt).size).toBe(crew.customers.length);
    await waitFor(
      () => {
        const a = latestAssignments(crew.fac);
        return crew.customers.every(
          (c) => a?.[c.joined.participantId]?.cardId === c.client.you?.cardId,
        );
      },
      5000,
      'the facilitator to hear every card',
    );
    const assignments = latestAssignments(crew.fac)!;
    expect(Object.keys(assignments).sort()).toEqual(
      crew.everyone.map((m) => m.joined.participantId).sort(),
    );
    for (const m of [crew.fac, crew.leader, crew.staff, crew.observer]) {
      expect(assignments[m.joined.participantId]).toEqual({ personaId: null, cardId: null });
      expect(m.client.you?.cardId ?? null).toBeNull();
    }

    await settle(...crew.everyone.map((m) => m.client));
    for (const m of crew.others) expectNoLeaks(m, crew);
  });

  it('deals personas too, and with onlyUnassigned leaves dealt ones alone', async () => {
    const crew = await gatherCrew(open, { customers: 2 });
    const deck = await deckOf(crew);
    expect(deck.personaIds.length).toBeGreaterThan(0);
    const [first, second] = crew.customers as [Member, Member];
    const kept = deck.personaIds[0]!;
    await crew.fac.client.request('people:assign', {
      participantId: first.joined.participantId,
      personaId: kept,
    });
    await waitFor(() => first.client.you?.personaId === kept);

    expect(
      await crew.fac.client.request('people:deal', { what: 'personas', onlyUnassigned: true }),
    ).toEqual({ ok: true });
    await waitFor(() => second.client.you?.personaId != null, 5000, 'a dealt persona');
    expect(deck.personaIds).toContain(second.client.you?.personaId);
    await settle(...crew.everyone.map((m) => m.client));
    expect(first.client.you?.personaId).toBe(kept);
    for (const m of crew.others) expectNoLeaks(m, crew);
  });
});

describe('assigning by hand', () => {
  it('tells only the target and the facilitator, and clears with null', async () => {
    const crew = await gatherCrew(open, { customers: 2 });
    const deck = await deckOf(crew);
    const [card, persona] = [deck.cardIds.at(-1)!, deck.personaIds.at(-1)!];
    const target = crew.staff;
    const id = target.joined.participantId;

    expect(
      await crew.fac.client.request('people:assign', {
        participantId: id,
        cardId: card,
        personaId: persona,
      }),
    ).toEqual({
      ok: true,
    });
    await waitFor(
      () => target.client.you?.cardId === card && target.client.you.personaId === persona,
    );
    await waitFor(() => latestAssignments(crew.fac)?.[id]?.cardId === card, 5000, 'assignments');
    expect(latestAssignments(crew.fac)?.[id]).toEqual({ cardId: card, personaId: persona });

    expect(
      await crew.fac.client.request('people:assign', { participantId: id, cardId: null }),
    ).toEqual({ ok: true });
    await waitFor(() => target.client.you?.cardId === null);
    expect(target.client.you?.personaId).toBe(persona);
    await waitFor(() => latestAssignments(crew.fac)?.[id]?.cardId === null, 5000, 'cleared card');

    await settle(...crew.everyone.map((m) => m.client));
    for (const m of crew.others) expectNoLeaks(m, crew);
    for (const m of crew.others.filter((x) => x !== target)) {
      expect(JSON.stringify(m.client.heard), m.name).not.toContain(`"${card}"`);
    }
  });
});
