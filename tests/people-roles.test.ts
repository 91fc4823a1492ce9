import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../lib/protocol/codes';
import { closeAfterEach, gatherCrew, heardSince, participantIn, settle } from './helpers/people';
import { connectClient, startTestServer, tempDataDir, waitFor } from './helpers/server';

const open = closeAfterEach();

describe('a facilitator setting roles and lenses', () => {
  it('shows the new role and lens to everyone and tells only the target who they are now', async () => {
    const crew = await gatherCrew(open);
    const target = crew.customers[0]!;
    const id = target.joined.participantId;
    const marks = new Map(crew.everyone.map((m) => [m, m.client.heard.length]));

    expect(
      await crew.fac.client.request('people:set-role', { participantId: id, role: 'leader' }),
    ).toEqual({ ok: true });
    expect(
      await crew.fac.client.request('people:set-lens', { participantId: id, lens: 'staff' }),
    ).toEqual({ ok: true });

    await waitFor(
      () =>
        crew.everyone.every((m) => {
          const p = participantIn(m.client.state, id);
          return p?.role === 'leader' && p.lens === 'staff';
        }),
      5000,
      'everyone to see the new role and lens',
    );
    await waitFor(() => target.client.you?.role === 'leader' && target.client.you.lens === 'staff');
    expect(target.client.you).toMatchObject({ participantId: id, name: 'Cust1' });
    await settle(...crew.everyone.map((m) => m.client));
    expect(heardSince(target.client, 'session:you', marks.get(target))).toHaveLength(2);
    for (const m of crew.everyone.filter((x) => x !== target)) {
      expect(heardSince(m.client, 'session:you', marks.get(m)), m.name).toEqual([]);
    }
  });

  it('keeps changed roles and lenses across a server restart', async () => {
    const dataDir = tempDataDir();
    const crew = await gatherCrew(open, { dataDir, customers: 1 });
    const staffId = crew.staff.joined.participantId;
    const custId = crew.customers[0]!.joined.participantId;
    await crew.fac.client.request('people:set-role', { participantId: staffId, role: 'observer' });
    await crew.fac.client.request('people:set-lens', { participantId: custId, lens: 'staff' });
    for (const m of crew.everyone) m.client.close();
    await crew.server.close();

    const again = await startTestServer({ dataDir });
    open.push(again);
    const staff = await connectClient(again, crew.staff.joined.token);
    open.push(staff);
    expect(staff.you).toMatchObject({ participantId: staffId, role: 'observer', lens: 'staff' });
    expect(participantIn(staff.state, custId)).toMatchObject({ role: 'customer', lens: 'staff' });
    expect(participantIn(staff.state, staffId)).toMatchObject({ role: 'observer' });
  });

  it("sets a facilitator's own lens but refuses to change their role or remove them", async () => {
    const crew = await gatherCrew(open, { customers: 1 });
    const facId = crew.fac.joined.participantId;
    const f = crew.fac.client;
    expect(await f.request('people:set-lens', { participantId: facId, lens: 'staff' })).toEqual({
      ok: true,
    });
    await waitFor(() => f.you?.lens === 'staff');
    for (const [event, payload] of [
      ['people:set-role', { participantId: facId, role: 'leader' }],
      ['people:remove', { participantId: facId }],
    ] as const) {
      expect(await f.request(event, payload)).toMatchObject({
        ok: false,
        error: { code: ErrorCode.FORBIDDEN },
      });
    }
    expect(participantIn(crew.leader.client.state, facId)?.role).toBe('facilitator');
  });
});

