import { describe, expect, it } from 'vitest';
import { addNote, readNotes } from '../lib/board/board-doc';
import type { MyRating } from '../lib/domain/ratings';
import { addTime } from '../lib/domain/timer';
import type { MyVotes } from '../lib/domain/votes';
import { noteTexts } from './helpers/board';
import { ok } from './helpers/control';
import { ControlLog, keepSending, keepSteering, SentLog } from './helpers/fault-burst';
import { boardKept, crash, everyoneAgrees, SLOW_MS, writeAll } from './helpers/fault-check';
import { exportJson, faultRoom } from './helpers/fault-room';
import { closeAfterEach, heardSince, settle } from './helpers/people';
import { rating, type RatingBody } from './helpers/ratings';
import { connectClient, type TestClient, waitFor } from './helpers/server';
import { IDEAS } from './helpers/votes';

const open = closeAfterEach();

describe('a crash (SIGKILL) in the middle of the walk: ratings, spotlight moves, notes', () => {
  it(
    'keeps everything acknowledged; the clients come back by themselves and agree',
    {
      timeout: 120_000,
    },
    async () => {
      const room = await faultRoom(open);
      const { fac, people, steps } = room;
      await ok(fac.client, 'phase:set', { phase: 'walk' });
      await ok(fac.client, 'walk:pace', { pace: 'free' });

      let running = true;
      const ratings = new SentLog<RatingBody>();
      const spotlight = new ControlLog<{ stepId: string }>();
      const loops = [
        ...people.map((m) =>
          keepSending(
            m.client,
            'rating:put',
            (i) => {
              const stepId = steps[i % steps.length]!;
              const value = rating(stepId, { valence: 1 + (i % 3), note: `${m.name} ${i}` });
              return { key: `${m.joined.participantId}/${stepId}`, value };
            },
            ratings,
            () => running,
          ),
        ),
        keepSteering(
          fac.client,
          'walk:step',
          (i) => ({ stepId: steps[(i * 3) % steps.length]! }),
          spotlight,
          () => running,
        ),
        ...writeAll(room, () => running),
      ];
      // The kill comes with plenty acknowledged and at least one rating still unanswered.
      await waitFor(
        () =>
          ratings.acked >= 30 &&
          ratings.count('pending') > 0 &&
          spotlight.acked !== null &&
          readNotes(room.watcher.doc).length >= 12,
        SLOW_MS,
        'the burst to get going',
      );
      const { pending, relayed, relayedNotes } = await crash(
        room,
        { stop: () => (running = false), done: Promise.all(loops) },
        () => ratings.count('pending'),
      );
      expect(pending).toBeGreaterThan(0);
      expect(ratings.count('refused')).toBe(0);

      // Every acknowledged rating is there, as the rater's own view on a fresh connection.
      const freshFac = await connectClient(room.server, fac.joined.token);
      open.push(freshFac);
      const freshOwn: TestClient[] = [];
      for (const m of people) {
        const own = await connectClient(room.server, m.joined.token);
        open.push(own);
        freshOwn.push(own);
        await settle(own);
        const mine = (heardSince(own, 'ratings:mine').at(-1) ?? []) as MyRating[];
        const stored = new Map(
          mine.map(({ round, ...r }) => [`${m.joined.participantId}/${r.stepId}`, { round, r }]),
        );
        const sentKeys = ratings.keys().filter((k) => k.startsWith(`${m.joined.participantId}/`));
        for (const key of sentKeys) {
          const got = stored.get(key);
          expect(ratings.allowed(key), key).toContainEqual(got?.r);
          if (got) expect(got.round).toBe(1);
        }
        // …and nothing that was never sent.
        expect([...stored.keys()].filter((k) => !sentKeys.includes(k))).toEqual([]);
      }
      // The spotlight is where it was acknowledged (or where the command in flight took it).
      const stored = freshFac.state!.control;
      const acked = spotlight.acked!;
      if (stored.revision === acked.revision) expect(stored).toEqual(acked);
      else {
        expect(stored.revision).toBe(acked.revision + 1);
        expect(stored.stepId).toBe(spotlight.lost?.stepId);
      }
      const freshBoard = await boardKept(room, relayed, relayedNotes, open);
      expect(Object.keys(relayedNotes).length).toBeGreaterThanOrEqual(12);

      await everyoneAgrees(room, freshFac, freshOwn, freshBoard, 'ratings:mine');
    },
  );
});

