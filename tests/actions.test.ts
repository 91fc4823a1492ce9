import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../lib/domain/actions';
import { ErrorCode } from '../lib/protocol/codes';
import { everyoneSees, ok, reconnect, refused, restart } from './helpers/control';
import { closeAfterEach, settle } from './helpers/people';
import type { TestClient } from './helpers/server';
import { allHear, heardOf, IDEAS, lastActions, votingRoom } from './helpers/votes';

const open = closeAfterEach();

function body(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    text: 'Näytä toimituspäivä tilausvahvistuksessa — “heti” ✓',
    owner: 'Mirja Mäkelä',
    department: 'Logistiikka',
    dueDate: '2026-06-30',
    stepId: null,
    ideaId: null,
    ...overrides,
  };
}

/** Sends `action:put` that must succeed; resolves with the action's id. */
async function put(client: TestClient, payload: Record<string, unknown>): Promise<string> {
  const ack = await client.request('action:put', payload);
  expect(ack).toMatchObject({ ok: true, data: { id: expect.any(String) } });
  return (ack as { data: { id: string } }).data.id;
}

/** Waits until every client's latest action list passes `check`. */
function everyoneLists(
  clients: TestClient[],
  check: (list: ActionItem[]) => boolean,
  what: string,
): Promise<void> {
  return allHear<ActionItem[]>(clients, 'actions:list', check, what);
}

