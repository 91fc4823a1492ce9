/** Helpers for the integration tests of ratings and the blind reveal. */
import { expect } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Emotion } from '../../lib/domain/emotions';
import type { MyRating, RevealedRating } from '../../lib/domain/ratings';
import { YJS_PATH_PREFIX } from '../../lib/protocol/events';
import type { AppServer } from '../../server/app-server';
import { ok } from './control';
import type { Member } from './people';
import { TestClient, waitFor } from './server';

type Open = Array<{ close(): unknown }>;

export interface RatingBody {
  stepId: string;
  valence: number;
  emotion: string;
  expectation: 'worse' | 'as' | 'better';
  effort: number | null;
  note: string | null;
  expectedNext?: Emotion;
}

export function rating(stepId: string, overrides: Partial<RatingBody> = {}): RatingBody {
  return {
    stepId,
    valence: 2,
    emotion: 'happy',
    expectation: 'as',
    effort: null,
    note: null,
    ...overrides,
  };
}

export async function rate(member: Member, body: RatingBody): Promise<void> {
  await ok(member.client, 'rating:put', body);
}

/** A projector screen: the facilitator key buys a screen token, which connects read-only. */
export async function connectScreen(
  server: AppServer,
  workshopId: string,
  facilitatorKey: string,
  open: Open,
): Promise<TestClient> {
  const res = await fetch(`${server.url}/api/workshops/${workshopId}/screens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${facilitatorKey}` },
  });
  expect(res.status).toBe(201);
  const { token } = (await res.json()) as { token: string };
  const screen = new TestClient(server.url, token);
  open.push(screen);
  await waitFor(() => screen.state !== undefined, 5000, 'the screen’s first state');
  return screen;
}

/** A y-websocket client whose socket keeps every message it receives, as raw bytes. */
export interface YjsSpy {
  doc: Y.Doc;
  provider: WebsocketProvider;
  received: Buffer[];
  /** Everything received, as text (Yjs writes strings as UTF-8, so they show up here). */
  text(): string;
}

export async function yjsSpy(
  server: AppServer,
  workshopId: string,
  token: string,
  open: Open,
): Promise<YjsSpy> {
  const received: Buffer[] = [];
  class RecordingSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      this.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
        if (Array.isArray(data)) received.push(Buffer.concat(data));
        else received.push(Buffer.from(data as ArrayBuffer));
      });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(
    server.url.replace('http', 'ws') + YJS_PATH_PREFIX,
    workshopId,
    doc,
    { WebSocketPolyfill: RecordingSocket as never, disableBc: true, params: { token } },
  );
  open.push({ close: () => provider.destroy() });
  await waitFor(() => provider.synced, 5000, 'the spy’s document to sync');
  return {
    doc,
    provider,
    received,
    text: () => received.map((b) => b.toString('latin1')).join('\n'),
  };
}

/** Every object, at any depth of `value`, that looks like a rating (has a valence). */
export function ratingsIn(value: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(value)) return value.flatMap(ratingsIn);
  if (value === null || typeof value !== 'object') return [];
  const own = 'valence' in value ? [value as Record<string, unknown>] : [];
  return [...own, ...Object.values(value).flatMap(ratingsIn)];
}

/** Everything a client heard on every Socket.io event, as one string. */
export function allHeard(client: TestClient, mark = 0): string {
  return JSON.stringify(client.heard.slice(mark).map((h) => [h.event, h.args]));
}

export type Revealed = { replace: boolean; ratings: RevealedRating[] };

/** The `ratings:revealed` messages a client heard since `mark`. */
export function revealsSince(client: TestClient, mark = 0): Revealed[] {
  return client.heard
    .slice(mark)
    .filter((h) => h.event === 'ratings:revealed')
    .map((h) => h.args[0] as Revealed);
}

/** The last `ratings:mine` a client heard. */
export function lastMine(client: TestClient): MyRating[] | undefined {
  const all = client.heard.filter((h) => h.event === 'ratings:mine');
  return all.at(-1)?.args[0] as MyRating[] | undefined;
}

/** Waits until every client has heard a `ratings:revealed` since its mark that passes `check`. */
export async function everyoneHearsReveal(
  clients: TestClient[],
  marks: number[],
  check: (r: Revealed) => boolean,
  what: string,
): Promise<Revealed[]> {
  await waitFor(() => clients.every((c, i) => revealsSince(c, marks[i]).some(check)), 5000, what);
  return clients.map((c, i) => revealsSince(c, marks[i]).find(check) as Revealed);
}

/** The revealed ratings without their random keys, sorted by valence: for comparing. */
export function withoutKeys(ratings: RevealedRating[]): Array<Omit<RevealedRating, 'key'>> {
  return ratings
    .map(({ key: _key, ...rest }) => rest)
    .sort((a, b) => a.valence - b.valence || a.stepId.localeCompare(b.stepId));
}
