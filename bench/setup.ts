import http from 'node:http';
import type { MemberSpec, RoomSpec } from './load-spec';

/** The template the workshops use, and its step ids (seeds/templates/b2b-order-to-invoice). */
const TEMPLATE = 'b2b-order-to-invoice';
export const STEP_IDS = [
  'request-quote',
  'sales-call',
  'order-confirmation',
  'delivery-wait',
  'delivery',
  'invoice',
  'invoice-dispute',
  'follow-up',
];
const ROLES = ['customer', 'staff', 'leader'];

/**
 * The loopback address person `i` of room `w` connects from: people in many rooms come
 * from many addresses, and the server's limits per address (requests, and connections as
 * they are accepted) apply as in production. A room's people share an address, as a room
 * behind one NAT does, up to PEOPLE_PER_ADDRESS (the big room of 300 is several venues'
 * worth). `base` keeps other traffic (scenario 7's attacker's room) on addresses of its own.
 */
function addressOf(w: number, i: number, base = 1): string {
  return `127.${base}.${Math.floor(i / PEOPLE_PER_ADDRESS) % 250}.${(w % 250) + 1}`;
}
const PEOPLE_PER_ADDRESS = 40;

/** A JSON POST from the local address `from`, as node:http can send and fetch cannot. */
function post(
  url: string,
  body: unknown,
  from: string,
  key?: string,
): Promise<Record<string, string>> {
  const json = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        localAddress: from,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(json),
          ...(key ? { authorization: `Bearer ${key}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          if (res.statusCode !== 201) reject(new Error(`POST ${url}: ${res.statusCode} ${text}`));
          else resolve(JSON.parse(text) as Record<string, string>);
        });
      },
    );
    req.on('error', reject);
    req.end(json);
  });
}

/** Runs `task` over `items`, `concurrency` at a time. */
export async function inBatches<T, R>(
  items: T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return out;
}

export interface CreatedRoom extends RoomSpec {
  facilitatorKey: string;
}

/**
 * Creates `count` workshops through the public API, each with one facilitator (who joins
 * with the key) and `size - 1` participants: what a facilitator and a room of people do.
 */
export async function createWorkshops(
  url: string,
  count: number,
  size: number,
  /** Which range of addresses the rooms come from (`addressOf`). */
  addressBase = 1,
): Promise<CreatedRoom[]> {
  const created = await inBatches(Array.from({ length: count }), 4, async (_, w) => {
    const workshop = await post(
      `${url}/api/workshops`,
      { title: `Bench ${w + 1}`, template: TEMPLATE, locale: 'en' },
      addressOf(w, 0, addressBase),
    );
    return { id: workshop.id!, key: workshop.facilitatorKey! };
  });
  const joins = created.flatMap(({ id, key }, w) =>
    Array.from({ length: size }, (_, i) => ({ id, key: i === 0 ? key : undefined, i, w })),
  );
  const members = await inBatches(joins, 16, async ({ id, key, i, w }): Promise<MemberSpec> => {
    const name = key ? 'Fran' : `P${i}`;
    const role = ROLES[i % ROLES.length]!;
    const joined = await post(
      `${url}/api/workshops/${id}/participants`,
      key ? { name } : { name, role },
      addressOf(w, i, addressBase),
      key,
    );
    return {
      name,
      role: joined.role!,
      token: joined.token!,
      participantId: joined.participantId!,
      address: addressOf(w, i, addressBase),
    };
  });
  return created.map(({ id, key }, w) => ({
    room: id,
    facilitatorKey: key,
    members: members.slice(w * size, (w + 1) * size),
  }));
}

/** The reference server has no accounts: a room name and people's names are all there is. */
export function referenceRoom(size: number): RoomSpec {
  const members = Array.from({ length: size }, (_, i) => ({
    name: `P${i}`,
    role: ROLES[i % ROLES.length]!,
  }));
  return { room: 'bench-room', members };
}
