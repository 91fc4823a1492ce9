import { describe, expect, it } from 'vitest';
import { bestOffset, type ClockSample } from '../lib/domain/clock';
import { remainingMs, type Timer } from '../lib/domain/timer';
import { ErrorCode } from '../lib/protocol/codes';
import { SqliteStorage } from '../server/storage/sqlite-storage';
import { everyoneSees, lateJoiner, ok, reconnect, refused, restart } from './helpers/control';
import { closeAfterEach, gatherCrew, settle } from './helpers/people';
import { type TestClient, tempDataDir, waitFor } from './helpers/server';

const open = closeAfterEach();
const MIN = 60_000;

function timerOf(client: TestClient): Timer {
  const timer = client.state?.control.timer;
  if (!timer) throw new Error('no state yet');
  return timer;
}

describe('the timer across a restart', () => {
  it('keeps a running timer’s deadline, and a late joiner sees it running', async () => {
    const dataDir = tempDataDir();
    const crew = await gatherCrew(open, { customers: 1, dataDir });
    await ok(crew.fac.client, 'timer:start', { durationMs: 10 * MIN });
    // Stored before the acknowledgement.
    const stored = (await crew.server.storage.getWorkshop(crew.workshop.id))?.control.timer;
    expect(stored).toMatchObject({ status: 'running', durationMs: 10 * MIN });
    await everyoneSees(crew.everyone, (s) => s.control.timer.status === 'running', 'running');
    const before = timerOf(crew.fac.client);
    expect(before).toEqual(stored);

    const server = await restart(crew, dataDir, open);
    const late = await lateJoiner(server, crew.workshop.id, open);
    expect(late.states[0]?.control.timer).toEqual(before);
    const back = await reconnect(server, crew.customers[0]!.joined.token, open);
    expect(back.states[0]?.control.timer).toEqual(before);
  });

  it('marks a timer that ran out while the server was down as expired', async () => {
    const dataDir = tempDataDir();
    const crew = await gatherCrew(open, { customers: 1, dataDir });
    await ok(crew.fac.client, 'timer:start', { durationMs: 1000 });
    const { deadline } = timerOf(crew.fac.client) as Extract<Timer, { status: 'running' }>;
    await crew.server.close();
    // Down before the deadline: what is stored is still a running timer.
    const storage = SqliteStorage.inDataDir(dataDir);
    expect((await storage.getWorkshop(crew.workshop.id))?.control.timer.status).toBe('running');
    await storage.close();
    await new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now()) + 100));

    const server = await restart(crew, dataDir, open);
    const back = await reconnect(server, crew.customers[0]!.joined.token, open);
    expect(back.states[0]?.control.timer).toEqual({
      status: 'expired',
      expiredAt: deadline,
      durationMs: 1000,
    });
  });
});

describe('the timer across a restart, still running', () => {
  it('expires on the new server at the old deadline', async () => {
    const dataDir = tempDataDir();
    const crew = await gatherCrew(open, { customers: 1, dataDir });
    await ok(crew.fac.client, 'timer:start', { durationMs: 2000 });
    const { deadline } = timerOf(crew.fac.client) as Extract<Timer, { status: 'running' }>;

    const server = await restart(crew, dataDir, open);
    const back = await reconnect(server, crew.customers[0]!.joined.token, open);
    expect(back.states[0]?.control.timer.status).toBe('running');
    await waitFor(() => timerOf(back).status === 'expired', 4000, 'expiry after the restart');
    expect(Date.now()).toBeGreaterThanOrEqual(deadline);
    expect(timerOf(back)).toMatchObject({ expiredAt: deadline });
  });
});

