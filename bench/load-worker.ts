/**
 * A load process: holds the clients of the rooms the harness gives it, connects them,
 * makes them act, and reports latencies and counts over IPC (see load-spec.ts). All
 * clients of one room live in one load process, so one clock times sender and receivers.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Latency } from './latency';
import type { ActionKind, FromWorker, LoadSpec, ToWorker, WorkerResult } from './load-spec';
import { countError, type Errors, Participant } from './participant';
import { nowMs } from './stats';

let spec: LoadSpec;
const rooms = new Map<string, Participant[]>();
const byClient = new Map<number, Participant[]>();
const errors: Errors = {};
const latency = new Latency((key) => {
  // `kind:clientId:clock`: every other client of the sender's room should see it.
  const room = byClient.get(Number(key.split(':')[1]));
  return room ? room.length - 1 : 0;
});
let acting = false;
const timers = new Set<NodeJS.Timeout>();
let measureStart = 0;
let countsAtStart = { received: 0, sent: 0 };
let cpuAtStart = process.cpuUsage();
// A load process that falls behind delays arrivals itself: its loop delay tells.
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
const actions: Record<string, number> = {};

function send(message: FromWorker): void {
  process.send?.(message);
}

function all(): Participant[] {
  return [...rooms.values()].flat();
}

/** Connects every client, at most `connectConcurrency` at a time. */
async function connect(): Promise<void> {
  const people: Participant[] = [];
  for (const { room, members } of spec.rooms) {
    const list = members.map((m) => new Participant(spec, room, m, latency, errors));
    rooms.set(room, list);
    for (const p of list) byClient.set(p.yjs.doc.clientID, list);
    people.push(...list);
  }
  let next = 0;
  const lane = async () => {
    while (next < people.length) await people[next++]!.connect();
  };
  await Promise.all(Array.from({ length: spec.connectConcurrency }, lane));
  if (spec.target === 'ours') {
    for (const list of rooms.values()) {
      await list.find((p) => p.member.role === 'facilitator')?.startWalk();
    }
  }
  send({ type: 'connected', clients: people.length });
}

/** Weighted pick of an action this participant may do; Yjs actions when a command is in flight. */
function chooseAction(p: Participant): ActionKind | null {
  const entries = (Object.entries(spec.mix) as Array<[ActionKind, number]>).filter(
    ([kind]) => (kind !== 'rating' && kind !== 'ready') || (p.canAct && !p.pendingCommand),
  );
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let r = Math.random() * total;
  for (const [kind, w] of entries) {
    if ((r -= w) <= 0) return kind;
  }
  return entries.at(-1)?.[0] ?? null;
}

function schedule(p: Participant): void {
  // Exponential gaps: independent people, on average one action per meanIntervalMs.
  const delay = -Math.log(1 - Math.random()) * spec.meanIntervalMs;
  const timer = setTimeout(() => {
    timers.delete(timer);
    if (!acting) return;
    const kind = chooseAction(p);
    if (kind && p.act(kind) && measureStart > 0) actions[kind] = (actions[kind] ?? 0) + 1;
    schedule(p);
  }, delay);
  timers.add(timer);
}

function startActing(): void {
  acting = true;
  for (const p of all()) schedule(p);
}

function stopActing(): void {
  acting = false;
  for (const t of timers) clearTimeout(t);
  timers.clear();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function counts() {
  let received = 0;
  let sent = 0;
  for (const p of all()) {
    received += p.yjs.received + p.socketEvents;
    sent += p.yjs.sent;
  }
  return { received, sent };
}

/**
 * Starts measuring at a quiet moment: with no command in flight every socket of a room
 * has seen the same broadcasts, so the broadcasts numbered from here line up across them.
 */
async function measure(): Promise<void> {
  stopActing();
  await sleep(500);
  for (let i = 0; i < 100 && all().some((p) => p.pendingCommand); i++) await sleep(50);
  await sleep(200);
  measureStart = nowMs();
  for (const p of all()) {
    p.measureStart = measureStart;
    p.arrivals = [];
    p.commands = [];
  }
  latency.measuring = true;
  countsAtStart = counts();
  cpuAtStart = process.cpuUsage();
  loopDelay.reset();
  loopDelay.enable();
  startActing();
  send({ type: 'measuring' });
}

/** Socket.io latencies: each command's broadcast, at every other intact socket of its room. */
function socketLatencies(): number {
  let lost = 0;
  for (const list of rooms.values()) {
    for (const sender of list) {
      for (const { index, at } of sender.commands) {
        for (const other of list) {
          if (other === sender || other.broken || !other.socket) continue;
          const arrived = other.arrivals[index];
          if (arrived === undefined) lost++;
          else latency.record('s', arrived - at);
        }
      }
    }
  }
  return lost;
}

async function stop(): Promise<void> {
  const measuredMs = nowMs() - measureStart;
  const now = counts();
  const cpuUsed = process.cpuUsage(cpuAtStart);
  loopDelay.disable();
  stopActing();
  // Let what is in flight arrive before counting what never came.
  await sleep(2000);
  latency.measuring = false;
  const lost = socketLatencies() + latency.settle();
  for (const p of all()) {
    if (p.yjs.closeCode !== null) countError(errors, `yjs closed ${p.yjs.closeCode}`);
    if (p.yjs.denied > 0) errors['yjs denied'] = (errors['yjs denied'] ?? 0) + p.yjs.denied;
  }
  const result: WorkerResult = {
    histograms: latency.data(),
    lost,
    actions,
    received: now.received - countsAtStart.received,
    sent: now.sent - countsAtStart.sent,
    measuredMs,
    cpu: (cpuUsed.user + cpuUsed.system) / 1000 / measuredMs,
    loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
    errors,
  };
  send({ type: 'result', result });
}

process.on('message', (message: ToWorker) => {
  const run = async () => {
    switch (message.type) {
      case 'connect':
        spec = message.spec;
        return connect();
      case 'act':
        return startActing();
      case 'measure':
        return measure();
      case 'stop':
        return stop();
      case 'close':
        stopActing();
        for (const p of all()) p.close();
        setTimeout(() => process.exit(0), 200);
    }
  };
  run().catch((err: unknown) => {
    send({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  });
});
// The harness gone: do not linger.
process.on('disconnect', () => process.exit(1));
