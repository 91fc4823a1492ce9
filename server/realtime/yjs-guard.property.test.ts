import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNote,
  deleteNote,
  editNoteText,
  GROUP_TITLE_MAX_CHARS,
  groupNotes,
  groupsMap,
  type Lane,
  LANES,
  linkIdeaToPain,
  moveNote,
  NOTE_TEXT_MAX_CHARS,
  notesMap,
  readNotes,
  setNoteGroup,
} from '../../lib/board/board-doc';
import { BOARD_SHAPE } from '../../lib/board/board-shape';
import { setStepField } from '../../lib/board/path-doc';
import { note, Peer, serverDoc, snapshot, writer } from './yjs-guard.fixtures';

/**
 * Property tests of the board guard (issue 21): whatever sequence of app operations the
 * people in a room make, within the rules, is accepted and reaches everyone unchanged;
 * any other shape is refused and changes nothing on the server.
 *
 * Reproduce a failure with the printed seed: `FUZZ_SEED=<seed> npx vitest run
 * server/realtime/yjs-guard.property.test.ts`.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** Runs per property: bounded so that the file takes a few seconds. */
const RUNS = 150;
const OPS_MAX = 25;

const STEPS = ['order', 'invoice'];
const PEOPLE = ['anna', 'ben', 'fran'] as const;
type Person = (typeof PEOPLE)[number];

function room() {
  const server = serverDoc();
  const peers: Record<Person, Peer> = {
    anna: new Peer(server, writer('anna', 'customer')),
    ben: new Peer(server, writer('ben', 'staff')),
    fran: new Peer(server, writer('fran', 'facilitator')),
  };
  return { server, peers };
}

/** Everything in the server's document: every root there is, as JSON. */
function whole(doc: Y.Doc): unknown {
  const roots = snapshot(doc) as object; // defines the app's roots first
  return { ...roots, names: [...doc.share.keys()].sort() };
}

const lane = fc.constantFrom(...LANES);
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: NOTE_TEXT_MAX_CHARS - 5, maxLength: NOTE_TEXT_MAX_CHARS }),
);
const pick = fc.nat(); // an index into whatever there is to choose from, modulo its length

/** One thing a person does on the board through the app's own functions. */
type Op =
  | { kind: 'add'; lane: Lane; step: number; text: string }
  | { kind: 'edit'; note: number; text: string }
  | { kind: 'move'; note: number; lane: Lane; step: number }
  | { kind: 'delete'; note: number }
  | { kind: 'group'; notes: number[]; title: string }
  | { kind: 'setGroup'; note: number; group: number }
  | { kind: 'link'; note: number; pain: number };

const op: fc.Arbitrary<{ who: Person; pull: boolean; op: Op }> = fc.record({
  who: fc.constantFrom(...PEOPLE),
  // Without a pull, the person edits a stale copy: concurrent edits, merged by Yjs.
  pull: fc.boolean(),
  op: fc.oneof(
    fc.record({ kind: fc.constant('add' as const), lane, step: pick, text }),
    fc.record({ kind: fc.constant('edit' as const), note: pick, text }),
    fc.record({ kind: fc.constant('move' as const), note: pick, lane, step: pick }),
    fc.record({ kind: fc.constant('delete' as const), note: pick }),
    fc.record({
      kind: fc.constant('group' as const),
      notes: fc.array(pick, { maxLength: 3 }),
      title: fc.string({ minLength: 1, maxLength: GROUP_TITLE_MAX_CHARS }),
    }),
    fc.record({ kind: fc.constant('setGroup' as const), note: pick, group: pick }),
    fc.record({ kind: fc.constant('link' as const), note: pick, pain: pick }),
  ),
});

let ids = 0;

