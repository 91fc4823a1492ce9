import { describe, expect, it } from 'vitest';
import { insertStep } from '../lib/board/path-doc';
import { hasNote, noteText, noteTexts, writeNote } from './helpers/board';
import { CloseCode, ErrorCode } from '../lib/protocol/codes';
import { PROTOCOL_VERSION } from '../lib/protocol/events';
import { closeAfterEach, gatherCrew, heardSince, participantIn, settle } from './helpers/people';
import {
  connectClient,
  handshakeError,
  joinWorkshop,
  rawYjsSocket,
  waitFor,
  yjsClient,
} from './helpers/server';

const open = closeAfterEach();

describe('removing a participant', () => {
  it('ends their session everywhere and takes them off everyone’s list', async () => {
    const crew = await gatherCrew(open, { customers: 2 });
    const gone = crew.customers[0]!;
    const id = gone.joined.participantId;
    const doc = rawYjsSocket(crew.server, crew.workshop.id, gone.joined.token);
    open.push({ close: () => doc.ws.terminate() });
    await doc.opened;
    // Their presence on the board, as another participant sees it.
    const theirs = yjsClient(crew.server, crew.workshop.id, gone.joined.token);
    const watcher = yjsClient(crew.server, crew.workshop.id, crew.leader.joined.token);
    open.push(
      { close: () => theirs.provider.destroy() },
      { close: () => watcher.provider.destroy() },
    );
    theirs.provider.awareness.setLocalStateField('user', { name: gone.name });
    await waitFor(
      () => watcher.provider.awareness.getStates().has(theirs.doc.clientID),
      5000,
      'presence',
    );
    const disconnected = new Promise<string>((resolve) =>
      gone.client.socket.once('disconnect', resolve),
    );

    expect(await crew.fac.client.request('people:remove', { participantId: id })).toEqual({
      ok: true,
    });

    expect(await disconnected).toBe('io server disconnect');
    expect(heardSince(gone.client, 'session:removed')).toHaveLength(1);
    expect(await doc.closed).toMatchObject({ code: CloseCode.UNAUTHORIZED });
    await waitFor(
      () => crew.everyone.every((m) => m === gone || !participantIn(m.client.state, id)),
      5000,
      'everyone to drop them from the list',
    );
    await waitFor(
      () => !watcher.provider.awareness.getStates().has(theirs.doc.clientID),
      2000,
      'presence gone',
    );
    for (const m of crew.everyone.filter((x) => x !== gone)) {
      expect(heardSince(m.client, 'session:removed'), m.name).toEqual([]);
      expect(m.client.socket.connected, m.name).toBe(true);
    }

    // The old token opens nothing any more.
    expect(
      await handshakeError(crew.server, { v: PROTOCOL_VERSION, token: gone.joined.token }),
    ).toBe(ErrorCode.UNAUTHORIZED);
    const retry = rawYjsSocket(crew.server, crew.workshop.id, gone.joined.token);
    open.push({ close: () => retry.ws.terminate() });
    expect(await retry.closed).toMatchObject({ code: CloseCode.UNAUTHORIZED });
    expect(
      await crew.fac.client.request('people:set-lens', { participantId: id, lens: 'staff' }),
    ).toMatchObject({
      ok: false,
      error: { code: ErrorCode.NOT_FOUND },
    });
  });

  it('lets a removed person join again with the code as a new participant', async () => {
    const crew = await gatherCrew(open, { customers: 1 });
    const gone = crew.customers[0]!;
    await crew.fac.client.request('people:remove', { participantId: gone.joined.participantId });
    await waitFor(() => !participantIn(crew.fac.client.state, gone.joined.participantId));

    const lookup = await fetch(`${crew.server.url}/api/join/${crew.workshop.joinCode}`);
    expect(lookup.status).toBe(200);
    const { workshopId } = (await lookup.json()) as { workshopId: string };
    const back = await joinWorkshop(crew.server, workshopId, { name: gone.name, role: 'customer' });
    expect(back.participantId).not.toBe(gone.joined.participantId);
    const client = await connectClient(crew.server, back.token);
    open.push(client);
    expect(client.you).toMatchObject({ participantId: back.participantId, role: 'customer' });
    await waitFor(() => participantIn(crew.fac.client.state, back.participantId)?.online === true);
    expect(crew.fac.client.state?.participants.filter((p) => p.name === gone.name)).toHaveLength(1);
  });
});

