/**
 * Yjs attacks for the fuzz test that are well-formed updates carrying edits the write
 * rules must refuse: the path changed; other people's notes edited, moved or deleted;
 * notes in someone else's name or of a bad shape; structs under an honest client's id.
 * Two are a writer's right (a note of its own, one with a nasty id): not all is refused.
 */
import * as Y from 'yjs';
import { deleteNote, editNoteText, moveNote, notesMap, readNotes } from '../../lib/board/board-doc';
import { PATH_ORDER, stepsMap } from '../../lib/board/path-doc';
import { writeNote } from './board';
import { NASTY_KEYS } from './fuzz-values';
import { deletionUpdate, garbageUpdate, syncUpdate } from './fuzz-yjs';
import type { AttackContext } from './fuzz-yjs-attacks';

export const EDIT_ATTACKS = [
  'path',
  'foreign-text',
  'foreign-delete',
  'foreign-move',
  'impersonate',
  'invalid-note',
  'own-note',
  'nasty-id-note',
  'deep-note',
  'hijack-items',
  'hijack-garbage',
  'hijack-delete',
] as const;
export type EditAttack = (typeof EDIT_ATTACKS)[number];

const NOTE_FIELDS = ['lane', 'stepId', 'authorId', 'text', 'groupId', 'painId', 'authorName'];

/** The bytes of one edit attack; null when it has nothing to work on yet (no honest note). */
export function editAttackBytes(
  attack: EditAttack,
  { rng, doc, target, uid, update }: AttackContext,
): Uint8Array | null {
  const honestNotes = () =>
    readNotes(doc.replica).filter((n) => target.victims.includes(n.authorId));
  const honest = () => {
    const notes = honestNotes();
    return notes.length ? rng.pick(notes).id : null;
  };
  switch (attack) {
    case 'path':
      return update((d) => {
        const steps = stepsMap(d);
        const pick = rng.pick(target.stepIds);
        switch (rng.int(4)) {
          case 0:
            steps.get(pick)?.set('title', 'hijacked');
            break;
          case 1:
            steps.delete(pick);
            break;
          case 2:
            d.getArray<string>(PATH_ORDER).delete(0, 1);
            break;
          default:
            d.getArray<string>(PATH_ORDER).push([uid()]);
        }
      });
    case 'foreign-text': {
      const id = honest();
      return id ? update((d) => editNoteText(d, id, rng.pick(['', 'defaced', '💥']))) : null;
    }
    case 'foreign-delete': {
      const id = honest();
      return id ? update((d) => deleteNote(d, id)) : null;
    }
    case 'foreign-move': {
      const id = honest();
      if (!id) return null;
      return update((d) => {
        if (rng.chance(0.5)) moveNote(d, id, { lane: 'questions' });
        else
          notesMap(d)
            .get(id)
            ?.set(rng.pick(NOTE_FIELDS), rng.pick([null, 'x', 42]));
      });
    }
    case 'impersonate':
      return update((d) =>
        writeNote(d, uid(), 'in your name', rng.pick(target.victims), {
          stepId: target.attackStep,
          lane: 'questions',
        }),
      );
    case 'invalid-note':
      return update((d) => {
        const map = new Y.Map<unknown>();
        const fields: Record<string, unknown> = {
          lane: rng.pick(['questions', 'nope', 42, null]),
          stepId: rng.pick([target.attackStep, 7, null]),
          authorId: rng.pick([target.self, 1, null]),
        };
        delete fields[rng.pick(Object.keys(fields))];
        for (const [k, v] of Object.entries(fields)) map.set(k, v);
        map.set('text', rng.chance(0.5) ? 'plain string, not Y.Text' : new Y.Text('t'));
        notesMap(d).set(uid(), map as never);
      });
    case 'own-note':
      return update((d) =>
        writeNote(d, uid(), 'mine', target.self, { stepId: target.attackStep, lane: 'questions' }),
      );
    case 'nasty-id-note':
      // Allowed for a writer: a note of its own whose id is a key plain objects inherit.
      return update((d) =>
        writeNote(d, rng.pick(NASTY_KEYS), 'nasty id', target.self, {
          stepId: target.attackStep,
          lane: 'ideas',
        }),
      );
    case 'deep-note':
      return update((d) => {
        const root = new Y.Map<unknown>();
        let inner = root;
        for (let i = 0; i < 100; i++) {
          const next = new Y.Map<unknown>();
          inner.set('x', next);
          inner = next;
        }
        writeNote(d, uid(), 'deep', target.self, { stepId: target.attackStep, lane: 'questions' });
        notesMap(d).forEach((m) => {
          if (m.get('authorId') === target.self && !m.get('extra')) m.set('extra', root);
        });
      });
    case 'hijack-items': {
      // A note of the attacker's own, written with an honest client's id and next clocks.
      if (target.victimClients.length === 0) return null;
      return update(
        (d) =>
          writeNote(d, uid(), 'stolen clocks', target.self, {
            stepId: target.attackStep,
            lane: 'questions',
          }),
        rng.pick(target.victimClients),
      );
    }
    case 'hijack-garbage': {
      // Garbage in an honest client's name, at its next clocks: were it applied, that
      // client's next edits would look "already known" to the server and be dropped.
      if (target.victimClients.length === 0) return null;
      const victim = rng.pick(target.victimClients);
      const state = Y.getState(doc.replica.store, victim);
      return syncUpdate(garbageUpdate(victim, state + rng.int(2), 1 + rng.int(1000)));
    }
    case 'hijack-delete': {
      // Deletes a range of an honest client's structs, without naming any note.
      if (target.victimClients.length === 0) return null;
      const victim = rng.pick(target.victimClients);
      const state = Y.getState(doc.replica.store, victim);
      return syncUpdate(deletionUpdate(victim, rng.int(Math.max(1, state)), 1 + rng.int(50)));
    }
  }
}
