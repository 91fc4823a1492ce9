/**
 * What the projector needs, as a projector screen connection receives it from a real server:
 * the ideas' texts from the board document, the vote ranking once voting closes, the action
 * list as it is written; and nothing blind on the way (no rating before its reveal, no
 * totals while they are hidden, nobody's own dots).
 */
import { describe, expect, it } from 'vitest';
import { addNote, readNotes } from '../lib/board/board-doc';
import { ok } from './helpers/control';
import { closeAfterEach, settle } from './helpers/people';
import { allHeard, rate, rating, ratingsIn } from './helpers/ratings';
import { waitFor, yjsClient } from './helpers/server';
import {
  allHear,
  heardOf,
  IDEAS,
  lastActions,
  lastResults,
  ranking,
  votingRoom,
} from './helpers/votes';

const open = closeAfterEach();
const [D, C, B, A] = IDEAS;
const SECRET_NOTE = 'salainen muistiinpano ennen paljastusta';

async function screenToken(url: string, workshopId: string, key: string): Promise<string> {
  const res = await fetch(`${url}/api/workshops/${workshopId}/screens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}` },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

describe('the projector screen’s feed', () => {
  it('gets the ranking with its ideas’ texts and the actions, and nothing blind', async () => {
    const room = await votingRoom(open);
    const { crew, screen, steps } = room;
    const fac = crew.fac.client;
    const { server, workshop } = crew;

    // The walk: one rating on the first step, not revealed. The projector counts it only.
    // Step by step: moving on from the walk reveals nothing by itself (in the default
    // mode it reveals what was walked, see tests/reveal-entry.test.ts).
    await ok(fac, 'settings:reveal', { mode: 'stepwise' });
    await ok(fac, 'phase:set', { phase: 'walk' });
    await rate(
      crew.leader,
      rating(steps[0]!, { valence: -2, emotion: 'frustrated', note: SECRET_NOTE }),
    );
    await waitFor(
      () => screen.state?.ratingCounts[`1:${steps[0]}`] === 1,
      5000,
      'the screen to count the rating',
    );

    // The board, read over Yjs with the screen's own token.
    const token = await screenToken(server.url, workshop.id, workshop.facilitatorKey);
    const board = yjsClient(server, workshop.id, token);
    open.push({ close: () => board.provider.destroy() });
    await waitFor(() => board.provider.synced, 5000, 'the screen’s board to sync');
    await room.board.add(IDEAS);
    const ideaText = (id: string) => readNotes(board.doc).find((n) => n.id === id)?.text;
    await waitFor(() => IDEAS.every((id) => ideaText(id)), 5000, 'the ideas on the screen');

    // Voting with hidden totals: the screen hears "hidden", never a count or anyone's dots.
    await ok(fac, 'phase:set', { phase: 'vote' });
    const [leader, staff, customer] = room.voters.map((m) => m.client);
    await ok(leader!, 'vote:set', { ideaId: C, dots: 3 });
    await ok(staff!, 'vote:set', { ideaId: B, dots: 2 });
    await ok(customer!, 'vote:set', { ideaId: C, dots: 1 });
    await ok(customer!, 'vote:set', { ideaId: A, dots: 1 });
    await settle(...crew.everyone.map((m) => m.client));
    await screen.request('time:sync', {}); // a round trip: the screen has heard it all
    expect(heardOf(screen, 'votes:results').every((r) => r === null)).toBe(true);
    expect(heardOf(screen, 'votes:mine')).toEqual([]);
    const beforeClose = allHeard(screen);
    for (const id of IDEAS) expect(beforeClose).not.toContain(id);

    // Closed: the ranking arrives, and every idea in it reads as text on the screen's board.
    await ok(fac, 'votes:close');
    await allHear([screen], 'votes:results', (r) => r !== null, 'the ranking');
    expect(ranking(lastResults(screen))).toEqual([
      [C, 4],
      [B, 2],
      [A, 1],
      [D, 0],
    ]);
    expect(lastResults(screen)?.voters).toBe(3);
    for (const [id] of ranking(lastResults(screen))) expect(ideaText(id)).toContain(id);

    // Actions, as they are written and changed.
    await ok(fac, 'phase:set', { phase: 'actions' });
    const action = {
      text: 'Soita asiakkaalle takaisin samana päivänä',
      owner: 'Mirja',
      department: 'Asiakaspalvelu',
      dueDate: '2026-09-01',
      stepId: steps[0],
      ideaId: C,
    };
    const put = await fac.request('action:put', action);
    expect(put).toMatchObject({ ok: true });
    await allHear([screen], 'actions:list', (l: unknown[]) => l.length === 1, 'the first action');
    const id = lastActions(screen)![0]!.id;
    const edit = await fac.request('action:put', { ...action, id, owner: 'Mirja Mäkelä' });
    expect(edit).toMatchObject({ ok: true });
    await waitFor(
      () => lastActions(screen)?.[0]?.owner === 'Mirja Mäkelä',
      5000,
      'the edited action on the screen',
    );

    // Blind held to the end: the unrevealed rating never reached the screen on any channel.
    expect(ratingsIn(screen.heard.map((h) => h.args))).toEqual([]);
    expect(allHeard(screen)).not.toContain(SECRET_NOTE);
    expect(JSON.stringify(board.doc.toJSON())).not.toContain(SECRET_NOTE);
  });

  it('cannot write the board it reads', async () => {
    const room = await votingRoom(open);
    const { crew } = room;
    const token = await screenToken(
      crew.server.url,
      crew.workshop.id,
      crew.workshop.facilitatorKey,
    );
    const screenBoard = yjsClient(crew.server, crew.workshop.id, token);
    open.push({ close: () => screenBoard.provider.destroy() });
    await waitFor(() => screenBoard.provider.synced, 5000, 'the screen’s board to sync');
    addNote(screenBoard.doc, {
      id: 'from-the-screen',
      stepId: room.steps[0]!,
      lane: 'ideas',
      text: 'The projector wrote this',
      authorId: crew.fac.joined.participantId,
      createdAt: Date.now(),
    });
    await room.board.add([D]);
    // The facilitator's idea arrived after the screen's write: the write would be here by now.
    const writer = yjsClient(crew.server, crew.workshop.id, crew.fac.joined.token);
    open.push({ close: () => writer.provider.destroy() });
    await waitFor(() => writer.provider.synced, 5000, 'a fresh reader to sync');
    expect(writer.doc.getMap('notes').has(D)).toBe(true);
    expect(writer.doc.getMap('notes').has('from-the-screen')).toBe(false);
  });
});