describe('becoming an observer', () => {
  it('closes their document connection with RIGHTS_CHANGED and makes it read-only on reconnect', async () => {
    const crew = await gatherCrew(open, { customers: 1 });
    const sami = crew.staff;
    const mine = yjsClient(crew.server, crew.workshop.id, sami.joined.token);
    const other = yjsClient(crew.server, crew.workshop.id, crew.leader.joined.token);
    open.push({ close: () => mine.provider.destroy() }, { close: () => other.provider.destroy() });
    await waitFor(() => mine.provider.synced && other.provider.synced, 5000, 'sync');
    writeNote(mine.doc, 'before', 'written as staff', sami.joined.participantId);
    await waitFor(() => noteText(other.doc, 'before') === 'written as staff');

    const closes: number[] = [];
    mine.provider.on('connection-close', (event) => closes.push(event?.code ?? 0));
    // After RIGHTS_CHANGED a client reconnects to pick up its new rights (by itself, unless
    // the code is one y-websocket treats as final).
    mine.provider.on('closed', ({ code }) => {
      if (code === CloseCode.RIGHTS_CHANGED) mine.provider.connect();
    });
    const participantId = sami.joined.participantId;
    expect(
      await crew.fac.client.request('people:set-role', { participantId, role: 'observer' }),
    ).toEqual({ ok: true });
    await waitFor(() => closes.length > 0, 5000, 'the document connection to close');
    expect(closes[0]).toBe(CloseCode.RIGHTS_CHANGED);
    await waitFor(() => sami.client.you?.role === 'observer');
    await waitFor(() => mine.provider.synced, 5000, 'resync as an observer');

    writeNote(mine.doc, 'after', 'written as observer', sami.joined.participantId);
    // Their presence travels on the same socket after the edit: once it arrives, the
    // server has handled the edit too. The next edit from `other` then queues behind it.
    mine.provider.awareness.setLocalStateField('presence', { stepId: 'marker' });
    await waitFor(
      () =>
        other.provider.awareness.getStates().get(mine.doc.clientID)?.presence?.stepId === 'marker',
      5000,
      'marker',
    );
    writeNote(other.doc, 'reply', 'still readable', crew.leader.joined.participantId);
    await waitFor(() => noteText(mine.doc, 'reply') === 'still readable', 5000, 'reads');
    expect(hasNote(other.doc, 'after')).toBe(false);

    const late = yjsClient(crew.server, crew.workshop.id, crew.fac.joined.token);
    open.push({ close: () => late.provider.destroy() });
    await waitFor(() => late.provider.synced, 5000, 'late sync');
    expect(noteTexts(late.doc)).toEqual({
      before: 'written as staff',
      reply: 'still readable',
    });
  });
});

describe('changes that leave rights alone', () => {
  it('keep the document connection open when the lens changes or a card is dealt', async () => {
    const crew = await gatherCrew(open, { customers: 1 });
    const [customer] = crew.customers;
    if (!customer) throw new Error('no customer');
    const mine = yjsClient(crew.server, crew.workshop.id, customer.joined.token);
    open.push({ close: () => mine.provider.destroy() });
    await waitFor(() => mine.provider.synced, 5000, 'sync');
    const closes: number[] = [];
    mine.provider.on('connection-close', (event) => closes.push(event?.code ?? 0));
    const participantId = customer.joined.participantId;
    expect(
      await crew.fac.client.request('people:set-lens', { participantId, lens: 'staff' }),
    ).toEqual({ ok: true });
    expect(
      await crew.fac.client.request('people:deal', { what: 'cards', onlyUnassigned: false }),
    ).toEqual({ ok: true });
    await waitFor(
      () => customer.client.you?.lens === 'staff' && customer.client.you.cardId !== null,
    );
    // A round trip on the document: had the server closed it, this would not come back.
    mine.provider.awareness.setLocalStateField('presence', { stepId: 'still-here' });
    const watcher = yjsClient(crew.server, crew.workshop.id, crew.leader.joined.token);
    open.push({ close: () => watcher.provider.destroy() });
    await waitFor(
      () =>
        watcher.provider.awareness.getStates().get(mine.doc.clientID)?.presence?.stepId ===
        'still-here',
      5000,
      'presence',
    );
    expect(closes).toEqual([]);
  });
});

describe('a workshop from the blank template', () => {
  it('cannot leave the lobby until the facilitator adds a step', async () => {
    const crew = await gatherCrew(open, { template: 'blank', customers: 1 });
    const f = crew.fac.client;
    expect(await f.request('phase:next', {})).toMatchObject({
      ok: false,
      error: { code: ErrorCode.PATH_EMPTY },
    });
    expect(await f.request('phase:set', { phase: 'walk' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.PATH_EMPTY },
    });
    await settle(f);
    expect(f.state?.control.phase).toBe('lobby');

    const y = yjsClient(crew.server, crew.workshop.id, crew.fac.joined.token);
    const seen = yjsClient(crew.server, crew.workshop.id, crew.leader.joined.token);
    open.push({ close: () => y.provider.destroy() }, { close: () => seen.provider.destroy() });
    await waitFor(() => y.provider.synced && seen.provider.synced, 5000, 'sync');
    insertStep(y.doc, {
      id: 'first-contact',
      title: 'First contact',
      description: 'The customer finds us',
      stage: 'before',
      channel: 'web',
      department: 'Marketing',
      critical: false,
      targetFeeling: 'curious',
      artefact: null,
    });
    // Relayed to another client means the server's document holds the step.
    await waitFor(() => seen.doc.getArray('stepOrder').length === 1, 5000, 'the step to arrive');

    expect(await f.request('phase:next', {})).toEqual({ ok: true });
    await waitFor(() => crew.everyone.every((m) => m.client.state?.control.phase === 'warmup'));
  });
});