describe('a running timer', () => {
  it('expires on the server at its deadline and every screen hears so unasked', async () => {
    const crew = await gatherCrew(open, { customers: 2 });
    await ok(crew.fac.client, 'timer:start', { durationMs: 1000 });
    await everyoneSees(crew.everyone, (s) => s.control.timer.status === 'running', 'running');
    const { deadline } = timerOf(crew.fac.client) as Extract<Timer, { status: 'running' }>;

    await everyoneSees(crew.everyone, (s) => s.control.timer.status === 'expired', 'expired', 3000);
    const heardAt = Date.now();
    expect(heardAt).toBeGreaterThanOrEqual(deadline);
    expect(heardAt - deadline).toBeLessThan(1000);
    for (const m of crew.everyone) {
      expect(timerOf(m.client), m.name).toEqual({
        status: 'expired',
        expiredAt: deadline,
        durationMs: 1000,
      });
    }
    const stored = await crew.server.storage.getWorkshop(crew.workshop.id);
    expect(stored?.control.timer.status).toBe('expired');
  });

  it('does not expire while paused, and runs on for what was left when resumed', async () => {
    const crew = await gatherCrew(open, { customers: 1 });
    await ok(crew.fac.client, 'timer:start', { durationMs: 1000 });
    await ok(crew.fac.client, 'timer:pause');
    await new Promise((r) => setTimeout(r, 1300));
    await settle(crew.fac.client);
    expect(timerOf(crew.fac.client).status).toBe('paused');
    await ok(crew.fac.client, 'timer:resume');
    await everyoneSees(crew.everyone, (s) => s.control.timer.status === 'expired', 'expired', 3000);
  });

  it('may be pushed weeks ahead without Node’s timer overflowing into a busy loop', async () => {
    // 600 commands back to back are far over the per-connection event rate, which is not
    // what this test is about: its server lets them all through.
    const crew = await gatherCrew(open, {
      customers: 1,
      rateLimits: { socketEvents: { burst: 1000, perSecond: 1000 } },
    });
    const overflows: Error[] = [];
    const onWarning = (w: Error) => {
      if (w.name === 'TimeoutOverflowWarning') overflows.push(w);
    };
    process.on('warning', onWarning);
    try {
      await ok(crew.fac.client, 'timer:start', { durationMs: 3 * 60 * MIN });
      // Past setTimeout's limit of 2^31 − 1 ms (about 24.8 days) from now.
      for (let i = 0; i < 600; i++) await ok(crew.fac.client, 'timer:add', { ms: 60 * MIN });
      await new Promise((r) => setTimeout(r, 200));
      await settle(crew.fac.client);
    } finally {
      process.off('warning', onWarning);
    }
    expect(overflows).toEqual([]);
    expect(timerOf(crew.fac.client)).toMatchObject({ status: 'running' });
    expect(remainingMs(timerOf(crew.fac.client), Date.now())).toBeGreaterThan(2 ** 31);
  });

  it('tells every client when it is paused, resumed, given more time and stopped', async () => {
    const crew = await gatherCrew(open, { customers: 2 });
    const f = crew.fac.client;
    await ok(f, 'timer:start', { durationMs: 10 * MIN });
    await ok(f, 'timer:pause');
    const paused = timerOf(f);
    expect(paused).toMatchObject({ status: 'paused', durationMs: 10 * MIN });
    expect(remainingMs(paused, 0)).toBeGreaterThan(10 * MIN - 2000);
    await everyoneSees(crew.everyone, (s) => s.control.timer.status === 'paused', 'paused');

    const resumedAt = Date.now();
    await ok(f, 'timer:resume');
    await everyoneSees(crew.everyone, (s) => s.control.timer.status === 'running', 'resumed');
    const resumed = timerOf(f) as Extract<Timer, { status: 'running' }>;
    expect(Math.abs(resumed.deadline - resumedAt - remainingMs(paused, 0))).toBeLessThan(1000);

    await ok(f, 'timer:add', { ms: MIN });
    await everyoneSees(
      crew.everyone,
      (s) =>
        s.control.timer.status === 'running' && s.control.timer.deadline === resumed.deadline + MIN,
      'a minute more',
    );
    expect(timerOf(f)).toMatchObject({ durationMs: 11 * MIN });

    await ok(f, 'timer:stop');
    await everyoneSees(crew.everyone, (s) => s.control.timer.status === 'idle', 'stopped');
    await refused(f, 'timer:pause', {}, ErrorCode.INVALID_TRANSITION);
  });

  it('refuses every timer event from anyone but the facilitator, with FORBIDDEN', async () => {
    const crew = await gatherCrew(open, { customers: 1 });
    await ok(crew.fac.client, 'timer:start', { durationMs: 10 * MIN });
    const before = timerOf(crew.fac.client);
    const events: Array<[string, unknown]> = [
      ['timer:start', { durationMs: MIN }],
      ['timer:pause', {}],
      ['timer:resume', {}],
      ['timer:add', { ms: MIN }],
      ['timer:stop', {}],
    ];
    for (const m of crew.others) {
      for (const [event, payload] of events) {
        await refused(m.client, event, payload, ErrorCode.FORBIDDEN);
      }
    }
    await settle(crew.fac.client);
    expect(timerOf(crew.fac.client)).toEqual(before);
  });
});

/** A client whose clock is `skewMs` off the server's. */
async function skewedView(client: TestClient, skewMs: number) {
  const now = () => Date.now() + skewMs;
  const samples: ClockSample[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = now();
    const ack = await client.request('time:sync', {});
    const t1 = now();
    if (!ack.ok) throw new Error(`time:sync refused: ${ack.error.code}`);
    samples.push({ t0, serverNow: (ack.data as { serverNow: number }).serverNow, t1 });
  }
  const offset = bestOffset(samples);
  return { offset, remaining: () => remainingMs(timerOf(client), now() + offset) };
}

describe('clients with skewed clocks', () => {
  it('show the same remaining time, within half a second of the truth', async () => {
    const crew = await gatherCrew(open, { customers: 1 });
    await ok(crew.fac.client, 'timer:start', { durationMs: 10 * MIN });
    await everyoneSees(crew.everyone, (s) => s.control.timer.status === 'running', 'running');

    const ahead = await skewedView(crew.leader.client, 7 * MIN);
    const behind = await skewedView(crew.customers[0]!.client, -3 * MIN);
    expect(Math.abs(ahead.offset + 7 * MIN)).toBeLessThan(250);
    expect(Math.abs(behind.offset - 3 * MIN)).toBeLessThan(250);

    // Read at the same instant, both screens and the server's own clock agree.
    const a = ahead.remaining();
    const b = behind.remaining();
    const truth = remainingMs(timerOf(crew.fac.client), Date.now());
    expect(truth).toBeGreaterThan(9 * MIN);
    expect(Math.abs(a - b)).toBeLessThan(500);
    expect(Math.abs(a - truth)).toBeLessThan(500);
    expect(Math.abs(b - truth)).toBeLessThan(500);
    // Without the correction, they would be minutes apart.
    const uncorrected = remainingMs(timerOf(crew.leader.client), Date.now() + 7 * MIN);
    expect(truth - uncorrected).toBeGreaterThan(6 * MIN);
  });
});
