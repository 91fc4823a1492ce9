import { describe, expect, it } from 'vitest';
import type { Role } from '../lib/domain/roles';
import type { WorkshopExport } from '../lib/export/model';
import { ok } from './helpers/control';
import { download } from './helpers/export';
import { closeAfterEach } from './helpers/people';
import { readPdf } from './helpers/pdf';
import { rating } from './helpers/ratings';
import {
  connectClient,
  createWorkshop,
  joinWorkshop,
  startTestServer,
  type TestClient,
} from './helpers/server';

const open = closeAfterEach();

type Expectation = 'worse' | 'as' | 'better';
const EMOTION_OF = ['angry', 'frustrated', 'unsure', 'neutral', 'calm', 'happy', 'delighted'];

/**
 * The planted walk of the b2b path (Sales, Sales, Sales operations, Customer service,
 * Logistics, Billing, Billing, Sales): per step, what each of three customer proxies,
 * three leaders (in the customer's lens, their default) and three staff felt and expected.
 * Across the hand-offs the proxies fall 0, rise 1, fall 4, fall 1, fall 2; the leaders and
 * staff fall 3 where the proxies stay level (into order confirmation) and rise where the
 * proxies fall 4 (into delivery). The first step is 100% "worse than expected"; the third
 * breaks the second's promise.
 */
const PLANT: Record<'customer' | 'leader' | 'staff', Array<[number, Expectation]>> = {
  customer: [
    [0, 'worse'],
    [1, 'better'],
    [1, 'as'],
    [2, 'as'],
    [-2, 'worse'],
    [-3, 'worse'],
    [-1, 'as'],
    [-3, 'as'],
  ],
  leader: [
    [0, 'worse'],
    [2, 'better'],
    [-1, 'worse'],
    [0, 'as'],
    [1, 'as'],
    [0, 'as'],
    [-1, 'as'],
    [0, 'as'],
  ],
  staff: [
    [0, 'worse'],
    [2, 'better'],
    [-1, 'worse'],
    [0, 'as'],
    [1, 'as'],
    [-1, 'as'],
    [-1, 'as'],
    [0, 'as'],
  ],
};

