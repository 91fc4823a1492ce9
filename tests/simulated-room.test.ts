import { describe, expect, it } from 'vitest';
import { readNotes } from '../lib/board/board-doc';
import type { RevealedRating } from '../lib/domain/ratings';
import type { VoteResults } from '../lib/domain/votes';
import { closeAfterEach } from './helpers/people';
import {
  connectClient,
  createWorkshop,
  joinWorkshop,
  startTestServer,
  type TestClient,
  tempDataDir,
  waitFor,
  yjsClient,
} from './helpers/server';

const open = closeAfterEach();

/** Simulated people pause 0.5–4 s before each act, as people do. */
const PATIENCE_MS = 15_000;

function simulate(url: string, workshopId: string, body: unknown, key?: string) {
  return fetch(`${url}/api/workshops/${workshopId}/simulated`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify(body),
  });
}

/** The last payload of `event` the client heard. */
function lastHeard<T>(client: TestClient, event: string): T | undefined {
  return client.heard.filter((h) => h.event === event).at(-1)?.args[0] as T | undefined;
}

async function ok(client: TestClient, event: string, payload: unknown = {}): Promise<void> {
  expect(await client.request(event, payload), event).toEqual({ ok: true });
}

describe('a practice workshop with simulated participants', () => {
  it('is opened only with the facilitator key, and only with sensible counts', async () => {
    const server = await startTestServer({ dataDir: tempDataDir() });
    open.push(server);
    const workshop = await createWorkshop(server);
    const anna = await joinWorkshop(server, workshop.id, { name: 'Anna', role: 'customer' });

    const cases: Array<[unknown, string | undefined, number, string]> = [
      [{}, undefined, 401, 'UNAUTHORIZED'],
      [{}, anna.token, 401, 'UNAUTHORIZED'],
      [{ count: 99 }, workshop.facilitatorKey, 400, 'INVALID_PAYLOAD'],
      [{ count: 3, extra: true }, workshop.facilitatorKey, 400, 'INVALID_PAYLOAD'],
    ];
    for (const [body, key, status, code] of cases) {
      const res = await simulate(server.url, workshop.id, body, key);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
    const missing = await simulate(server.url, 'no-such-workshop', {}, workshop.facilitatorKey);
    expect(missing.status).toBe(404);
    // Nobody was added by the refused requests.
    const fac = await connectClient(
      server,
      (await joinWorkshop(server, workshop.id, { name: 'Fran' }, workshop.facilitatorKey)).token,
    );
    open.push(fac);
    expect(fac.state?.participants.map((p) => p.name).sort()).toEqual(['Anna', 'Fran']);

    const first = await simulate(server.url, workshop.id, { count: 3 }, workshop.facilitatorKey);
    expect(first.status).toBe(201);
    const again = await simulate(server.url, workshop.id, { count: 3 }, workshop.facilitatorKey);
    expect(again.status).toBe(409);
  });

  it('answer, rate, write, vote and mark themselves done as the facilitator runs every phase', async () => {
    const server = await startTestServer({ dataDir: tempDataDir() });
    open.push(server);
    const workshop = await createWorkshop(server);
    const facJoined = await joinWorkshop(
      server,
      workshop.id,
      { name: 'Fran' },
      workshop.facilitatorKey,
    );
    const fac = await connectClient(server, facJoined.token);
    open.push(fac);
    const board = yjsClient(server, workshop.id, facJoined.token);
    open.push({ close: () => board.provider.destroy() });

    const res = await simulate(
      server.url,
      workshop.id,
      { count: 6, seed: 42 },
      workshop.facilitatorKey,
    );
    expect(res.status).toBe(201);
    const { participants: sims } = (await res.json()) as {
      participants: Array<{ participantId: string; name: string; role: string }>;
    };
    expect(sims.map((s) => s.role).sort()).toEqual([
      'customer',
      'customer',
      'leader',
      'leader',
      'staff',
      'staff',
    ]);
    for (const s of sims) expect(s.name).toMatch(/\(demo\)$/);
    const simIds = new Set(sims.map((s) => s.participantId));
    // Done by the phase's own signal: answered, rated the step, spent the dots, "I'm done".
    const allDone = () => sims.every((s) => fac.state?.progress.doneIds.includes(s.participantId));

    // They are online, as real clients of the server.
    await waitFor(
      () =>
        (fac.state?.participants ?? []).filter((p) => simIds.has(p.id) && p.online).length === 6,
      PATIENCE_MS,
      'the simulated people to come online',
    );

    await ok(fac, 'phase:set', { phase: 'warmup' });
    await waitFor(() => fac.state?.warmup.answered === 6, PATIENCE_MS, 'warm-up answers');
    await waitFor(allDone, PATIENCE_MS, 'everyone done with the warm-up');
    await ok(fac, 'warmup:close');
    expect(fac.state?.warmup.results).not.toBeNull();

    await ok(fac, 'phase:set', { phase: 'walk' });
    const stepIds: string[] = [];
    for (let i = 0; i < 2; i++) {
      const stepId = fac.state?.control.stepId as string;
      stepIds.push(stepId);
      await waitFor(
        () => fac.state?.ratingCounts[`1:${stepId}`] === 6,
        PATIENCE_MS,
        `six ratings of ${stepId}`,
      );
      await waitFor(allDone, PATIENCE_MS, `everyone done with ${stepId}`);
      if (i === 0) await ok(fac, 'walk:next');
    }
    // Blind: nothing revealed has reached the facilitator yet.
    expect(
      lastHeard<{ ratings: RevealedRating[] }>(fac, 'ratings:revealed')?.ratings ?? [],
    ).toEqual([]);
    await ok(fac, 'reveal:all');
    await waitFor(
      () =>
        (lastHeard<{ ratings: RevealedRating[] }>(fac, 'ratings:revealed')?.ratings.length ?? 0) ===
        12,
      PATIENCE_MS,
      'twelve revealed ratings',
    );
    const revealed = lastHeard<{ ratings: RevealedRating[] }>(fac, 'ratings:revealed')!.ratings;
    const meanOf = (role: string) => {
      const mine = revealed.filter((r) => r.role === role).map((r) => r.valence);
      expect(mine.length, role).toBe(4);
      return mine.reduce((a, b) => a + b, 0) / mine.length;
    };
    // The room shows a perception gap: leaders feel the path better than customer proxies.
    expect(meanOf('leader')).toBeGreaterThan(meanOf('customer'));
    expect(meanOf('staff')).toEqual(expect.any(Number));

    await ok(fac, 'phase:set', { phase: 'ideate' });
    const ideasBySims = () =>
      readNotes(board.doc).filter((n) => n.lane === 'ideas' && simIds.has(n.authorId));
    await waitFor(() => ideasBySims().length === 6, PATIENCE_MS, 'six ideas on the board');
    for (const note of ideasBySims()) expect(note.text).not.toBe('');

    await ok(fac, 'phase:set', { phase: 'vote' });
    await waitFor(allDone, PATIENCE_MS, 'everyone done voting');
    await ok(fac, 'votes:close');
    await waitFor(() => lastHeard<VoteResults | null>(fac, 'votes:results') != null, PATIENCE_MS);
    const results = lastHeard<VoteResults>(fac, 'votes:results')!;
    // Each spent the whole budget (5 dots), within the per-idea limit (3).
    expect(results.voters).toBe(6);
    expect(results.ideas.reduce((sum, idea) => sum + idea.dots, 0)).toBe(30);
    expect(Math.max(...results.ideas.map((i) => i.dots))).toBeLessThanOrEqual(18);
  }, 90_000);
});