/** Does `op` as `who` would in the app (only on notes the app lets them change). */
function perform(doc: Y.Doc, who: Person, op: Op): void {
  const notes = readNotes(doc);
  const own = who === 'fran' ? notes : notes.filter((n) => n.authorId === who);
  const ofIndex = <T>(list: T[], i: number): T | undefined => list[i % Math.max(list.length, 1)];
  const groups = [...groupsMap(doc).keys()];
  switch (op.kind) {
    case 'add':
      return addNote(doc, {
        id: `n${++ids}`,
        stepId: STEPS[op.step % STEPS.length]!,
        lane: op.lane,
        text: op.text,
        authorId: who,
        createdAt: ids,
      });
    case 'edit': {
      const n = ofIndex(own, op.note);
      return n && editNoteText(doc, n.id, op.text);
    }
    case 'move': {
      const n = ofIndex(own, op.note);
      return n && moveNote(doc, n.id, { lane: op.lane, stepId: STEPS[op.step % STEPS.length] });
    }
    case 'delete': {
      const n = ofIndex(own, op.note);
      return n && deleteNote(doc, n.id);
    }
    case 'group': {
      const picked = op.notes.map((i) => ofIndex(notes, i)?.id).filter((x) => x !== undefined);
      return groupNotes(doc, `g${++ids}`, STEPS[0]!, op.title, [...new Set(picked)]);
    }
    case 'setGroup': {
      const n = ofIndex(notes, op.note);
      return n && setNoteGroup(doc, n.id, ofIndex(groups, op.group) ?? null);
    }
    case 'link': {
      const idea = ofIndex(
        own.filter((n) => n.lane === 'ideas'),
        op.note,
      );
      const pain = ofIndex(
        notes.filter((n) => n.lane === 'pains'),
        op.pain,
      );
      return idea && linkIdeaToPain(doc, idea.id, pain?.id ?? null);
    }
  }
}

const APP_ROOTS = Object.keys(BOARD_SHAPE);

/** A change no honest page of the app makes, as one participant (Anna) would send it. */
const hostile: fc.Arbitrary<{ name: string; change: (doc: Y.Doc) => void }> = fc.oneof(
  fc
    .record({
      root: fc.string({ minLength: 1, maxLength: 12 }).filter((r) => !APP_ROOTS.includes(r)),
      kind: fc.constantFrom('map', 'array', 'text'),
      value: fc.oneof(fc.string(), fc.integer(), fc.boolean()),
    })
    .map(({ root, kind, value }) => ({
      name: `a ${kind} root '${root}'`,
      change: (d: Y.Doc) => {
        if (kind === 'map') d.getMap(root).set('k', value);
        else if (kind === 'array') d.getArray(root).push([value]);
        else d.getText(root).insert(0, String(value) || 'x');
      },
    })),
  fc
    .record({
      field: fc
        .string({ minLength: 1, maxLength: 12 })
        .filter(
          (f) =>
            ![
              'lane',
              'stepId',
              'text',
              'authorId',
              'createdAt',
              'groupId',
              'painId',
              'id',
            ].includes(f),
        ),
      value: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
      fresh: fc.boolean(),
    })
    .map(({ field, value, fresh }) => ({
      name: `an unknown field '${field}' on a ${fresh ? 'new' : 'own'} note`,
      change: (d: Y.Doc) =>
        d.transact(() => {
          if (fresh) note(d, 'hostile', 'anna');
          notesMap(d)
            .get(fresh ? 'hostile' : 'mine')!
            .set(field, value);
        }),
    })),
  fc
    .constantFrom<[string, unknown]>(
      ['lane', 'nowhere'],
      ['lane', 3],
      ['stepId', 42],
      ['createdAt', 'yesterday'],
      ['createdAt', Number.NaN],
      ['groupId', 7],
      ['painId', true],
      ['text', 'plain string'],
      ['authorId', 'ben'],
      ['authorRole', 'leader'],
      ['authorName', 'The CEO'],
      ['stepId', 'x'.repeat(200)],
    )
    .map(([field, value]) => ({
      name: `${field} = ${JSON.stringify(value)} on an own note`,
      change: (d: Y.Doc) => notesMap(d).get('mine')!.set(field, value),
    })),
  fc.integer({ min: 1, max: 5_000 }).map((extra) => ({
    name: `${extra} characters past the note limit`,
    change: (d: Y.Doc) => {
      const t = notesMap(d).get('mine')!.get('text') as Y.Text;
      t.insert(t.length, 'x'.repeat(NOTE_TEXT_MAX_CHARS - t.length + extra));
    },
  })),
  fc.integer({ min: 1, max: 500 }).map((extra) => ({
    name: `a group title ${extra} characters too long`,
    change: (d: Y.Doc) => {
      const group = new Y.Map<unknown>();
      group.set('stepId', 'order');
      group.set('title', 't'.repeat(GROUP_TITLE_MAX_CHARS + extra));
      groupsMap(d).set('g-long', group as never);
    },
  })),
  fc.constantFrom(
    { name: 'formatting in a note', change: (d: Y.Doc) => text0(d).format(0, 1, { bold: true }) },
    { name: 'an embed in a note', change: (d: Y.Doc) => text0(d).insertEmbed(0, { img: 'x' }) },
    { name: 'editing Ben’s note', change: (d: Y.Doc) => editNoteText(d, 'his', 'Anna was here') },
    { name: 'deleting Ben’s note', change: (d: Y.Doc) => deleteNote(d, 'his') },
    { name: 'moving Ben’s note', change: (d: Y.Doc) => moveNote(d, 'his', { lane: 'gains' }) },
    { name: 'a note in Ben’s name', change: (d: Y.Doc) => note(d, 'forged', 'ben') },
    { name: 'a step title', change: (d: Y.Doc) => setStepField(d, 'order', 'title', 'Hacked') },
    {
      name: 'a nested map in a note',
      change: (d: Y.Doc) => notesMap(d).get('mine')!.set('meta', new Y.Map()),
    },
  ),
);