/** A workshop of the planted walk twice (two rounds), every step revealed, and its exports' text. */
async function plantedWorkshop() {
  const server = await startTestServer();
  open.push(server);
  const workshop = await createWorkshop(server, {
    title: 'Findings order',
    template: 'b2b-order-to-invoice',
    locale: 'en',
  });
  const connect = async (name: string, role?: Role) => {
    const key = role ? undefined : workshop.facilitatorKey;
    const joined = await joinWorkshop(server, workshop.id, { name, role }, key);
    const client = await connectClient(server, joined.token);
    open.push(client);
    return client;
  };
  const fac = await connect('Fran');
  const raters: Array<{ role: keyof typeof PLANT; client: TestClient }> = [];
  for (const role of ['customer', 'leader', 'staff'] as const) {
    for (const i of [1, 2, 3]) raters.push({ role, client: await connect(`${role} ${i}`, role) });
  }
  const json = async (format: string) =>
    Buffer.from((await download(server, workshop, format)).bytes).toString('utf8');
  const steps = (JSON.parse(await json('json')) as WorkshopExport).path.map((s) => s.id);
  expect(steps).toHaveLength(8);

  // Two rounds of the same walk: the latest round's findings, and round 1's kept beside them.
  await ok(fac, 'phase:set', { phase: 'walk' });
  for (const round of [1, 2]) {
    if (round > 1) await ok(fac, 'round:start');
    await ok(fac, 'walk:pace', { pace: 'free' });
    for (const { role, client } of raters) {
      for (const [i, [valence, expectation]] of PLANT[role].entries()) {
        const emotion = EMOTION_OF[valence + 3]!;
        await ok(client, 'rating:put', rating(steps[i]!, { valence, emotion, expectation }));
      }
    }
    await ok(fac, 'reveal:all');
  }

  const exp = JSON.parse(await json('json')) as WorkshopExport;
  // The Markdown as read: its backslash escapes taken out.
  const md = (await json('md')).replace(/\\([!-/:-@[-`{-~])/g, '$1');
  const pdf = (await readPdf((await download(server, workshop, 'pdf')).bytes)).text.join(' ');
  return { exp, md, pdf };
}

/** The text of each findings section, titles in order, cut from the one before to the next. */
function sections(text: string, titles: string[]): string[] {
  const starts: number[] = [];
  for (const title of titles) {
    const at = text.indexOf(title, starts.at(-1) ?? 0);
    expect(at, title).toBeGreaterThanOrEqual(0);
    starts.push(at);
  }
  return starts.slice(0, -1).map((start, i) => text.slice(start, starts[i + 1]));
}

/** Each needle's place in `text`, each found after the one before. */
function inOrder(text: string, needles: string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    expect(at, `${needle} after position ${from} in: ${text}`).toBeGreaterThanOrEqual(from);
    from = at + needle.length;
  }
}

describe('the findings of a planted two-round workshop', () => {
  it('rank the customers’ fall and broken promises first, in the same order in the JSON, Markdown and PDF, every round', async () => {
    const { exp, md, pdf } = await plantedWorkshop();
    const { rankings } = exp.analysis;
    const name = (id: string) => {
      const i = exp.path.findIndex((s) => s.id === id);
      return `${i + 1}. ${exp.path[i]!.title}`;
    };

    // The JSON: the proxies' fall of 4 into delivery ranks first, though everyone together
    // fell most into order confirmation, where only leaders and staff fell.
    expect(exp.analysis.customerBoots).toBe('proxies');
    expect(rankings.worstHandoffs.map((h) => [h.toStepId, h.customerChange])).toEqual([
      ['delivery', -4],
      ['follow-up', -2],
      ['invoice', -1],
    ]);
    expect(rankings.worstHandoffs[0]?.byRole).toEqual({ leader: 1, staff: 1, customer: -4 });
    const intoConfirmation = exp.analysis.handoffs.find((h) => h.toStepId === 'order-confirmation');
    expect(intoConfirmation?.customerChange).toBe(0);
    expect(intoConfirmation?.change).toBeCloseTo(-2);
    // A first step never ranks as a broken promise: the real one comes first.
    expect(rankings.brokenExpectations.map((e) => [e.stepId, e.brokenPromise])).toEqual([
      ['order-confirmation', true],
      ['request-quote', false],
      ['delivery', false],
      ['invoice', false],
    ]);

    // Markdown and PDF: every finding in the JSON rankings' order.
    const findings = [
      rankings.perceptionGaps.map((g) => `${name(g.stepId)}:`),
      rankings.targetGaps.map((g) => `${name(g.stepId)}:`),
      rankings.brokenExpectations.map((e) => `${name(e.stepId)}:`),
      rankings.worstHandoffs.map((h) => `${name(h.fromStepId)} → ${name(h.toStepId)}`),
      rankings.momentsOfTruth.map((m) => `${name(m.stepId)}:`),
    ];
    for (const list of findings) expect(list.length).toBeGreaterThan(0);
    const titles = [
      'Biggest perception gaps',
      'Furthest below the target',
      'Broken expectations',
      'Falls, the worst first',
      'Moments of truth',
      'Top pains and gains per step',
    ];
    expect(exp.rounds?.map((r) => r.round)).toEqual([1, 2]);
    expect(exp.rounds?.[0]?.analysis.rankings).toEqual(rankings);
    for (const text of [md, pdf]) {
      sections(text, titles).forEach((section, i) => inOrder(section, findings[i]!));
      // Round 1's findings survive round 2, listed in the same order as its JSON rankings.
      const round1 = text.slice(text.indexOf('Round 1 ('));
      expect(round1.length).toBeLessThan(text.length);
      inOrder(round1, findings.flat());
      // The customers' fall, the leaders' and staff's rise beside it, and everyone's.
      expect(text).toContain(
        '4. Waiting for delivery → 5. Delivery (Customer service → Logistics): ' +
          'Customer proxy -4.0; Leader +1.0, Staff +1.0, Everyone -0.7',
      );
      expect(text).toContain(
        'Ranked by how the customer proxies’ feeling changed across each hand-off',
      );
      expect(text).toContain(
        '3. Order confirmation: 67% worse than expected, right after a step that beat expectations',
      );
    }
  });
});
