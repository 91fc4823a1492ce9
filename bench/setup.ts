import type { MemberSpec, RoomSpec } from './load-spec';

/** The template the workshops use, and its step ids (seeds/templates/b2b-order-to-invoice). */
export const TEMPLATE = 'b2b-order-to-invoice';
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

/** The address of person `i` of room `w`, sent as X-Forwarded-For (the server trusts it). */
function addressOf(w: number, i: number): string {
  return `10.${w % 250}.${Math.floor(i / 250) % 250}.${i % 250}`;
}

async function post(
  url: string,
  body: unknown,
  from: string,
  key?: string,
): Promise<Record<string, string>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': from,
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, string>;
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
): Promise<CreatedRoom[]> {
  const created = await inBatches(Array.from({ length: count }), 4, async (_, w) => {
    const workshop = await post(
      `${url}/api/workshops`,
      { title: `Bench ${w + 1}`, template: TEMPLATE, locale: 'en' },
      addressOf(w, 0),
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
      addressOf(w, i),
      key,
    );
    return { name, role: joined.role!, token: joined.token!, participantId: joined.participantId! };
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