function text0(d: Y.Doc): Y.Text {
  return notesMap(d).get('mine')!.get('text') as Y.Text;
}

describe(`the board guard, property-based (seed ${SEED})`, () => {
  it('accepts every sequence of app operations within the rules, and everyone converges', () => {
    console.log(`[guard property] seed ${SEED} (FUZZ_SEED=${SEED} to repeat)`);
    fc.assert(
      fc.property(fc.array(op, { maxLength: OPS_MAX }), (ops) => {
        const { server, peers } = room();
        for (const { who, pull, op } of ops) {
          // A text is edited on a current copy: two people each adding to a stale one can
          // together pass the limit, and the guard then rightly refuses the later one.
          if (pull || op.kind === 'edit') peers[who].pull();
          const verdict = peers[who].edit((d) => perform(d, who, op));
          expect(verdict.denied, `${who} ${JSON.stringify(op)}`).toEqual([]);
        }
        const fresh = new Peer(server, writer('olli', 'observer'));
        for (const p of Object.values(peers)) {
          // What each sent reached the server unchanged: a copy synced both ways matches it.
          expect(p.sync().denied).toEqual([]);
          p.pull();
          expect(snapshot(p.doc)).toEqual(snapshot(server));
        }
        fresh.pull();
        expect(snapshot(fresh.doc)).toEqual(snapshot(server));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('refuses every other shape, and the server stays as it was', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 8 }), hostile, (ops, attack) => {
        const { server, peers } = room();
        for (const { who, op } of ops) {
          peers[who].pull();
          peers[who].edit((d) => perform(d, who, op));
        }
        peers.ben.pull();
        peers.ben.edit((d) => note(d, 'his', 'ben', 'Ben’s'));
        peers.anna.pull();
        peers.anna.edit((d) => note(d, 'mine', 'anna', 'Anna’s'));
        const before = whole(server);
        const verdict = peers.anna.edit(attack.change);
        expect(verdict.denied.length, attack.name).toBeGreaterThan(0);
        expect(whole(server), attack.name).toEqual(before);
        // Anna's next honest edit still goes through: her clocks were kept.
        peers.anna.pull();
        expect(peers.anna.edit((d) => note(d, 'after', 'anna', 'ok')).denied).toEqual([]);
        expect(notesMap(server).has('after')).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