describe('action items', () => {
  it('the facilitator creates, edits and deletes actions, and everyone sees the list', async () => {
    const room = await votingRoom(open);
    await room.board.add(IDEAS);
    const fac = room.crew.fac.client;
    for (const c of room.clients) expect(heardOf(c, 'actions:list')).toEqual([[]]);

    const id = await put(fac, body({ stepId: room.steps[1], ideaId: IDEAS[2] }));
    await everyoneLists(room.clients, (l) => l.length === 1, 'the new action');
    const [created] = lastActions(room.screen)!;
    expect(created).toEqual({
      id,
      text: 'Näytä toimituspäivä tilausvahvistuksessa — “heti” ✓',
      owner: 'Mirja Mäkelä',
      department: 'Logistiikka',
      dueDate: '2026-06-30',
      stepId: room.steps[1],
      ideaId: IDEAS[2],
      createdBy: room.crew.fac.joined.participantId,
      createdAt: expect.any(Number),
    });

    // Editing replaces every field (links too); blank optional text means none.
    const edited = body({
      id,
      text: '  Lisää päivä  ',
      owner: '',
      department: '   ',
      dueDate: null,
    });
    expect(await put(fac, edited)).toBe(id);
    await everyoneLists(room.clients, (l) => l[0]?.text === 'Lisää päivä', 'the edit');
    expect(lastActions(room.crew.leader.client)).toEqual([
      {
        ...created,
        text: 'Lisää päivä',
        owner: null,
        department: null,
        dueDate: null,
        stepId: null,
        ideaId: null,
      },
    ]);

    const second = await put(fac, body({ text: 'Toinen' }));
    await everyoneLists(
      room.clients,
      (l) => l.map((a) => a.id).join() === `${id},${second}`,
      'two',
    );
    await ok(fac, 'action:delete', { id });
    await everyoneLists(room.clients, (l) => l.length === 1 && l[0]?.id === second, 'deleted');
    await refused(fac, 'action:delete', { id }, ErrorCode.NOT_FOUND);
    await refused(fac, 'action:put', body({ id }), ErrorCode.NOT_FOUND);
  });

  it('lets participants write only when allowed, and then edit only their own', async () => {
    const room = await votingRoom(open);
    const { fac, leader, staff, observer } = room.crew;
    const customer = room.crew.customers[0]!;
    const facsId = await put(fac.client, body({ text: 'Fasilitaattorin' }));
    for (const m of [leader, staff, customer, observer]) {
      await refused(m.client, 'action:put', body(), ErrorCode.FORBIDDEN);
      await refused(m.client, 'action:put', body({ id: facsId }), ErrorCode.FORBIDDEN);
      await refused(m.client, 'action:delete', { id: facsId }, ErrorCode.FORBIDDEN);
    }
    await refused(room.screen, 'action:put', body(), ErrorCode.FORBIDDEN);
    await refused(customer.client, 'actions:allow', { allowed: true }, ErrorCode.FORBIDDEN);

    await ok(fac.client, 'actions:allow', { allowed: true });
    await everyoneSees(room.crew.everyone, (s) => s.control.actionsByParticipants, 'allowed');
    const mine = await put(customer.client, body({ text: 'Asiakkaan oma' }));
    const staffs = await put(staff.client, body({ text: 'Henkilöstön' }));
    await refused(observer.client, 'action:put', body(), ErrorCode.FORBIDDEN);
    expect(await put(customer.client, body({ id: mine, text: 'Asiakkaan oma, korjattu' }))).toBe(
      mine,
    );
    for (const id of [facsId, staffs]) {
      await refused(customer.client, 'action:put', body({ id }), ErrorCode.FORBIDDEN);
      await refused(customer.client, 'action:delete', { id }, ErrorCode.FORBIDDEN);
    }
    // The facilitator may edit anyone's; the creator stays who it was.
    await put(fac.client, body({ id: mine, owner: 'Fasilitaattori lisäsi' }));
    await everyoneLists(room.clients, (l) => l.length === 3, 'three actions');
    await settle(customer.client);
    const list = lastActions(customer.client)!;
    expect(list.map((a) => [a.text, a.createdBy])).toEqual([
      ['Fasilitaattorin', fac.joined.participantId],
      [body().text, customer.joined.participantId],
      ['Henkilöstön', staff.joined.participantId],
    ]);

    // Taking the right back closes their own actions to them too.
    await ok(fac.client, 'actions:allow', { allowed: false });
    await refused(customer.client, 'action:put', body({ id: mine }), ErrorCode.FORBIDDEN);
    await refused(customer.client, 'action:delete', { id: mine }, ErrorCode.FORBIDDEN);
    await ok(fac.client, 'actions:allow', { allowed: true });
    await ok(customer.client, 'action:delete', { id: mine });
    await everyoneLists(room.clients, (l) => l.length === 2, 'the customer’s own deleted');
  });

  it('refuses malformed actions with INVALID_PAYLOAD and dangling links with NOT_FOUND', async () => {
    const room = await votingRoom(open);
    await room.board.add(IDEAS);
    const fac = room.crew.fac.client;
    for (const bad of [
      body({ text: '' }),
      body({ text: '   ' }),
      body({ text: 'x'.repeat(301) }),
      body({ owner: 'x'.repeat(81) }),
      body({ department: 'x'.repeat(81) }),
      body({ dueDate: '2026-02-30' }),
      body({ dueDate: '30.6.2026' }),
      body({ dueDate: '2026-06-30T12:00:00Z' }),
      body({ stepId: 'not a step!' }),
      body({ ideaId: 42 }),
      body({ id: 'short' }),
      body({ createdBy: room.crew.leader.joined.participantId }),
      { text: 'Only text' },
    ]) {
      await refused(fac, 'action:put', bad, ErrorCode.INVALID_PAYLOAD);
    }
    for (const bad of [{}, { id: 7 }, { id: 'x' }]) {
      await refused(fac, 'action:delete', bad, ErrorCode.INVALID_PAYLOAD);
    }
    await refused(fac, 'action:put', body({ stepId: 'no-such-step' }), ErrorCode.NOT_FOUND);
    await refused(fac, 'action:put', body({ ideaId: 'no-such-idea' }), ErrorCode.NOT_FOUND);
    // Exactly at the limits is fine.
    await put(fac, body({ text: 'ä'.repeat(300), owner: 'ö'.repeat(80), dueDate: '2028-02-29' }));
    await settle(fac);
    expect(lastActions(fac)).toHaveLength(1);
  });

  it('keeps actions, their creators and the permission across a server restart', async () => {
    const room = await votingRoom(open);
    const { fac } = room.crew;
    const customer = room.crew.customers[0]!;
    await ok(fac.client, 'actions:allow', { allowed: true });
    const facs = await put(fac.client, body({ text: 'Ennen uudelleenkäynnistystä' }));
    const mine = await put(customer.client, body({ text: 'Asiakkaan' }));
    await settle(fac.client);
    const before = lastActions(fac.client);
    expect(before).toHaveLength(2);

    const server = await restart(room.crew, room.dataDir, open);
    const again = await reconnect(server, customer.joined.token, open);
    await settle(again);
    expect(lastActions(again)).toEqual(before);
    expect(again.state?.control.actionsByParticipants).toBe(true);
    expect(await put(again, body({ id: mine, text: 'Yhä minun' }))).toBe(mine);
    await refused(again, 'action:put', body({ id: facs }), ErrorCode.FORBIDDEN);
  });
});