describe('a crash (SIGKILL) in the middle of dot voting: votes, timer changes, notes', () => {
  it(
    'keeps every acknowledged vote; the clients come back by themselves and agree',
    {
      timeout: 120_000,
    },
    async () => {
      const room = await faultRoom(open);
      const { fac, people } = room;
      const base = Date.now();
      IDEAS.forEach((id, i) =>
        addNote(fac.board.doc, {
          id,
          stepId: room.steps[0]!,
          lane: 'ideas',
          text: `Idea ${id}`,
          authorId: fac.joined.participantId,
          createdAt: base + i,
        }),
      );
      await waitFor(
        () => IDEAS.every((id) => noteTexts(room.watcher.doc)[id] !== undefined),
        SLOW_MS,
        'the ideas on the board',
      );
      await ok(fac.client, 'phase:set', { phase: 'vote' });
      // Twenty dots, five per idea: no vote of the burst goes over budget.
      await ok(fac.client, 'votes:configure', { budget: 20, maxPerIdea: 5, hidden: true });
      await ok(fac.client, 'timer:start', { durationMs: 30 * 60_000 });

      let running = true;
      const votes = new SentLog<{ ideaId: string; dots: number }>();
      const timer = new ControlLog<{ ms: number }>();
      const loops = [
        ...people.map((m) =>
          keepSending(
            m.client,
            'vote:set',
            (i) => {
              const ideaId = IDEAS[i % IDEAS.length]!;
              return {
                key: `${m.joined.participantId}/${ideaId}`,
                value: { ideaId, dots: 1 + (i % 5) },
              };
            },
            votes,
            () => running,
          ),
        ),
        keepSteering(
          fac.client,
          'timer:add',
          () => ({ ms: 1000 }),
          timer,
          () => running,
        ),
        ...writeAll(room, () => running),
      ];
      // The kill comes with plenty acknowledged and at least one vote still unanswered.
      await waitFor(
        () =>
          votes.acked >= 30 &&
          votes.count('pending') > 0 &&
          timer.acked !== null &&
          readNotes(room.watcher.doc).length >= IDEAS.length + 12,
        SLOW_MS,
        'the burst to get going',
      );
      const { pending, relayed, relayedNotes } = await crash(
        room,
        { stop: () => (running = false), done: Promise.all(loops) },
        () => votes.count('pending'),
      );
      expect(pending).toBeGreaterThan(0);
      expect(votes.count('refused')).toBe(0);

      // Every acknowledged vote is there, in the voter's own view on a fresh connection.
      const freshFac = await connectClient(room.server, fac.joined.token);
      open.push(freshFac);
      const freshOwn: TestClient[] = [];
      const totals = new Map<string, number>();
      for (const m of people) {
        const own = await connectClient(room.server, m.joined.token);
        open.push(own);
        freshOwn.push(own);
        // Sent on connect once the commands queued before it have run.
        await waitFor(() => heardSince(own, 'votes:mine').length > 0, SLOW_MS, 'votes:mine');
        const mine = heardSince(own, 'votes:mine').at(-1) as MyVotes;
        for (const ideaId of IDEAS) {
          const key = `${m.joined.participantId}/${ideaId}`;
          const dots = mine.votes[ideaId];
          expect(
            votes.allowed(key).map((v) => v?.dots),
            key,
          ).toContain(dots);
          totals.set(ideaId, (totals.get(ideaId) ?? 0) + (dots ?? 0));
        }
      }
      // The export counts the same dots.
      const exp = await exportJson(room);
      expect(exp.workshop.phase).toBe('vote');
      for (const ideaId of IDEAS) {
        expect(exp.ideas.find((i) => i.noteId === ideaId)?.dots, ideaId).toBe(totals.get(ideaId));
      }
      // The timer's deadline: as acknowledged, or a second later if the one in flight landed.
      const stored = freshFac.state!.control;
      const acked = timer.acked!;
      if (stored.revision === acked.revision) expect(stored).toEqual(acked);
      else {
        expect(stored.revision).toBe(acked.revision + 1);
        expect(timer.lost).not.toBeNull();
        expect(stored.timer).toEqual(addTime(acked.timer, 1000, Date.now()));
      }
      const freshBoard = await boardKept(room, relayed, relayedNotes, open);
      expect(Object.keys(relayedNotes).length).toBeGreaterThanOrEqual(IDEAS.length + 12);

      await everyoneAgrees(room, freshFac, freshOwn, freshBoard, 'votes:mine');
    },
  );
});