describe('people events from anyone but a facilitator', () => {
  it('answers FORBIDDEN to leaders, staff, customers and observers, and changes nothing', async () => {
    const crew = await gatherCrew(open, { customers: 2 });
    const victim = crew.customers[1]!.joined.participantId;
    const cardId = 'in-a-hurry';
    const events = [
      ['people:set-role', { participantId: victim, role: 'observer' }],
      ['people:set-lens', { participantId: victim, lens: 'staff' }],
      ['people:assign', { participantId: victim, cardId }],
      ['people:deal', { what: 'cards', onlyUnassigned: false }],
      ['people:deal', { what: 'personas', onlyUnassigned: true }],
      ['people:remove', { participantId: victim }],
    ] as const;
    const before = crew.fac.client.state;
    const marks = new Map(crew.everyone.map((m) => [m, m.client.heard.length]));
    const senders = [crew.leader, crew.staff, crew.customers[0]!, crew.observer];
    for (const sender of senders) {
      for (const [event, payload] of events) {
        expect(
          await sender.client.request(event, payload),
          `${sender.name} ${event}`,
        ).toMatchObject({
          ok: false,
          error: { code: ErrorCode.FORBIDDEN },
        });
      }
    }
    // Even their own lens is the facilitator's to set.
    const self = crew.customers[0]!.joined.participantId;
    expect(
      await crew.customers[0]!.client.request('people:set-lens', {
        participantId: self,
        lens: 'staff',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: ErrorCode.FORBIDDEN },
    });

    await settle(...crew.everyone.map((m) => m.client));
    for (const m of crew.everyone) {
      for (const event of [
        'workshop:state',
        'workshop:patch',
        'session:you',
        'facilitator:assignments',
        'session:removed',
      ]) {
        expect(heardSince(m.client, event, marks.get(m)), `${m.name} heard ${event}`).toEqual([]);
      }
    }
    expect(crew.fac.client.state).toEqual(before);
    expect(crew.customers[1]!.client.you).toMatchObject({
      role: 'customer',
      lens: 'customer',
      cardId: null,
    });
  });
});

describe('people events with bad payloads', () => {
  it('answers NOT_FOUND for a participant id that is not in the workshop', async () => {
    const crew = await gatherCrew(open, { customers: 1 });
    const participantId = 'nobody-here-1234';
    for (const [event, payload] of [
      ['people:set-role', { participantId, role: 'staff' }],
      ['people:set-lens', { participantId, lens: 'staff' }],
      ['people:assign', { participantId, cardId: null }],
      ['people:remove', { participantId }],
    ] as const) {
      expect(await crew.fac.client.request(event, payload), event).toMatchObject({
        ok: false,
        error: { code: ErrorCode.NOT_FOUND },
      });
    }
  });

  it('answers NOT_FOUND for a card or persona that is not in the workshop document', async () => {
    const crew = await gatherCrew(open, { customers: 1 });
    const participantId = crew.customers[0]!.joined.participantId;
    for (const payload of [
      { participantId, cardId: 'no-such-card' },
      { participantId, personaId: 'no-such-persona' },
    ]) {
      expect(await crew.fac.client.request('people:assign', payload)).toMatchObject({
        ok: false,
        error: { code: ErrorCode.NOT_FOUND },
      });
    }
  });

  it('answers INVALID_PAYLOAD for a facilitator role, an unknown lens, an empty assignment and more', async () => {
    const crew = await gatherCrew(open, { customers: 1 });
    const participantId = crew.customers[0]!.joined.participantId;
    const mark = crew.fac.client.heard.length;
    for (const [event, payload] of [
      ['people:set-role', { participantId, role: 'facilitator' }],
      ['people:set-role', { participantId, role: 'admin' }],
      ['people:set-lens', { participantId, lens: 'alien' }],
      ['people:assign', { participantId }],
      ['people:assign', { participantId, cardId: 'in-a-hurry', extra: 1 }],
      ['people:deal', { what: 'everything', onlyUnassigned: false }],
      ['people:deal', { what: 'cards' }],
      ['people:remove', { participantId: 'short' }],
      ['people:remove', {}],
    ] as const) {
      expect(
        await crew.fac.client.request(event, payload),
        `${event} ${JSON.stringify(payload)}`,
      ).toMatchObject({
        ok: false,
        error: { code: ErrorCode.INVALID_PAYLOAD },
      });
    }
    expect(heardSince(crew.fac.client, 'workshop:patch', mark)).toEqual([]);
    expect(participantIn(crew.fac.client.state, participantId)?.role).toBe('customer');
  });

  it('answers INVALID_TRANSITION when dealing personas from a document without any', async () => {
    const crew = await gatherCrew(open, { template: 'blank', customers: 1 });
    expect(
      await crew.fac.client.request('people:deal', { what: 'personas', onlyUnassigned: false }),
    ).toMatchObject({
      ok: false,
      error: { code: ErrorCode.INVALID_TRANSITION },
    });
  });
});
