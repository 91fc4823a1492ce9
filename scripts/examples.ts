/**
 * Regenerates docs/examples/summary.{json,md,pdf}: a planted two-round workshop on the
 * b2b-order-to-invoice path, played over real socket.io and Yjs connections against the
 * real server (in this process, port 0, a temporary data directory, no Next pages), and
 * exported through the HTTP export route. Run: `npm run docs:examples`.
 *
 * Every name, valence, answer, idea and action is fixed, so a rerun changes only ids and
 * dates. The plant, so the summary has something to show:
 * - 9 raters: 3 customer proxies, 3 leaders, 3 staff; a persona each.
 * - Round 1, everyone in the customer's boots: the leaders think the invoice is fine (+2)
 *   where the proxies feel −2 (a perception gap); the proxies fall across the hand-off from
 *   Logistics to Billing while leaders and staff rise; the sales call promises "happy" and
 *   the order confirmation is felt −2 (a broken promise); waiting for delivery is far below
 *   its target (calm) and takes the most effort.
 * - The warm-up: leaders rate the workplace higher than staff do.
 * - Round 2, leaders and staff in staff's boots: the staff's own curve (disputes and chasing
 *   calls hurt them), so "What changed between rounds" shows the change per role.
 * - Pains, gains and three ideas on the board, dots on the ideas, and two actions.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as ioClient, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addNote, readNotes } from '../lib/board/board-doc';
import { EMOTIONS, type Emotion } from '../lib/domain/emotions';
import { PROTOCOL_VERSION, SOCKET_IO_PATH, YJS_PATH_PREFIX } from '../lib/protocol/events';
import { type AppServer, startAppServer } from '../server/app-server';
import {
  BOARD,
  DOTS,
  NOTES,
  PEOPLE,
  type Role,
  ROLES,
  ROUND_1,
  ROUND_2,
  SPREAD,
  STEPS,
  type Walk,
} from './examples-plant';

const OUT = path.resolve(import.meta.dirname, '..', 'docs', 'examples');

/** The emotion named for a valence, the first of the palette that has it. */
function emotionOf(valence: number): Emotion {
  return (Object.keys(EMOTIONS) as Emotion[]).find((e) => EMOTIONS[e] === valence)!;
}

type Client = Socket;

async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function send(client: Client, event: string, payload: unknown = {}): Promise<unknown> {
  const ack = (await client.timeout(10_000).emitWithAck(event, payload)) as {
    ok: boolean;
    data?: unknown;
    error?: unknown;
  };
  if (!ack.ok) throw new Error(`${event} refused: ${JSON.stringify(ack.error)}`);
  return ack.data;
}

