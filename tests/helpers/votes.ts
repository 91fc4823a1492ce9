/** Helpers for the integration tests of dot voting and action items. */
import { addNote, deleteNote, readNotes } from '../../lib/board/board-doc';
import type { ActionItem } from '../../lib/domain/actions';
import type { MyVotes, VoteResults } from '../../lib/domain/votes';
import { stepIdsFromDoc } from './control';
import { type Crew, gatherCrew, type Member } from './people';
import { connectScreen } from './ratings';
import { tempDataDir, type TestClient, waitFor, yjsClient } from './server';

type Open = Array<{ close(): unknown }>;

/**
 * Ideas in creation order, with ids whose alphabetical order is the reverse, so that a tie
 * broken by creation order is told apart from one broken by id.
 */
export const IDEAS = ['idea-d', 'idea-c', 'idea-b', 'idea-a'] as const;

export interface VotingRoom {
  crew: Crew;
  dataDir: string;
  steps: string[];
  /** The three who vote: leader, staff and a customer proxy. */
  voters: [Member, Member, Member];
  screen: TestClient;
  /** Every connection: facilitator, the voters, the observer and the projector screen. */
  clients: TestClient[];
  /** Adds ideas (as the facilitator, in the ideas lane) or deletes them; resolves once relayed. */
  board: {
    add(ids: readonly string[]): Promise<void>;
    remove(id: string): Promise<void>;
  };
}

/** A crew of facilitator, leader, staff, one customer proxy and an observer, plus a screen. */
export async function votingRoom(open: Open, dataDir = tempDataDir()): Promise<VotingRoom> {
  const crew = await gatherCrew(open, { customers: 1, dataDir });
  const steps = await stepIdsFromDoc(crew, open);
  const { server, workshop } = crew;
  const screen = await connectScreen(server, workshop.id, workshop.facilitatorKey, open);
  const writer = yjsClient(server, workshop.id, crew.fac.joined.token);
  const reader = yjsClient(server, workshop.id, crew.observer.joined.token);
  open.push({ close: () => writer.provider.destroy() }, { close: () => reader.provider.destroy() });
  await waitFor(() => writer.provider.synced && reader.provider.synced, 5000, 'board sync');
  // The server applies an update before relaying it: once the reader has it, so has the server.
  const ideasAt = () => readNotes(reader.doc).filter((n) => n.lane === 'ideas');
  const board = {
    async add(ids: readonly string[]) {
      const base = Date.now();
      ids.forEach((id, i) =>
        addNote(writer.doc, {
          id,
          stepId: steps[i % steps.length]!,
          lane: 'ideas',
          text: `Idea ${id} — äö`,
          authorId: crew.fac.joined.participantId,
          createdAt: base + i,
        }),
      );
      await waitFor(() => ids.every((id) => ideasAt().some((n) => n.id === id)), 5000, 'ideas');
    },
    async remove(id: string) {
      deleteNote(writer.doc, id);
      await waitFor(() => !ideasAt().some((n) => n.id === id), 5000, 'idea deleted');
    },
  };
  const voters: [Member, Member, Member] = [crew.leader, crew.staff, crew.customers[0]!];
  const clients = [...crew.everyone.map((m) => m.client), screen];
  return { crew, dataDir, steps, voters, screen, clients, board };
}

/** Every payload of one event a client heard since `mark`. */
export function heardOf<T>(client: TestClient, event: string, mark = 0): T[] {
  return client.heard
    .slice(mark)
    .filter((h) => h.event === event)
    .map((h) => h.args[0] as T);
}

export function lastMine(client: TestClient): MyVotes | undefined {
  return heardOf<MyVotes>(client, 'votes:mine').at(-1);
}

export function lastResults(client: TestClient): VoteResults | null | undefined {
  return heardOf<VoteResults | null>(client, 'votes:results').at(-1);
}

export function lastActions(client: TestClient): ActionItem[] | undefined {
  return heardOf<ActionItem[]>(client, 'actions:list').at(-1);
}

/** Waits until every client's latest `event` passes `check`. */
export async function allHear<T>(
  clients: TestClient[],
  event: string,
  check: (payload: T) => boolean,
  what: string,
): Promise<void> {
  await waitFor(
    () =>
      clients.every((c) => {
        const last = heardOf<T>(c, event).at(-1);
        return last !== undefined && check(last);
      }),
    5000,
    what,
  );
}

/** `[ideaId, dots]` pairs of a result, in ranked order. */
export function ranking(results: VoteResults | null | undefined): Array<[string, number]> {
  return (results?.ideas ?? []).map((i) => [i.ideaId, i.dots]);
}
