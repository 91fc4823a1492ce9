import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ROLES, type Role } from '../domain/roles';
import {
  boardAccess,
  isValidNewNote,
  isWellFormedNote,
  lockedOut,
  mayChangeNoteField,
  mayEditNote,
  ownsNote,
  signedByWriter,
} from './note-rules';

const who = (role: Role | null, boardLocked = false) => ({
  participantId: 'p1',
  role,
  boardLocked,
});

describe('board access', () => {
  it('lets every role that may edit the board write, and nobody else', () => {
    expect(boardAccess(who('facilitator'))).toBe('write');
    expect(boardAccess(who('leader'))).toBe('write');
    expect(boardAccess(who('staff'))).toBe('write');
    expect(boardAccess(who('customer'))).toBe('write');
    expect(boardAccess(who('observer'))).toBe('read-only');
    expect(boardAccess(who(null))).toBe('read-only');
  });

  it('stops all but facilitators on a locked board; read-only stays read-only', () => {
    expect(boardAccess(who('facilitator', true))).toBe('write');
    for (const role of ['leader', 'staff', 'customer'] as const) {
      expect(boardAccess(who(role, true))).toBe('locked');
    }
    expect(boardAccess(who('observer', true))).toBe('read-only');
    expect(lockedOut(who('observer', true))).toBe(true);
    expect(lockedOut(who('facilitator', true))).toBe(false);
    expect(lockedOut(who('staff', false))).toBe(false);
  });
});

describe('who may change a note', () => {
  it('is its author, or any facilitator', () => {
    expect(ownsNote(who('staff'), 'p1')).toBe(true);
    expect(ownsNote(who('staff'), 'p2')).toBe(false);
    expect(ownsNote(who('staff'), undefined)).toBe(false);
    expect(ownsNote(who('facilitator'), 'p2')).toBe(true);
  });

  it('offers editing only to an owner who may write now', () => {
    expect(mayEditNote(who('customer'), 'p1')).toBe(true);
    expect(mayEditNote(who('customer'), 'p2')).toBe(false);
    expect(mayEditNote(who('customer', true), 'p1')).toBe(false);
    expect(mayEditNote(who('facilitator', true), 'p2')).toBe(true);
    expect(mayEditNote(who('observer'), 'p1')).toBe(false);
    expect(mayEditNote(who(null), 'p1')).toBe(false);
  });

  it('lets anyone group a note, nobody re-sign it, and only its owner change the rest', () => {
    for (const role of ROLES) {
      expect(mayChangeNoteField(who(role), 'p2', 'groupId'), role).toBe(true);
      expect(mayChangeNoteField(who(role), 'p1', 'authorId'), role).toBe(false);
    }
    for (const field of ['text', 'lane', 'stepId', 'painId', 'createdAt', null]) {
      expect(mayChangeNoteField(who('staff'), 'p1', field)).toBe(true);
      expect(mayChangeNoteField(who('staff'), 'p2', field)).toBe(false);
      expect(mayChangeNoteField(who('facilitator'), 'p2', field)).toBe(true);
    }
  });

  it('takes a new note only signed by its writer', () => {
    expect(signedByWriter(who('staff'), 'p1')).toBe(true);
    expect(signedByWriter(who('facilitator'), 'p2')).toBe(false);
  });
});

describe('what makes a note', () => {
  const fields = (over: Record<string, unknown> = {}) => {
    const all: Record<string, unknown> = {
      text: new Y.Text('hi'),
      lane: 'pains',
      stepId: 's1',
      authorId: 'p1',
      ...over,
    };
    return (field: string) => all[field];
  };

  it('needs a text, a lane and a step to be shown', () => {
    expect(isWellFormedNote(fields())).toBe(true);
    expect(isWellFormedNote(fields({ authorId: undefined }))).toBe(true);
    expect(isWellFormedNote(fields({ text: 'hi' }))).toBe(false);
    expect(isWellFormedNote(fields({ lane: 'nowhere' }))).toBe(false);
    expect(isWellFormedNote(fields({ lane: undefined }))).toBe(false);
    expect(isWellFormedNote(fields({ stepId: 7 }))).toBe(false);
  });

  it('needs its author’s id besides, when new', () => {
    expect(isValidNewNote(fields())).toBe(true);
    expect(isValidNewNote(fields({ authorId: undefined }))).toBe(false);
    expect(isValidNewNote(fields({ authorId: 3 }))).toBe(false);
    expect(isValidNewNote(fields({ stepId: undefined }))).toBe(false);
  });
});