async function http(
  server: AppServer,
  url: string,
  body?: unknown,
  key?: string,
): Promise<Response> {
  const res = await fetch(`${server.url}${url}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'saappaat-examples-'));
  const server = await startAppServer({ port: 0, host: '127.0.0.1', withNext: false, dataDir });
  const open: Array<() => void> = [];
  try {
    const workshop = (await (
      await http(server, '/api/workshops', {
        title: 'From order to invoice: two rounds',
        template: 'b2b-order-to-invoice',
        locale: 'en',
      })
    ).json()) as { id: string; facilitatorKey: string };
    const key = workshop.facilitatorKey;

    const connect = async (name: string, role?: Role) => {
      const res = await http(
        server,
        `/api/workshops/${workshop.id}/participants`,
        { name, role },
        role ? undefined : key,
      );
      const joined = (await res.json()) as { participantId: string; token: string };
      const client = ioClient(server.url, {
        path: SOCKET_IO_PATH,
        auth: { v: PROTOCOL_VERSION, token: joined.token },
        transports: ['websocket'],
        forceNew: true,
      });
      open.push(() => client.close());
      let ready = false;
      client.on('workshop:state', () => (ready = true));
      await waitFor(() => ready, `${name} to connect`);
      return { id: joined.participantId, token: joined.token, client };
    };

    const fac = await connect('Fran (facilitator)');
    const raters: Array<{ role: Role; index: number; id: string; token: string; client: Client }> =
      [];
    for (const role of ROLES) {
      for (const [index, person] of PEOPLE[role].entries()) {
        raters.push({ role, index, ...(await connect(person.name, role)) });
      }
    }
    const facilitate = (event: string, payload?: unknown) => send(fac.client, event, payload);
    for (const r of raters) {
      const persona = PEOPLE[r.role][r.index]!.persona;
      await facilitate('people:assign', { participantId: r.id, personaId: persona });
    }

    // The warm-up: how good a workplace, how well we serve customers (0–10).
    await facilitate('phase:set', { phase: 'warmup' });
    for (const r of raters) {
      const [workplace, customers] = PEOPLE[r.role][r.index]!.warmup;
      await send(r.client, 'warmup:answer', { workplace, customers });
    }
    await facilitate('warmup:close');

    const walk = async (plant: Record<Role, Walk>, notes: boolean) => {
      await facilitate('phase:set', { phase: 'walk' });
      await facilitate('walk:pace', { pace: 'free' });
      for (const r of raters) {
        for (const [i, [base, expectation, effort]] of plant[r.role].entries()) {
          const spread = SPREAD[(r.index + ROLES.indexOf(r.role)) % 3]!;
          const valence = Math.abs(base) <= 2 ? base + spread : base;
          const note = notes && r.role === 'customer' && r.index === 0 ? NOTES[i] : undefined;
          await send(r.client, 'rating:put', {
            stepId: STEPS[i],
            valence,
            emotion: emotionOf(valence),
            expectation,
            effort,
            note: note ?? null,
            // The sales call promises a happy order; the confirmation breaks it.
            ...(r.role === 'customer' && STEPS[i] === 'sales-call'
              ? { expectedNext: 'happy' }
              : {}),
          });
        }
      }
      await facilitate('reveal:all');
    };

    // Round 1: everyone in the customer's boots.
    for (const r of raters) {
      await facilitate('people:set-lens', { participantId: r.id, lens: 'customer' });
    }
    await walk(ROUND_1, true);

    // Round 2: leaders and staff in staff's boots.
    await facilitate('round:start');
    for (const r of raters.filter((p) => p.role !== 'customer')) {
      await facilitate('people:set-lens', { participantId: r.id, lens: 'staff' });
    }
    await walk(ROUND_2, false);

    // Pains, gains and ideas on the board (Yjs, as the facilitator); a second client's copy
    // shows the server has them (it applies an update before it relays it).
    await facilitate('phase:set', { phase: 'ideate' });
    const board = (token: string) => {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(
        server.url.replace('http', 'ws') + YJS_PATH_PREFIX,
        workshop.id,
        doc,
        { WebSocketPolyfill: WebSocket as never, disableBc: true, params: { token } },
      );
      open.push(() => provider.destroy());
      return { doc, provider };
    };
    const writer = board(fac.token);
    const reader = board(raters[0]!.token);
    await waitFor(() => writer.provider.synced && reader.provider.synced, 'the board to sync');
    const base = Date.parse('2026-01-15T10:00:00Z');
    BOARD.forEach((note, i) =>
      addNote(writer.doc, { ...note, authorId: fac.id, createdAt: base + i * 60_000 }),
    );
    await waitFor(() => readNotes(reader.doc).length >= BOARD.length, 'the notes to arrive');

    await facilitate('phase:set', { phase: 'vote' });
    for (const r of raters) {
      for (const [ideaId, dots] of Object.entries(DOTS[r.role])) {
        await send(r.client, 'vote:set', { ideaId, dots });
      }
    }
    await facilitate('votes:close');

    await facilitate('phase:set', { phase: 'actions' });
    await facilitate('action:put', {
      text: 'Show the delivery date in every order confirmation',
      owner: 'Dana',
      department: 'Sales operations',
      dueDate: '2026-03-31',
      stepId: 'order-confirmation',
      ideaId: 'idea-date',
    });
    await facilitate('action:put', {
      text: 'Text a tracking link when the load leaves the warehouse',
      owner: 'Hanna',
      department: 'Logistics',
      dueDate: '2026-04-30',
      stepId: 'delivery-wait',
      ideaId: 'idea-tracking',
    });
    await facilitate('phase:set', { phase: 'summary' });

    fs.mkdirSync(OUT, { recursive: true });
    for (const [format, file] of [
      ['json', 'summary.json'],
      ['md', 'summary.md'],
      ['pdf', 'summary.pdf'],
    ] as const) {
      const res = await http(
        server,
        `/api/workshops/${workshop.id}/export?format=${format}`,
        undefined,
        key,
      );
      fs.writeFileSync(path.join(OUT, file), Buffer.from(await res.arrayBuffer()));
      console.log(`wrote docs/examples/${file}`);
    }
  } finally {
    for (const close of open.reverse()) close();
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
