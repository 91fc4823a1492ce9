import { describe, expect, it } from 'vitest';
import type { Role } from '../lib/domain/roles';
import type { WorkshopExport } from '../lib/export/model';
import { ok } from './helpers/control';
import { download } from './helpers/export';
import { closeAfterEach } from './helpers/people';
import { readPdf } from './helpers/pdf';
import { rating } from './helpers/ratings';
import { connectClient, createWorkshop, joinWorkshop, startTestServer } from './helpers/server';

const open = closeAfterEach();

const EMOTION_OF = ['angry', 'frustrated', 'unsure', 'neutral', 'calm', 'happy', 'delighted'];

/**
 * Two rounds of the b2b path, one customer proxy, one leader and one staff member. Round 1,
 * at Delivery: the proxy +1, the leader and staff −2 (a perception gap of 3, only in round
 * 1), everyone in the customer's boots. Round 2, leaders and staff in staff's boots: everyone +1 at Delivery (no gap).
 */
async function twoRounds() {
  const server = await startTestServer();
  open.push(server);
  const workshop = await createWorkshop(server, {
    title: 'Two rounds',
    template: 'b2b-order-to-invoice',
    locale: 'en',
  });
  const connect = async (name: string, role?: Role) => {
    const key = role ? undefined : workshop.facilitatorKey;
    const joined = await joinWorkshop(server, workshop.id, { name, role }, key);
    const client = await connectClient(server, joined.token);
    open.push(client);
    return { client, id: joined.participantId };
  };
  const fac = (await connect('Fran')).client;
  const customer = await connect('Cea', 'customer');
  const leader = await connect('Leo', 'leader');
  const staff = await connect('Sam', 'staff');
  const rate = (who: typeof leader, valence: number) =>
    ok(
      who.client,
      'rating:put',
      rating('delivery', { valence, emotion: EMOTION_OF[valence + 3]!, expectation: 'as' }),
    );

  for (const who of [leader, staff]) {
    await ok(fac, 'people:set-lens', { participantId: who.id, lens: 'customer' });
  }
  await ok(fac, 'phase:set', { phase: 'walk' });
  await ok(fac, 'walk:pace', { pace: 'free' });
  await rate(customer, 1);
  await rate(leader, -2);
  await rate(staff, -2);
  await ok(fac, 'reveal:all');

  await ok(fac, 'round:start');
  for (const who of [leader, staff]) {
    await ok(fac, 'people:set-lens', { participantId: who.id, lens: 'staff' });
  }
  await ok(fac, 'walk:pace', { pace: 'free' });
  for (const who of [customer, leader, staff]) await rate(who, 1);
  await ok(fac, 'reveal:all');

  const text = async (format: string) =>
    Buffer.from((await download(server, workshop, format)).bytes).toString('utf8');
  const exp = JSON.parse(await text('json')) as WorkshopExport;
  // The Markdown as read: its backslash escapes taken out.
  const md = (await text('md')).replace(/\\([!-/:-@[-`{-~])/g, '$1');
  const pdf = (await readPdf((await download(server, workshop, 'pdf')).bytes)).text.join(' ');
  return { exp, md, pdf };
}

describe('a workshop of two rounds', () => {
  it("keeps round 1's findings in every export, and the change per role between rounds", async () => {
    const { exp, md, pdf } = await twoRounds();
    const delivery = exp.path.findIndex((s) => s.id === 'delivery');
    const name = `${delivery + 1}. ${exp.path[delivery]!.title}`;

    // The JSON: `analysis` is round 2's, as before; round 1's gap is kept in `rounds`.
    expect(exp.analysis.rankings.perceptionGaps).toEqual([]);
    expect(exp.rounds?.map((r) => [r.round, r.lenses])).toEqual([
      [1, { customer: 3, staff: 0 }],
      [2, { customer: 1, staff: 2 }],
    ]);
    const round1 = exp.rounds![0]!.analysis.rankings.perceptionGaps;
    expect(round1.map((g) => [g.stepId, g.gap])).toEqual([['delivery', 3]]);
    const leaders = exp.roundChanges?.find((c) => c.stepId === 'delivery' && c.role === 'leader');
    expect(leaders).toMatchObject({
      means: [
        { round: 1, mean: -2 },
        { round: 2, mean: 1 },
      ],
      change: 3,
    });

    // Markdown and PDF: round 1's finding, then the leaders' change at Delivery.
    for (const doc of [md, pdf]) {
      const at = doc.indexOf("Round 1 (Customer's boots): findings");
      expect(at).toBeGreaterThan(0);
      expect(
        doc.indexOf(`${name}: Customer proxy +1.0, Staff -2.0: a gap of 3`, at),
      ).toBeGreaterThan(at);
      expect(doc.indexOf('What changed between rounds', at)).toBeGreaterThan(at);
    }
    expect(md).toContain(`| ${delivery + 1} | ${exp.path[delivery]!.title} | -2.0 | +1.0 | +3.0 |`);
  });
});
