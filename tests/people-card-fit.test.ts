import { describe, expect, it } from 'vitest';
import { closeAfterEach, gatherCrew, type Member, settle } from './helpers/people';
import { waitFor } from './helpers/server';

const open = closeAfterEach();

describe('random dealing against the template', () => {
  it('never gives Anneli, 68, a card that is not for her (clinic visit)', async () => {
    const crew = await gatherCrew(open, { template: 'clinic-visit', customers: 3 });
    // Everyone in Anneli's boots: of the clinic's eight cards, four are not for her.
    for (const c of crew.customers) {
      await crew.fac.client.request('people:assign', {
        participantId: c.joined.participantId,
        personaId: 'regular-patient',
      });
    }
    await waitFor(() => crew.customers.every((c) => c.client.you?.personaId === 'regular-patient'));
    const notForAnneli = ['in-a-hurry', 'first-time', 'on-behalf-of-someone'];
    const seen = new Set<string>();
    for (let round = 0; round < 12; round++) {
      expect(
        await crew.fac.client.request('people:deal', { what: 'cards', onlyUnassigned: false }),
      ).toEqual({ ok: true });
      await settle(...crew.customers.map((c: Member) => c.client));
      for (const c of crew.customers) {
        const card = c.client.you?.cardId;
        expect(card).toBeTruthy();
        expect(notForAnneli).not.toContain(card);
        seen.add(card!);
      }
    }
    // The elderly card ("over 65") fits her, and comes round.
    expect(seen).toContain('elderly-new-to-digital');
  });
});
